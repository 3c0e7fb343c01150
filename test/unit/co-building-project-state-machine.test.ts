import { domainErrorOf } from './expect-domain-error';
import {
  checkProjectLists,
  nextProject,
  type ProjectSnapshot,
} from '../../subgraphs/co-building/project/project-state-machine.rules';

const proposed: ProjectSnapshot = { status: 'PROPOSED', unitId: null, communityConfirmed: false, unitConfirmed: false };

describe('project state machine (共建项目, 双向认领)', () => {
  it('reaches DONE only after both sides confirm', () => {
    const claimed = nextProject(proposed, { type: 'CLAIM', unitId: 'u1', unitPairedWithCommunity: true });
    expect(claimed).toEqual({ status: 'CLAIMED', unitId: 'u1', communityConfirmed: false, unitConfirmed: false });
    const half = nextProject(claimed, { type: 'CONFIRM', party: 'UNIT' });
    expect(half.status).toBe('CLAIMED');
    expect(domainErrorOf(() => nextProject(half, { type: 'START' })).message).toBe(
      'a CLAIMED project does not take START',
    );
    const agreed = nextProject(half, { type: 'CONFIRM', party: 'COMMUNITY' });
    expect(agreed).toEqual({ status: 'AGREED', unitId: 'u1', communityConfirmed: true, unitConfirmed: true });
    const done = nextProject(nextProject(agreed, { type: 'START' }), { type: 'COMPLETE' });
    expect(done.status).toBe('DONE');
    expect(domainErrorOf(() => nextProject(done, { type: 'CANCEL' })).code).toBe('CONFLICT');
  });

  it('refuses a second claim, a second confirmation by one side, and an unpaired unit', () => {
    const claimed = nextProject(proposed, { type: 'CLAIM', unitId: 'u1', unitPairedWithCommunity: true });
    expect(
      domainErrorOf(() => nextProject(claimed, { type: 'CLAIM', unitId: 'u2', unitPairedWithCommunity: true })).message,
    ).toBe('the project is already claimed by unit u1');
    const confirmed = nextProject(claimed, { type: 'CONFIRM', party: 'COMMUNITY' });
    expect(domainErrorOf(() => nextProject(confirmed, { type: 'CONFIRM', party: 'COMMUNITY' })).field).toBe(
      'input.party',
    );
    expect(
      domainErrorOf(() => nextProject(proposed, { type: 'CLAIM', unitId: 'u3', unitPairedWithCommunity: false })).field,
    ).toBe('input.unitId');
  });

  it('checks that demands and resources exist and belong to the community', () => {
    const ok = { id: 'd1', communityId: 'c1' };
    expect(() => checkProjectLists('c1', [ok], [], { demandIds: ['d1'], resourceIds: [] })).not.toThrow();
    expect(domainErrorOf(() => checkProjectLists('c1', [], [], { demandIds: [], resourceIds: [] })).field).toBe(
      'input.demandIds',
    );
    expect(
      domainErrorOf(() => checkProjectLists('c1', [ok, null], [], { demandIds: ['d1', 'd2'], resourceIds: [] })).field,
    ).toBe('input.demandIds[1]');
    const foreign = domainErrorOf(() =>
      checkProjectLists('c1', [ok], [{ id: 'r1', communityId: 'c2' }], { demandIds: ['d1'], resourceIds: ['r1'] }),
    );
    expect(foreign.field).toBe('input.resourceIds[0]');
    expect(foreign.message).toBe('resource r1 belongs to another community');
  });
});
