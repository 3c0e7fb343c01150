import { DomainError } from '../errors';
import type { Viewer } from '../viewer';
import { DISTRICT_WIDE_ROLES, isTerritorialRole, type Role, type ScopeClaimName } from './roles';

/**
 * The rules every subgraph applies to its own records: who is district-wide, what a territory
 * covers, and the one FORBIDDEN error of the graph (it names the scope the caller lacks).
 */

/** Where a record sits. A record is placed by its most specific key (a grid before a community before a street). */
export interface Location {
  gridId?: string | null;
  communityId?: string | null;
  streetId?: string | null;
}

export function isDistrictWide(viewer: Viewer): boolean {
  return DISTRICT_WIDE_ROLES.includes(viewer.role);
}

/** Whether a territorial viewer works where the record is; district-wide viewers see everywhere. */
export function inTerritory(viewer: Viewer, location: Location): boolean {
  if (isDistrictWide(viewer)) return true;
  const territory = viewer.territory;
  if (!territory || !isTerritorialRole(viewer.role)) return false;
  if (location.gridId) return territory.gridIds.includes(location.gridId);
  if (location.communityId) return territory.communityIds.includes(location.communityId);
  if (location.streetId) return territory.streetIds.includes(location.streetId);
  return false;
}

/** The viewer's value of one scope claim, when the viewer has that role. */
export function claimOf(viewer: Viewer, role: Role, claim: ScopeClaimName): string | null {
  return viewer.role === role ? (viewer.claims[claim] ?? null) : null;
}

/** FORBIDDEN, naming what the caller would need (`scope`) and, where one applies, the field. */
export function forbidden(message: string, scope: string, field?: string): DomainError {
  return new DomainError('FORBIDDEN', message, field, { scope });
}

/** The caller's own scope, as FORBIDDEN errors name it (`COMMUNITY_STAFF:communityId=…`). */
export function scopeOf(viewer: Viewer): string {
  const [claim, value] = Object.entries(viewer.claims)[0] ?? [];
  return claim ? `${viewer.role}:${claim}=${value}` : viewer.role;
}

/** Refuse an anonymous caller (no token at the gateway). */
export function requireSignedIn(viewer: Viewer, action: string): void {
  if (!viewer.authenticated || viewer.role === 'ANONYMOUS') {
    throw new DomainError('UNAUTHENTICATED', `${action} needs a signed-in caller`, 'authorization');
  }
}

/** Refuse unless the viewer has one of `roles`. */
export function requireRole(viewer: Viewer, roles: readonly Role[], action: string): void {
  if (roles.includes(viewer.role)) return;
  requireSignedIn(viewer, action);
  throw forbidden(
    `${action} is for ${roles.filter((r) => r !== 'SERVICE').join(', ')}; the caller is ${viewer.role}`,
    roles.join('|'),
  );
}
