import type { Role } from '../../lib/auth/roles';
import { DomainError } from '../../lib/errors';
import { mayAct, requireMayAct, type CaseFacts } from '../../subgraphs/services/access';
import {
  caseRefusal,
  openActions,
  requireCaseTakes,
  type CaseCondition,
} from '../../subgraphs/services/case/case-actions.rules';
import { CaseAction, CaseState, Satisfaction } from '../../subgraphs/services/case/case-state-machine.rules';
import { CaseLevel } from '../../subgraphs/services/case/case-escalation.rules';
import { viewerOf } from './viewers';

const G1 = '01900000-0000-7000-8000-0000000000a1';
const G9 = '01900000-0000-7000-8000-0000000000a9';
const C1 = '01900000-0000-7000-8000-0000000000c1';
const S1 = '01900000-0000-7000-8000-0000000000e1';
const R1 = '01900000-0000-7000-8000-0000000000f1';
const R2 = '01900000-0000-7000-8000-0000000000f2';
const NOW = new Date('2026-12-05T08:00:00Z');
const HOUR = 3_600_000;

const territory = { streetIds: [S1], communityIds: [C1], gridIds: [G1] };
const VIEWERS = {
  CITY_ADMIN: viewerOf('CITY_ADMIN'),
  ANALYST: viewerOf('ANALYST'),
  AUDITOR: viewerOf('AUDITOR'),
  SERVICE: viewerOf('SERVICE'),
  STREET_STAFF: viewerOf('STREET_STAFF', { claims: { streetId: S1 }, territory }),
  COMMUNITY_STAFF: viewerOf('COMMUNITY_STAFF', { claims: { communityId: C1 }, territory }),
  GRID_WORKER: viewerOf('GRID_WORKER', { claims: { workerId: 'w1' }, territory }),
  DEPARTMENT: viewerOf('DEPARTMENT', { claims: { department: '城管局' } }),
  PARTY_ORG: viewerOf('PARTY_ORG', { claims: { organizationId: 'o1' } }),
  UNIT_LIAISON: viewerOf('UNIT_LIAISON', { claims: { unitId: 'u1' } }),
  RESIDENT: viewerOf('RESIDENT', { claims: { residentId: R1 } }),
  ANONYMOUS: viewerOf('ANONYMOUS'),
} satisfies Record<Role, unknown>;
const ROLES = Object.keys(VIEWERS) as Role[];
/** Every step a case takes (REPORT makes the case and is no step on it). */
const STEPS = Object.values(CaseAction).filter((action) => action !== CaseAction.REPORT);

type Case = CaseFacts & CaseCondition & { pending: boolean };

/** Every case worth telling apart: in or out of the caller's scope, rated or not, overdue or not, at the top level or not, an extension waiting or not. */
function* cases(): Generator<Case> {
  for (const state of Object.values(CaseState)) {
    for (const inScope of [true, false]) {
      for (const satisfaction of [null, Satisfaction.SATISFIED]) {
        for (const deadline of [null, new Date(NOW.getTime() - HOUR), new Date(NOW.getTime() + HOUR)]) {
          for (const level of [CaseLevel.GRID, CaseLevel.CITY]) {
            for (const pending of [false, true]) {
              yield {
                state,
                satisfaction,
                deadline,
                level,
                pending,
                gridId: inScope ? G1 : G9,
                communityId: C1,
                streetId: S1,
                department: inScope ? '城管局' : '水务局',
                dispatchedAt: deadline ? new Date(deadline.getTime() - 24 * HOUR) : null,
                reporterResidentId: inScope ? R1 : R2,
              };
            }
          }
        }
      }
    }
  }
}

const lookupsOf = (c: Case) => ({ pendingExtension: async () => c.pending });

/** What a step mutation does before it writes (case-steps.ts): the caller's permission (the resolver's guard), then the case's rule. */
async function mutationRefusal(role: Role, c: Case, action: CaseAction): Promise<DomainError | null> {
  try {
    requireMayAct(VIEWERS[role], action, c);
    await requireCaseTakes(c, action, NOW, lookupsOf(c));
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('Case.allowedActions: what a caller is offered is what the mutations take', () => {
  it.each(ROLES)(
    'for every state and condition of a case, %s is offered exactly the steps it may take',
    async (role) => {
      let offered = 0;
      const mismatches: unknown[] = [];
      for (const c of cases()) {
        const listed = await openActions(c, NOW, (action) => mayAct(VIEWERS[role], action, c), lookupsOf(c));
        for (const action of STEPS) {
          const refusal = await mutationRefusal(role, c, action);
          const refusedAsItShould =
            refusal === null || ['UNAUTHENTICATED', 'FORBIDDEN', 'CONFLICT'].includes(refusal.code);
          if (listed.includes(action) !== (refusal === null) || !refusedAsItShould) {
            mismatches.push({
              state: c.state,
              action,
              listed: listed.includes(action),
              refusal: refusal?.message ?? null,
              case: c,
            });
          }
        }
        offered += listed.length;
      }
      expect(mismatches).toEqual([]);
      // Callers that take steps are offered some; the others none.
      expect(offered > 0).toBe(
        ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER', 'DEPARTMENT', 'RESIDENT'].includes(role),
      );
    },
  );

  const base: Case = {
    state: CaseState.REPORTED,
    satisfaction: null,
    deadline: null,
    level: CaseLevel.GRID,
    pending: false,
    gridId: G1,
    communityId: C1,
    streetId: S1,
    department: '城管局',
    dispatchedAt: null,
    reporterResidentId: R1,
  };
  const offer = (role: Role, c: Partial<Case>) => {
    const whole = { ...base, ...c };
    return openActions(whole, NOW, (action) => mayAct(VIEWERS[role], action, whole), lookupsOf(whole));
  };

  it('offers a resident nothing on a new report, and the rating once per closing', async () => {
    expect(await offer('RESIDENT', {})).toEqual([]);
    expect(await offer('GRID_WORKER', {})).toEqual([CaseAction.ACCEPT, CaseAction.CANCEL]);
    expect(await offer('RESIDENT', { state: CaseState.CLOSED })).toEqual([CaseAction.RATE]);
    expect(await offer('RESIDENT', { state: CaseState.CLOSED, satisfaction: Satisfaction.BASIC })).toEqual([]);
    expect(await offer('CITY_ADMIN', { state: CaseState.CLOSED, satisfaction: Satisfaction.BASIC })).toEqual([]);
  });

  it('offers supervision only on an overdue case, and the extension steps by what waits', async () => {
    const dispatched = { state: CaseState.DISPATCHED, dispatchedAt: new Date(NOW.getTime() - 2 * HOUR) };
    expect(await offer('STREET_STAFF', { ...dispatched, deadline: new Date(NOW.getTime() + HOUR) })).toEqual([
      CaseAction.ESCALATE,
    ]);
    expect(await offer('STREET_STAFF', { ...dispatched, deadline: new Date(NOW.getTime() - HOUR) })).toEqual([
      CaseAction.ESCALATE,
      CaseAction.SUPERVISE,
    ]);
    expect(
      await offer('STREET_STAFF', { ...dispatched, deadline: new Date(NOW.getTime() + HOUR), pending: true }),
    ).toEqual([CaseAction.ESCALATE, CaseAction.DECIDE_EXTENSION]);
    expect(await offer('DEPARTMENT', { ...dispatched, deadline: new Date(NOW.getTime() + HOUR) })).toEqual([
      CaseAction.START,
      CaseAction.RETURN,
      CaseAction.REQUEST_EXTENSION,
    ]);
    expect(
      await offer('DEPARTMENT', { ...dispatched, deadline: new Date(NOW.getTime() + HOUR), pending: true }),
    ).toEqual([CaseAction.START, CaseAction.RETURN]);
    expect(
      await offer('CITY_ADMIN', { ...dispatched, level: CaseLevel.CITY, deadline: new Date(NOW.getTime() + HOUR) }),
    ).toEqual([CaseAction.START, CaseAction.RETURN, CaseAction.REQUEST_EXTENSION]);
  });

  it('refuses with the reason the mutation gives', async () => {
    const refusal = await caseRefusal(
      { ...base, state: CaseState.CLOSED, satisfaction: Satisfaction.SATISFIED },
      CaseAction.RATE,
      NOW,
      lookupsOf(base),
    );
    expect([refusal?.code, refusal?.field, refusal?.message]).toEqual([
      'CONFLICT',
      'input.caseId',
      'this closing was already rated SATISFIED',
    ]);
    const decide = await caseRefusal(
      { ...base, state: CaseState.IN_PROGRESS },
      CaseAction.DECIDE_EXTENSION,
      NOW,
      lookupsOf(base),
    );
    expect(decide?.message).toBe('the case has no extension request waiting for a decision');
    const state = await caseRefusal(base, CaseAction.RESOLVE, NOW, lookupsOf(base), 'input.action');
    expect([state?.field, state?.message]).toEqual([
      'input.action',
      'a REPORTED case cannot take RESOLVE; allowed: ACCEPT, CANCEL',
    ]);
  });
});
