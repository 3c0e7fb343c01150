import { domainErrorOf } from './expect-domain-error';
import { claimantOf, nextWish, type WishSnapshot } from '../../subgraphs/co-building/wish/wish-state-machine.rules';

const open: WishSnapshot = { status: 'OPEN', claimant: null };
const member = { kind: 'MEMBER' as const, memberId: 'm1' };
const unit = { kind: 'UNIT' as const, unitId: 'u1' };

describe('wish state machine (微心愿)', () => {
  it('goes OPEN → CLAIMED → FULFILLED and keeps the claimant', () => {
    const claimed = nextWish(open, { type: 'CLAIM', claimant: member });
    expect(claimed).toEqual({ status: 'CLAIMED', claimant: member });
    expect(nextWish(claimed, { type: 'FULFIL' })).toEqual({ status: 'FULFILLED', claimant: member });
  });

  it('refuses a second claimant while the wish is claimed', () => {
    const claimed = nextWish(open, { type: 'CLAIM', claimant: unit });
    const error = domainErrorOf(() => nextWish(claimed, { type: 'CLAIM', claimant: member }));
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('input.wishId');
    expect(error.message).toBe('the wish is already claimed by unit u1; one claimant at a time');
  });

  it('lets a claimant release the wish so another can claim it', () => {
    const released = nextWish(nextWish(open, { type: 'CLAIM', claimant: unit }), { type: 'RELEASE' });
    expect(released).toEqual({ status: 'OPEN', claimant: null });
    expect(nextWish(released, { type: 'CLAIM', claimant: member }).claimant).toEqual(member);
  });

  it('can be withdrawn while open or claimed, and then nothing more happens', () => {
    const withdrawn = nextWish(open, { type: 'WITHDRAW' });
    expect(withdrawn.status).toBe('WITHDRAWN');
    expect(nextWish({ status: 'CLAIMED', claimant: member }, { type: 'WITHDRAW' }).status).toBe('WITHDRAWN');
    expect(domainErrorOf(() => nextWish(withdrawn, { type: 'CLAIM', claimant: member })).message).toBe(
      'a WITHDRAWN wish cannot be claimed',
    );
  });

  it('refuses to fulfil an unclaimed wish or to change a fulfilled one', () => {
    expect(domainErrorOf(() => nextWish(open, { type: 'FULFIL' })).message).toBe('an OPEN wish cannot be fulfilled');
    const fulfilled: WishSnapshot = { status: 'FULFILLED', claimant: member };
    for (const type of ['RELEASE', 'FULFIL', 'WITHDRAW'] as const) {
      expect(domainErrorOf(() => nextWish(fulfilled, { type })).code).toBe('CONFLICT');
    }
    expect(domainErrorOf(() => nextWish(open, { type: 'RELEASE' })).details).toEqual({
      allowed: ['CLAIM', 'WITHDRAW'],
    });
  });

  it('takes exactly one claimant: a member or a unit', () => {
    expect(claimantOf({ memberId: 'm1' })).toEqual(member);
    expect(claimantOf({ unitId: 'u1' })).toEqual(unit);
    expect(domainErrorOf(() => claimantOf({ memberId: 'm1', unitId: 'u1' })).field).toBe('input.unitId');
    expect(domainErrorOf(() => claimantOf({})).field).toBe('input.memberId');
  });
});
