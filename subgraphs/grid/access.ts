import {
  claimOf,
  forbidden,
  inTerritory,
  isDistrictWide,
  requireRole,
  requireSignedIn,
  scopeOf,
  type Location,
} from '../../lib/auth/access';
import { isTerritorialRole, TERRITORIAL_ROLES, type Role } from '../../lib/auth/roles';
import { DomainError } from '../../lib/errors';
import { isId } from '../../lib/ids';
import type { Viewer } from '../../lib/viewer';

/**
 * Who may read and write what in the governance office's records.
 *
 * - The map (streets, communities, grids, buildings, workers' public fields, assignments) is
 *   for every signed-in caller; only the grid's public card needs no token.
 * - People (households, residents, visits and their change logs) are for district-wide roles,
 *   for territorial staff where the record's grid is theirs, and for a resident their own
 *   record and household. Departments, Party organisations and unit liaisons see none.
 * - The map is drawn by the city and by a street's staff within their street; people records
 *   are kept by the city and by territorial staff within their territory.
 */

/** Root queries open to callers without a token: the board at the building door. */
export const PUBLIC_QUERIES: readonly string[] = ['gridCard'];

/** Anonymous callers see nothing of this department but what is public. */
export { requireSignedIn };

/** The people records a viewer may see, as the lists are filtered in SQL. */
export type PeopleScope =
  | { kind: 'DISTRICT' }
  | { kind: 'GRIDS'; gridIds: readonly string[] }
  | { kind: 'SELF'; residentId: string }
  | { kind: 'NONE' };

export function peopleScope(viewer: Viewer): PeopleScope {
  if (!viewer.authenticated) return { kind: 'NONE' };
  if (isDistrictWide(viewer)) return { kind: 'DISTRICT' };
  if (isTerritorialRole(viewer.role)) return { kind: 'GRIDS', gridIds: viewer.territory?.gridIds ?? [] };
  // A claim that cannot name a resident names no one (and must not reach SQL as a malformed uuid).
  const residentId = claimOf(viewer, 'RESIDENT', 'residentId');
  return residentId && isId(residentId) ? { kind: 'SELF', residentId } : { kind: 'NONE' };
}

/** The scope a root list of people needs: a role that sees none is told so rather than shown an empty list. */
export function requirePeopleScope(viewer: Viewer, what: string): PeopleScope {
  requireSignedIn(viewer, `reading ${what}`);
  const scope = peopleScope(viewer);
  if (scope.kind === 'NONE') throw forbidden(`${what} are not open to ${viewer.role}`, 'people-records');
  return scope;
}

/** The visit log is the workers' record of their grids: residents do not read it. */
export function requireVisitLogScope(viewer: Viewer): PeopleScope {
  const scope = requirePeopleScope(viewer, 'visits');
  if (scope.kind === 'SELF') throw forbidden(`visits are not open to ${viewer.role}`, 'people-records');
  return scope;
}

/**
 * FORBIDDEN for a record asked for by id outside the caller's scope, named as lib's refuseRecord
 * names it for residents (the caller's role and claim), so every people record refuses alike.
 */
export function outsideScope(viewer: Viewer, type: string, id: string, field: string): DomainError {
  const [claim, value] = Object.entries(viewer.claims)[0] ?? [];
  return forbidden(
    `${type} ${id} is outside the scope of this ${viewer.role}`,
    claim ? `${viewer.role}:${claim}=${value}` : viewer.role,
    field,
  );
}

/** Where a person record lies: the grid of its household's building. */
export interface RecordPlace {
  id: string;
  /** Null when not looked up (a viewer whose scope does not depend on it) or unknown. */
  gridId: string | null;
}

export function residentInScope(viewer: Viewer, resident: RecordPlace): boolean {
  if (!viewer.authenticated) return false;
  if (isDistrictWide(viewer)) return true;
  if (isTerritorialRole(viewer.role)) return inTerritory(viewer, { gridId: resident.gridId });
  return claimOf(viewer, 'RESIDENT', 'residentId') === resident.id;
}

/** A resident sees the household they live in (`ownHouseholdId`), and no other. */
export function householdInScope(viewer: Viewer, household: RecordPlace, ownHouseholdId: string | null): boolean {
  if (!viewer.authenticated) return false;
  if (isDistrictWide(viewer)) return true;
  if (isTerritorialRole(viewer.role)) return inTerritory(viewer, { gridId: household.gridId });
  return viewer.role === 'RESIDENT' && ownHouseholdId !== null && ownHouseholdId === household.id;
}

export function visitInScope(viewer: Viewer, visit: { gridId: string | null }): boolean {
  return (
    viewer.authenticated &&
    (isDistrictWide(viewer) || (isTerritorialRole(viewer.role) && inTerritory(viewer, { gridId: visit.gridId })))
  );
}

/** Care tags say who is old, disabled or poor: only for those who serve the resident, and the resident. */
const CARE_TAG_ROLES: readonly Role[] = ['CITY_ADMIN', ...TERRITORIAL_ROLES, 'RESIDENT'];

export function seesCareTags(viewer: Viewer, residentInScope: boolean): boolean {
  return residentInScope && CARE_TAG_ROLES.includes(viewer.role);
}

/** Filtering by a care tag reveals it; the filter is open to whoever sees the tags of every row it may return. */
export function checkCareTagFilter(viewer: Viewer): void {
  if (CARE_TAG_ROLES.includes(viewer.role)) return;
  throw forbidden(
    `filtering residents by care tags is for ${CARE_TAG_ROLES.join(', ')}; the caller is ${viewer.role}`,
    'care-tags',
    'careTags',
  );
}

/**
 * A worker's own phone in full: for the city, for staff whose territory holds one of the
 * worker's grids, and for the worker themself. The grids are asked for only when they decide.
 */
export async function workerPhoneInScope(
  viewer: Viewer,
  workerId: string,
  gridIdsOfWorker: () => Promise<readonly string[]>,
): Promise<boolean> {
  if (viewer.role === 'CITY_ADMIN') return true;
  if (claimOf(viewer, 'GRID_WORKER', 'workerId') === workerId) return true;
  if (!isTerritorialRole(viewer.role)) return false;
  return (await gridIdsOfWorker()).some((gridId) => inTerritory(viewer, { gridId }));
}

/** A record a write touches, where it lies (null when it does not exist: the write then fails as NOT_FOUND). */
export interface WriteTarget {
  field: string;
  place: Location | null;
}

export const STRUCTURE_WRITERS: readonly Role[] = ['CITY_ADMIN', 'STREET_STAFF'];
export const PEOPLE_WRITERS: readonly Role[] = ['CITY_ADMIN', ...TERRITORIAL_ROLES];

/** Streets themselves are the city's to create and rename. */
export function checkStreetWrite(viewer: Viewer, action: string): void {
  requireRole(viewer, ['CITY_ADMIN'], action);
}

/** The role check alone, made before any record is read. */
export function checkStructureWriter(viewer: Viewer, action: string): void {
  requireRole(viewer, STRUCTURE_WRITERS, action);
}

/**
 * A refused write names the argument at fault and the caller's own scope, never where the record
 * it names lies: a refusal must not tell a caller more than a read would.
 *
 * A street's staff change the map within their street only. Judged by the street claim itself,
 * not the territory's grid list, so a grid created a moment ago is already theirs to edit.
 */
export function checkStructureWrite(viewer: Viewer, action: string, targets: readonly WriteTarget[]): void {
  checkStructureWriter(viewer, action);
  if (viewer.role === 'CITY_ADMIN') return;
  const streetId = claimOf(viewer, 'STREET_STAFF', 'streetId');
  for (const { field, place } of targets) {
    if (!place?.streetId || place.streetId === streetId) continue;
    throw forbidden(`${action}: ${field} lies outside the caller's street`, scopeOf(viewer), field);
  }
}

export function checkPeopleWriter(viewer: Viewer, action: string): void {
  requireRole(viewer, PEOPLE_WRITERS, action);
}

/** Households, residents and visits are kept by the city and by territorial staff in their grids. */
export function checkPeopleWrite(viewer: Viewer, action: string, targets: readonly WriteTarget[]): void {
  checkPeopleWriter(viewer, action);
  if (viewer.role === 'CITY_ADMIN') return;
  for (const { field, place } of targets) {
    if (!place?.gridId || inTerritory(viewer, { gridId: place.gridId })) continue;
    throw forbidden(`${action}: ${field} lies outside the caller's territory`, scopeOf(viewer), field);
  }
}

/** A grid worker's visit log is their own: they record their own visits, not a colleague's. */
export function checkVisitWrite(viewer: Viewer, visit: { workerId: string; grid: WriteTarget }): void {
  checkPeopleWrite(viewer, 'recording a visit', [visit.grid]);
  const workerId = claimOf(viewer, 'GRID_WORKER', 'workerId');
  if (viewer.role === 'GRID_WORKER' && workerId !== visit.workerId) {
    throw forbidden(
      'a grid worker records their own visits only',
      `GRID_WORKER:workerId=${visit.workerId}`,
      'input.workerId',
    );
  }
}
