import {
  forbidden,
  inTerritory,
  isDistrictWide,
  requireRole,
  requireSignedIn,
  scopeOf,
  type Location,
} from '../../lib/auth/access';
import { isTerritorialRole, TERRITORIAL_ROLES, type Role } from '../../lib/auth/roles';
import { isId } from '../../lib/ids';
import type { Viewer } from '../../lib/viewer';
import { CaseAction } from './case/case-state-machine.rules';

/**
 * Who may read and change what in the service centre's data. Resolvers and loaders ask this
 * module; it knows roles, claims and territories, and nothing of GraphQL or SQL
 * (case/case.store.ts turns a scope into SQL).
 *
 * - The item catalogue (items, versions, intake attributes, items admitted into grids) is for
 *   every signed-in caller: residents need it to report, departments and staff to work. It is
 *   not public: the only data a caller without a token gets in the whole graph is a grid's card.
 * - A case is seen by district-wide roles, by the staff of the grid it was reported in, by the
 *   department it was dispatched to, and by the resident who reported it.
 * - A caller acts on a case only if it can see the case and its role takes that step of the loop.
 */

const TERRITORIAL: readonly Role[] = TERRITORIAL_ROLES;

/** Anonymous callers see nothing of this department but what is public. */
export { requireSignedIn };

// ---------------------------------------------------------------- catalogue

/** Items, their versions and lists, and the assignments of admitted items to grids and communities. */
export function requireCatalogueReader(viewer: Viewer): void {
  requireSignedIn(viewer, 'the service item catalogue');
}

export function mayReadCatalogue(viewer: Viewer): boolean {
  return viewer.authenticated && viewer.role !== 'ANONYMOUS';
}

/** Creating and changing items and putting admitted items into grids: the district's service centre. */
export const CATALOGUE_EDITORS: readonly Role[] = ['CITY_ADMIN'];

export function requireCatalogueEditor(viewer: Viewer, action: string): void {
  requireRole(viewer, CATALOGUE_EDITORS, action);
}

// ---------------------------------------------------------------- cases

/** The cases a viewer may see, as one of five shapes the SQL of every case list understands. */
export type CaseScope =
  | { kind: 'ALL' }
  | { kind: 'GRIDS'; gridIds: readonly string[] }
  | { kind: 'DEPARTMENT'; department: string }
  | { kind: 'REPORTER'; residentId: string }
  | { kind: 'NONE' };

/** What the rules need to know of a case. */
export interface CaseFacts {
  gridId: string;
  communityId: string;
  streetId: string;
  department: string;
  dispatchedAt: Date | null;
  reporterResidentId: string | null;
}

const NONE: CaseScope = { kind: 'NONE' };

/**
 * The cases of a viewer. A department sees the cases dispatched to it: before dispatch a case's
 * department is only the item's default and the dispatcher may send it elsewhere. A territory is
 * judged by the case's grid (inTerritory places a record by its most specific key). An anonymous
 * caller gets NONE here (entity references resolve to null); lists refuse it before asking.
 */
export function caseScopeOf(viewer: Viewer): CaseScope {
  if (isDistrictWide(viewer)) return { kind: 'ALL' };
  if (isTerritorialRole(viewer.role)) {
    return viewer.territory?.gridIds.length ? { kind: 'GRIDS', gridIds: viewer.territory.gridIds } : NONE;
  }
  if (viewer.role === 'DEPARTMENT') {
    const department = viewer.claims.department?.trim();
    return department ? { kind: 'DEPARTMENT', department } : NONE;
  }
  if (viewer.role === 'RESIDENT') {
    const residentId = viewer.claims.residentId;
    return residentId && isId(residentId) ? { kind: 'REPORTER', residentId } : NONE;
  }
  return NONE;
}

/** The same rule as the SQL of case/case.store.ts, for one case in memory. */
export function caseInScope(scope: CaseScope, c: CaseFacts): boolean {
  switch (scope.kind) {
    case 'ALL':
      return true;
    case 'GRIDS':
      return scope.gridIds.includes(c.gridId);
    case 'DEPARTMENT':
      return c.department === scope.department && c.dispatchedAt !== null;
    case 'REPORTER':
      return c.reporterResidentId === scope.residentId;
    case 'NONE':
      return false;
  }
}

export function mayReadCase(viewer: Viewer, c: CaseFacts): boolean {
  return caseInScope(caseScopeOf(viewer), c);
}

/** Roles that see some cases (the others see none). */
export const CASE_READERS: readonly Role[] = [
  'CITY_ADMIN',
  'ANALYST',
  'AUDITOR',
  'SERVICE',
  ...TERRITORIAL,
  'DEPARTMENT',
  'RESIDENT',
];

/** What a viewer would need to see a case, for the FORBIDDEN it gets (details.scope). */
export function missingCaseScope(viewer: Viewer, c: CaseFacts): string {
  if (isTerritorialRole(viewer.role)) return `grid:${c.gridId}`;
  if (viewer.role === 'DEPARTMENT') return `department:${c.department}`;
  // The reporter's id is personal: the scope names the rule, not the person.
  if (viewer.role === 'RESIDENT') return 'reporter:self';
  return CASE_READERS.join('|');
}

/** A case asked for by id: FORBIDDEN, naming the missing scope, when the viewer may not see it. */
export function requireCaseReadable(viewer: Viewer, c: CaseFacts, id: string, field = 'id'): void {
  requireSignedIn(viewer, 'a case');
  if (mayReadCase(viewer, c)) return;
  throw forbidden(`case ${id} is outside the cases this ${viewer.role} may see`, missingCaseScope(viewer, c), field);
}

/** Entity references and other ways to a case that is not asked for by id: out of scope is null. */
export function visibleCase<T extends CaseFacts>(viewer: Viewer, c: T | null): T | null {
  return c && mayReadCase(viewer, c) ? c : null;
}

// ---------------------------------------------------------------- steps of a case

const DISPATCHERS: readonly Role[] = ['CITY_ADMIN', ...TERRITORIAL];
const HANDLERS: readonly Role[] = ['CITY_ADMIN', 'DEPARTMENT'];

/**
 * Which roles take which step of the loop (GB/T 30428). A role in this table still acts only on
 * cases it can see: staff in their territory, a department on the cases dispatched to it, a
 * resident on the cases they reported; CITY_ADMIN everywhere.
 * - The dispatcher's side (territorial staff where the case lies) registers or cancels a report
 *   (ACCEPT, CANCEL), dispatches it, verifies on site, closes, escalates, and parks a case (挂账
 *   stops the clock, so the handler does not decide it alone).
 * - The handler's side (the department the case was dispatched to) takes the task up (START: its
 *   acceptance of the dispatch), returns it (回退), resumes it, reports it done (RESOLVE) and asks
 *   for more time (REQUEST_EXTENSION).
 * - Deciding an extension and a supervision notice (督办) bind a department: a street's staff
 *   or the district, not a grid worker.
 * - The reporter rates their own case; a report without a resident is rated by the district.
 */
export const CASE_ACTION_ROLES: Readonly<Record<CaseAction, readonly Role[]>> = {
  [CaseAction.REPORT]: ['CITY_ADMIN', ...TERRITORIAL, 'RESIDENT'],
  [CaseAction.ACCEPT]: DISPATCHERS,
  [CaseAction.CANCEL]: DISPATCHERS,
  [CaseAction.DISPATCH]: DISPATCHERS,
  [CaseAction.START]: HANDLERS,
  [CaseAction.RETURN]: HANDLERS,
  [CaseAction.PARK]: DISPATCHERS,
  [CaseAction.RESUME]: [...DISPATCHERS, 'DEPARTMENT'],
  [CaseAction.RESOLVE]: HANDLERS,
  [CaseAction.VERIFY]: DISPATCHERS,
  [CaseAction.CLOSE]: DISPATCHERS,
  [CaseAction.ESCALATE]: DISPATCHERS,
  [CaseAction.REQUEST_EXTENSION]: HANDLERS,
  [CaseAction.DECIDE_EXTENSION]: ['CITY_ADMIN', 'STREET_STAFF'],
  [CaseAction.SUPERVISE]: ['CITY_ADMIN', 'STREET_STAFF'],
  [CaseAction.RATE]: ['CITY_ADMIN', 'RESIDENT'],
};

/** The role check alone, before the case is loaded (a refused role learns nothing of the case). */
export function requireActionRole(viewer: Viewer, action: CaseAction): void {
  requireRole(viewer, CASE_ACTION_ROLES[action], `${action} on a case`);
}

/** The whole check of one step on a loaded case, before anything is written. A refusal names the caller's scope, not the case's grid or department. */
export function requireMayAct(viewer: Viewer, action: CaseAction, c: CaseFacts, field = 'input.caseId'): void {
  requireActionRole(viewer, action);
  if (mayReadCase(viewer, c)) return;
  throw forbidden(
    `${action} is refused: the case is outside the cases this ${viewer.role} may act on`,
    scopeOf(viewer),
    field,
  );
}

export function mayAct(viewer: Viewer, action: CaseAction, c: CaseFacts): boolean {
  return CASE_ACTION_ROLES[action].includes(viewer.role) && mayReadCase(viewer, c);
}

/**
 * 信息收集: who may report where, and for whom. Staff report in their territory (for any
 * resident, 代办); a resident reports for themselves only, anywhere in the district. Returns the
 * reporter to record: a resident who names nobody reports as themselves.
 */
export function requireMayReport(
  viewer: Viewer,
  input: { gridId: string; reporterResidentId?: string | null },
): string | null {
  requireActionRole(viewer, CaseAction.REPORT);
  if (viewer.role === 'RESIDENT') {
    const self = viewer.claims.residentId ?? null;
    if (!self)
      throw forbidden(
        'a resident reports for themselves: the token names no resident',
        'reporter:self',
        'input.reporterResidentId',
      );
    if (input.reporterResidentId && input.reporterResidentId !== self) {
      throw forbidden(
        'a resident reports for themselves only, not for another resident',
        'reporter:self',
        'input.reporterResidentId',
      );
    }
    return self;
  }
  if (isTerritorialRole(viewer.role) && !inTerritory(viewer, { gridId: input.gridId })) {
    throw forbidden(
      `grid ${input.gridId} is outside the territory of this ${viewer.role}`,
      `grid:${input.gridId}`,
      'input.gridId',
    );
  }
  return input.reporterResidentId ?? null;
}

// ---------------------------------------------------------------- admission (准入)

export type AdmissionScope = { kind: 'ALL' } | { kind: 'DEPARTMENT'; department: string } | { kind: 'NONE' };

/**
 * A department sees the requests it submitted; the district-wide roles see them all (the
 * committee is the district's, analysts and auditors read everywhere). Staff, residents, Party
 * organisations and units see the admitted items (ItemAssignment), not the applications.
 */
export function admissionScopeOf(viewer: Viewer): AdmissionScope {
  if (isDistrictWide(viewer)) return { kind: 'ALL' };
  const department = viewer.role === 'DEPARTMENT' ? viewer.claims.department?.trim() : undefined;
  return department ? { kind: 'DEPARTMENT', department } : { kind: 'NONE' };
}

export const ADMISSION_SUBMITTERS: readonly Role[] = ['CITY_ADMIN', 'DEPARTMENT'];

/** A department applies in its own name; the district may file on a department's behalf. */
export function requireMaySubmitAdmission(viewer: Viewer, department: string): void {
  requireRole(viewer, ADMISSION_SUBMITTERS, 'submitting an admission request');
  if (viewer.role !== 'DEPARTMENT') return;
  const own = viewer.claims.department?.trim();
  if (!own || own !== department.trim()) {
    throw forbidden(
      `a department submits admission requests in its own name (${own ?? 'none in the token'}), not for ${department}`,
      `department:${department}`,
      'input.department',
    );
  }
}

/**
 * The admission committee (社区工作准入委员会) is the district's: CITY_ADMIN decides. A
 * department never decides, least of all on its own request.
 */
export const ADMISSION_DECIDERS: readonly Role[] = ['CITY_ADMIN'];

export function requireMayDecideAdmission(viewer: Viewer): void {
  requireRole(viewer, ADMISSION_DECIDERS, 'deciding an admission request');
}

// ---------------------------------------------------------------- indicators

/** What an indicator request narrows to (a street, community or grid; a department). */
export interface IndicatorAsk extends Location {
  department?: string | null;
}

const INDICATOR_READERS: readonly Role[] = [
  'CITY_ADMIN',
  'ANALYST',
  'AUDITOR',
  'SERVICE',
  ...TERRITORIAL,
  'DEPARTMENT',
];

/**
 * Aggregates: district-wide roles everywhere; staff over their territory's grids; a department
 * over the cases dispatched to it. Asking for a place or department outside that is FORBIDDEN,
 * not an answer of zeros. Residents, Party organisations and units get no figures. Returns the
 * cases the figures are counted over.
 */
export function indicatorScope(viewer: Viewer, ask: IndicatorAsk = {}): CaseScope {
  requireSignedIn(viewer, 'case indicators');
  requireRole(viewer, INDICATOR_READERS, 'reading case indicators');
  if (isDistrictWide(viewer)) return { kind: 'ALL' };
  if (isTerritorialRole(viewer.role)) {
    for (const place of placesOf(ask)) {
      if (!inTerritory(viewer, place.location)) {
        throw forbidden(
          `${place.name} ${place.id} is outside the territory of this ${viewer.role}`,
          `${place.name}:${place.id}`,
          place.field,
        );
      }
    }
  }
  if (viewer.role === 'DEPARTMENT' && ask.department && ask.department !== viewer.claims.department) {
    throw forbidden(
      `a department reads its own figures (${viewer.claims.department ?? 'none in the token'}), not ${ask.department}`,
      `department:${ask.department}`,
      'department',
    );
  }
  return caseScopeOf(viewer);
}

/** Every place named in an ask; each must lie in the territory (a grid of the caller's community is not enough). */
function placesOf(ask: IndicatorAsk): Array<{ name: string; id: string; field: string; location: Location }> {
  const places = [];
  if (ask.gridId) places.push({ name: 'grid', id: ask.gridId, field: 'gridId', location: { gridId: ask.gridId } });
  if (ask.communityId)
    places.push({
      name: 'community',
      id: ask.communityId,
      field: 'communityId',
      location: { communityId: ask.communityId },
    });
  if (ask.streetId)
    places.push({ name: 'street', id: ask.streetId, field: 'streetId', location: { streetId: ask.streetId } });
  return places;
}
