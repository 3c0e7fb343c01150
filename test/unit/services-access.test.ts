import { CLIENT_ROLES, type Role } from '../../lib/auth/roles';
import {
  admissionScopeOf,
  CASE_ACTION_ROLES,
  caseInScope,
  caseScopeOf,
  indicatorScope,
  mayAct,
  mayReadCatalogue,
  requireCatalogueEditor,
  requireCatalogueReader,
  requireCaseReadable,
  requireMayAct,
  requireMayDecideAdmission,
  requireMayReport,
  requireMaySubmitAdmission,
  visibleCase,
  type CaseFacts,
} from '../../subgraphs/services/access';
import { CaseAction, CaseState, OPEN_STATES } from '../../subgraphs/services/case/case-state-machine.rules';
import { caseFilterConditions, caseScopeConditions, type CaseFilter } from '../../subgraphs/services/case/case.store';
import { admissionScopeConditions } from '../../subgraphs/services/admission/admission.store';
import { domainErrorOf } from './expect-domain-error';
import { viewerOf } from './viewers';
import { writtenConditions } from './written-conditions';

const G1 = '01900000-0000-7000-8000-0000000000a1';
const G2 = '01900000-0000-7000-8000-0000000000a2';
const G9 = '01900000-0000-7000-8000-0000000000a9';
const C1 = '01900000-0000-7000-8000-0000000000c1';
const C2 = '01900000-0000-7000-8000-0000000000c2';
const S1 = '01900000-0000-7000-8000-0000000000e1';
const S2 = '01900000-0000-7000-8000-0000000000e2';
const R1 = '01900000-0000-7000-8000-0000000000f1';
const R2 = '01900000-0000-7000-8000-0000000000f2';

/** A worker of grids 1 and 2 (community 1, street 1); a street's staff of street 1 (grids 1, 2). */
const workerTerritory = { streetIds: [S1], communityIds: [C1], gridIds: [G1, G2] };
const VIEWERS = {
  CITY_ADMIN: viewerOf('CITY_ADMIN'),
  ANALYST: viewerOf('ANALYST'),
  AUDITOR: viewerOf('AUDITOR'),
  SERVICE: viewerOf('SERVICE'),
  STREET_STAFF: viewerOf('STREET_STAFF', { claims: { streetId: S1 }, territory: workerTerritory }),
  COMMUNITY_STAFF: viewerOf('COMMUNITY_STAFF', { claims: { communityId: C1 }, territory: workerTerritory }),
  GRID_WORKER: viewerOf('GRID_WORKER', { claims: { workerId: 'w1' }, territory: workerTerritory }),
  DEPARTMENT: viewerOf('DEPARTMENT', { claims: { department: '城管局' } }),
  PARTY_ORG: viewerOf('PARTY_ORG', { claims: { organizationId: 'o1' } }),
  UNIT_LIAISON: viewerOf('UNIT_LIAISON', { claims: { unitId: 'u1' } }),
  RESIDENT: viewerOf('RESIDENT', { claims: { residentId: R1 } }),
  ANONYMOUS: viewerOf('ANONYMOUS'),
} satisfies Record<Role, unknown>;
const ROLES = Object.keys(VIEWERS) as Role[];

/** In grid 1, dispatched to 城管局, reported by resident 1: in scope of every role that sees cases. */
const OURS: CaseFacts = {
  gridId: G1,
  communityId: C1,
  streetId: S1,
  department: '城管局',
  dispatchedAt: new Date(),
  reporterResidentId: R1,
};
/** In grid 9 (street 2), dispatched to 司法所, reported by resident 2. */
const THEIRS: CaseFacts = {
  gridId: G9,
  communityId: C2,
  streetId: S2,
  department: '司法所',
  dispatchedAt: new Date(),
  reporterResidentId: R2,
};

const codeOf = (act: () => unknown) => {
  try {
    act();
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? 'THROWN';
  }
};

describe('the item catalogue', () => {
  it('is read by every signed-in role and refuses a caller without a token', () => {
    for (const role of ROLES) {
      expect([role, codeOf(() => requireCatalogueReader(VIEWERS[role]))]).toEqual([
        role,
        role === 'ANONYMOUS' ? 'UNAUTHENTICATED' : 'OK',
      ]);
      expect([role, mayReadCatalogue(VIEWERS[role])]).toEqual([role, role !== 'ANONYMOUS']);
    }
  });

  it('is changed by CITY_ADMIN only', () => {
    const outcome = Object.fromEntries(
      ROLES.map((role) => [role, codeOf(() => requireCatalogueEditor(VIEWERS[role], 'creating a service item'))]),
    );
    expect(outcome).toEqual({
      CITY_ADMIN: 'OK',
      ANALYST: 'FORBIDDEN',
      AUDITOR: 'FORBIDDEN',
      SERVICE: 'FORBIDDEN',
      STREET_STAFF: 'FORBIDDEN',
      COMMUNITY_STAFF: 'FORBIDDEN',
      GRID_WORKER: 'FORBIDDEN',
      DEPARTMENT: 'FORBIDDEN',
      PARTY_ORG: 'FORBIDDEN',
      UNIT_LIAISON: 'FORBIDDEN',
      RESIDENT: 'FORBIDDEN',
      ANONYMOUS: 'UNAUTHENTICATED',
    });
  });
});

describe('which cases a role sees', () => {
  it('gives every role its scope', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, caseScopeOf(VIEWERS[role])]))).toEqual({
      CITY_ADMIN: { kind: 'ALL' },
      ANALYST: { kind: 'ALL' },
      AUDITOR: { kind: 'ALL' },
      SERVICE: { kind: 'ALL' },
      STREET_STAFF: { kind: 'GRIDS', gridIds: [G1, G2] },
      COMMUNITY_STAFF: { kind: 'GRIDS', gridIds: [G1, G2] },
      GRID_WORKER: { kind: 'GRIDS', gridIds: [G1, G2] },
      DEPARTMENT: { kind: 'DEPARTMENT', department: '城管局' },
      RESIDENT: { kind: 'REPORTER', residentId: R1 },
      PARTY_ORG: { kind: 'NONE' },
      UNIT_LIAISON: { kind: 'NONE' },
      ANONYMOUS: { kind: 'NONE' },
    });
  });

  it('sees nothing when the scope claim or the territory is missing', () => {
    expect(caseScopeOf(viewerOf('DEPARTMENT'))).toEqual({ kind: 'NONE' });
    expect(caseScopeOf(viewerOf('RESIDENT'))).toEqual({ kind: 'NONE' });
    expect(caseScopeOf(viewerOf('RESIDENT', { claims: { residentId: 'not-an-id' } }))).toEqual({ kind: 'NONE' });
    expect(caseScopeOf(viewerOf('GRID_WORKER', { claims: { workerId: 'w1' } }))).toEqual({ kind: 'NONE' });
    expect(
      caseScopeOf(
        viewerOf('GRID_WORKER', {
          claims: { workerId: 'w1' },
          territory: { streetIds: [], communityIds: [], gridIds: [] },
        }),
      ),
    ).toEqual({ kind: 'NONE' });
  });

  it('judges a case by its grid, its department once dispatched, and its reporter', () => {
    const seen = (role: Role, c: CaseFacts) => caseInScope(caseScopeOf(VIEWERS[role]), c);
    for (const role of ROLES) {
      const sees = !['PARTY_ORG', 'UNIT_LIAISON', 'ANONYMOUS'].includes(role);
      const everywhere = ['CITY_ADMIN', 'ANALYST', 'AUDITOR', 'SERVICE'].includes(role);
      expect([role, seen(role, OURS), seen(role, THEIRS)]).toEqual([role, sees, everywhere]);
    }
    // A grid of the worker's community that is not theirs: the grid decides.
    expect(seen('GRID_WORKER', { ...OURS, gridId: G9 })).toBe(false);
    // Not yet dispatched: the department is the item's default, not a dispatch to it.
    expect(seen('DEPARTMENT', { ...OURS, dispatchedAt: null })).toBe(false);
    expect(seen('RESIDENT', { ...OURS, reporterResidentId: null })).toBe(false);
  });

  it('refuses a case by id with FORBIDDEN naming the missing scope, and an anonymous caller with UNAUTHENTICATED', () => {
    const refusal = (role: Role) => {
      const error = domainErrorOf(() => requireCaseReadable(VIEWERS[role], THEIRS, 'case-9'));
      return { code: error.code, field: error.field, scope: error.details.scope };
    };
    expect(refusal('GRID_WORKER')).toEqual({ code: 'FORBIDDEN', field: 'id', scope: `grid:${G9}` });
    expect(refusal('STREET_STAFF')).toEqual({ code: 'FORBIDDEN', field: 'id', scope: `grid:${G9}` });
    expect(refusal('DEPARTMENT')).toEqual({ code: 'FORBIDDEN', field: 'id', scope: 'department:司法所' });
    expect(refusal('RESIDENT')).toEqual({ code: 'FORBIDDEN', field: 'id', scope: 'reporter:self' });
    expect(refusal('PARTY_ORG')).toMatchObject({ code: 'FORBIDDEN', scope: expect.stringContaining('CITY_ADMIN') });
    expect(refusal('ANONYMOUS')).toMatchObject({ code: 'UNAUTHENTICATED', field: 'authorization' });
    expect(domainErrorOf(() => requireCaseReadable(VIEWERS.GRID_WORKER, THEIRS, 'case-9')).message).toBe(
      'case case-9 is outside the cases this GRID_WORKER may see',
    );
    expect(() => requireCaseReadable(VIEWERS.ANALYST, THEIRS, 'case-9')).not.toThrow();
  });

  it('resolves a reference outside the scope to null', () => {
    expect(visibleCase(VIEWERS.GRID_WORKER, OURS)).toBe(OURS);
    expect(visibleCase(VIEWERS.GRID_WORKER, THEIRS)).toBeNull();
    expect(visibleCase(VIEWERS.ANONYMOUS, OURS)).toBeNull();
    expect(visibleCase(VIEWERS.CITY_ADMIN, null)).toBeNull();
  });
});

describe('the filters of a case list in SQL', () => {
  const NOW = new Date('2026-06-01T00:00:00Z');
  const where = (filter: CaseFilter) => writtenConditions((parameter) => caseFilterConditions(filter, NOW, parameter));
  const OVERDUE = '"deadline" is not null and "deadline" < $1 and "state" = any($2)';

  it("narrows by state and by overdue, either way, as of the request's time", () => {
    expect(where({})).toEqual({ conditions: [], values: [] });
    expect(where({ state: CaseState.DISPATCHED, overdue: null })).toEqual({
      conditions: ['"state" = $1'],
      values: ['DISPATCHED'],
    });
    expect(where({ overdue: true })).toEqual({ conditions: [OVERDUE], values: [NOW, [...OPEN_STATES]] });
    expect(where({ overdue: false })).toEqual({ conditions: [`not (${OVERDUE})`], values: [NOW, [...OPEN_STATES]] });
    expect(where({ state: CaseState.ACCEPTED, overdue: true }).conditions).toEqual([
      '"state" = $1',
      '"deadline" is not null and "deadline" < $2 and "state" = any($3)',
    ]);
  });
});

describe('the scope in SQL', () => {
  const where = (role: Role) =>
    writtenConditions((parameter) => caseScopeConditions(caseScopeOf(VIEWERS[role]), parameter));

  it('narrows case lists as the in-memory rule does', () => {
    expect(where('ANALYST')).toEqual({ conditions: [], values: [] });
    // One array parameter however many grids: one statement text, prepared once.
    expect(where('GRID_WORKER')).toEqual({ conditions: ['"grid_id" = any($1)'], values: [[G1, G2]] });
    expect(where('DEPARTMENT')).toEqual({
      conditions: ['"department" = $1', '"dispatched_at" is not null'],
      values: ['城管局'],
    });
    expect(where('RESIDENT')).toEqual({ conditions: ['"reporter_resident_id" = $1'], values: [R1] });
    expect(where('PARTY_ORG')).toEqual({ conditions: ['false'], values: [] });
  });

  it("gives the ORM the admission requests' conditions", () => {
    expect(writtenConditions((p) => admissionScopeConditions(admissionScopeOf(VIEWERS.ANALYST), p))).toEqual({
      conditions: [],
      values: [],
    });
    expect(writtenConditions((p) => admissionScopeConditions(admissionScopeOf(VIEWERS.DEPARTMENT), p))).toEqual({
      conditions: ['"department" = $1'],
      values: ['城管局'],
    });
    expect(writtenConditions((p) => admissionScopeConditions(admissionScopeOf(VIEWERS.STREET_STAFF), p))).toEqual({
      conditions: ['false'],
      values: [],
    });
  });
});

describe('steps of a case: the action → roles table', () => {
  /** Written out by hand, so a change to the table has to change this too. */
  const EXPECTED: Record<CaseAction, Role[]> = {
    REPORT: ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER', 'RESIDENT'],
    ACCEPT: ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER'],
    CANCEL: ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER'],
    DISPATCH: ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER'],
    START: ['CITY_ADMIN', 'DEPARTMENT'],
    RETURN: ['CITY_ADMIN', 'DEPARTMENT'],
    PARK: ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER'],
    RESUME: ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER', 'DEPARTMENT'],
    RESOLVE: ['CITY_ADMIN', 'DEPARTMENT'],
    VERIFY: ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER'],
    CLOSE: ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER'],
    ESCALATE: ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER'],
    REQUEST_EXTENSION: ['CITY_ADMIN', 'DEPARTMENT'],
    DECIDE_EXTENSION: ['CITY_ADMIN', 'STREET_STAFF'],
    SUPERVISE: ['CITY_ADMIN', 'STREET_STAFF'],
    RATE: ['CITY_ADMIN', 'RESIDENT'],
  };

  it('covers every action of the state machine', () => {
    expect(Object.keys(CASE_ACTION_ROLES).sort()).toEqual(Object.values(CaseAction).sort());
    for (const action of Object.values(CaseAction)) {
      expect([action, [...CASE_ACTION_ROLES[action]].sort()]).toEqual([action, [...EXPECTED[action]].sort()]);
    }
  });

  it('lets a role act on a case it sees, for the actions its role takes, and never on one it does not see', () => {
    for (const action of Object.values(CaseAction)) {
      for (const role of ROLES) {
        const viewer = VIEWERS[role];
        expect([action, role, mayAct(viewer, action, OURS)]).toEqual([action, role, EXPECTED[action].includes(role)]);
        expect([action, role, mayAct(viewer, action, THEIRS)]).toEqual([action, role, role === 'CITY_ADMIN']);
        const code = codeOf(() => requireMayAct(viewer, action, OURS));
        const expected = EXPECTED[action].includes(role)
          ? 'OK'
          : role === 'ANONYMOUS'
            ? 'UNAUTHENTICATED'
            : 'FORBIDDEN';
        expect([action, role, code]).toEqual([action, role, expected]);
      }
    }
  });

  it("names the caller's own scope, not the case's grid or department, when the role may but the case lies elsewhere", () => {
    const error = domainErrorOf(() => requireMayAct(VIEWERS.GRID_WORKER, CaseAction.VERIFY, THEIRS));
    expect({ code: error.code, field: error.field, scope: error.details.scope }).toEqual({
      code: 'FORBIDDEN',
      field: 'input.caseId',
      scope: 'GRID_WORKER:workerId=w1',
    });
    const department = domainErrorOf(() => requireMayAct(VIEWERS.DEPARTMENT, CaseAction.RESOLVE, THEIRS));
    expect(department.details.scope).toBe('DEPARTMENT:department=城管局');
    expect(JSON.stringify([error, department])).not.toMatch(new RegExp(`${G9}|司法所`));
    const analyst = domainErrorOf(() => requireMayAct(VIEWERS.ANALYST, CaseAction.CLOSE, OURS));
    expect(analyst.message).toBe(
      'CLOSE on a case is for CITY_ADMIN, STREET_STAFF, COMMUNITY_STAFF, GRID_WORKER; the caller is ANALYST',
    );
  });
});

describe('reporting a case', () => {
  it('lets a resident report for themselves only, and records them as the reporter', () => {
    expect(requireMayReport(VIEWERS.RESIDENT, { gridId: G9 })).toBe(R1);
    expect(requireMayReport(VIEWERS.RESIDENT, { gridId: G9, reporterResidentId: R1 })).toBe(R1);
    const error = domainErrorOf(() => requireMayReport(VIEWERS.RESIDENT, { gridId: G1, reporterResidentId: R2 }));
    expect({ code: error.code, field: error.field, scope: error.details.scope }).toEqual({
      code: 'FORBIDDEN',
      field: 'input.reporterResidentId',
      scope: 'reporter:self',
    });
    expect(codeOf(() => requireMayReport(viewerOf('RESIDENT'), { gridId: G1 }))).toBe('FORBIDDEN');
  });

  it('lets staff report in their territory, for any resident', () => {
    expect(requireMayReport(VIEWERS.GRID_WORKER, { gridId: G2, reporterResidentId: R2 })).toBe(R2);
    expect(requireMayReport(VIEWERS.STREET_STAFF, { gridId: G1 })).toBeNull();
    const error = domainErrorOf(() => requireMayReport(VIEWERS.COMMUNITY_STAFF, { gridId: G9 }));
    expect({ code: error.code, field: error.field, scope: error.details.scope }).toEqual({
      code: 'FORBIDDEN',
      field: 'input.gridId',
      scope: `grid:${G9}`,
    });
    expect(requireMayReport(VIEWERS.CITY_ADMIN, { gridId: G9, reporterResidentId: R2 })).toBe(R2);
  });

  it('refuses every other role', () => {
    for (const role of ['ANALYST', 'AUDITOR', 'SERVICE', 'DEPARTMENT', 'PARTY_ORG', 'UNIT_LIAISON'] as Role[]) {
      expect([role, codeOf(() => requireMayReport(VIEWERS[role], { gridId: G1 }))]).toEqual([role, 'FORBIDDEN']);
    }
    expect(codeOf(() => requireMayReport(VIEWERS.ANONYMOUS, { gridId: G1 }))).toBe('UNAUTHENTICATED');
  });
});

describe('admission requests (准入)', () => {
  it('shows a department its own requests and the district all of them', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, admissionScopeOf(VIEWERS[role]).kind]))).toEqual({
      CITY_ADMIN: 'ALL',
      ANALYST: 'ALL',
      AUDITOR: 'ALL',
      SERVICE: 'ALL',
      DEPARTMENT: 'DEPARTMENT',
      STREET_STAFF: 'NONE',
      COMMUNITY_STAFF: 'NONE',
      GRID_WORKER: 'NONE',
      PARTY_ORG: 'NONE',
      UNIT_LIAISON: 'NONE',
      RESIDENT: 'NONE',
      ANONYMOUS: 'NONE',
    });
    expect(admissionScopeOf(VIEWERS.DEPARTMENT)).toEqual({ kind: 'DEPARTMENT', department: '城管局' });
  });

  it('lets a department submit in its own name only; the committee (CITY_ADMIN) decides', () => {
    expect(() => requireMaySubmitAdmission(VIEWERS.DEPARTMENT, '城管局')).not.toThrow();
    expect(() => requireMaySubmitAdmission(VIEWERS.CITY_ADMIN, '民政局')).not.toThrow();
    const error = domainErrorOf(() => requireMaySubmitAdmission(VIEWERS.DEPARTMENT, '民政局'));
    expect({ code: error.code, field: error.field, scope: error.details.scope }).toEqual({
      code: 'FORBIDDEN',
      field: 'input.department',
      scope: 'department:民政局',
    });
    expect(codeOf(() => requireMaySubmitAdmission(VIEWERS.STREET_STAFF, '城管局'))).toBe('FORBIDDEN');
    const deciders = ROLES.filter((role) => codeOf(() => requireMayDecideAdmission(VIEWERS[role])) === 'OK');
    expect(deciders).toEqual(['CITY_ADMIN']);
    expect(codeOf(() => requireMayDecideAdmission(VIEWERS.ANONYMOUS))).toBe('UNAUTHENTICATED');
  });
});

describe('indicators', () => {
  it('are district-wide for the district roles, narrowed for staff and departments, refused to the rest', () => {
    const outcome = Object.fromEntries(
      ROLES.map((role) => {
        try {
          return [role, indicatorScope(VIEWERS[role]).kind];
        } catch (error) {
          return [role, (error as { code: string }).code];
        }
      }),
    );
    expect(outcome).toEqual({
      CITY_ADMIN: 'ALL',
      ANALYST: 'ALL',
      AUDITOR: 'ALL',
      SERVICE: 'ALL',
      STREET_STAFF: 'GRIDS',
      COMMUNITY_STAFF: 'GRIDS',
      GRID_WORKER: 'GRIDS',
      DEPARTMENT: 'DEPARTMENT',
      PARTY_ORG: 'FORBIDDEN',
      UNIT_LIAISON: 'FORBIDDEN',
      RESIDENT: 'FORBIDDEN',
      ANONYMOUS: 'UNAUTHENTICATED',
    });
  });

  it('refuses a street, community or grid outside the territory, and another department', () => {
    expect(indicatorScope(VIEWERS.STREET_STAFF, { streetId: S1 })).toEqual({ kind: 'GRIDS', gridIds: [G1, G2] });
    const street = domainErrorOf(() => indicatorScope(VIEWERS.STREET_STAFF, { streetId: S2 }));
    expect({ code: street.code, field: street.field, scope: street.details.scope }).toEqual({
      code: 'FORBIDDEN',
      field: 'streetId',
      scope: `street:${S2}`,
    });
    expect(domainErrorOf(() => indicatorScope(VIEWERS.GRID_WORKER, { gridId: G9 })).details.scope).toBe(`grid:${G9}`);
    expect(domainErrorOf(() => indicatorScope(VIEWERS.COMMUNITY_STAFF, { communityId: C2 })).details.scope).toBe(
      `community:${C2}`,
    );
    // Every place named must be in the territory, not only the most specific one.
    expect(domainErrorOf(() => indicatorScope(VIEWERS.STREET_STAFF, { gridId: G1, streetId: S2 })).details.scope).toBe(
      `street:${S2}`,
    );
    expect(indicatorScope(VIEWERS.DEPARTMENT, { department: '城管局', streetId: S2 })).toEqual({
      kind: 'DEPARTMENT',
      department: '城管局',
    });
    expect(domainErrorOf(() => indicatorScope(VIEWERS.DEPARTMENT, { department: '司法所' })).details.scope).toBe(
      'department:司法所',
    );
    expect(indicatorScope(VIEWERS.ANALYST, { streetId: S2, department: '司法所' })).toEqual({ kind: 'ALL' });
  });
});

describe('roles', () => {
  it('covers every client role in these tests', () => {
    expect(CLIENT_ROLES.every((role) => ROLES.includes(role))).toBe(true);
  });
});
