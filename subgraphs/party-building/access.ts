import { claimOf, forbidden, isDistrictWide, requireRole, requireSignedIn } from '../../lib/auth/access';
import { isTerritorialRole } from '../../lib/auth/roles';
import { isId } from '../../lib/ids';
import type { SqlParameter } from '../../lib/sql-rows';
import type { Viewer } from '../../lib/viewer';

/**
 * Who may read and change the organisation department's records.
 *
 * - The organisation tree (organisations, their coverage, part-time seats, history, coverage
 *   figures and member counts) is the district's shared map of Party organisations: any
 *   signed-in caller reads it; an anonymous one is asked to sign in.
 * - Party members, with their offices and membership history, are people: a district-wide role
 *   sees them all; a Party organisation those held in its own organisation and every one below
 *   it; street, community and grid staff those living in their grids; a resident their own
 *   record; a department or a unit none.
 * - Changes (organisations, seats, members, offices, transfers) are made by the district or by
 *   a Party organisation inside its own subtree.
 */

/** The members one viewer may see. Lists are narrowed by it in SQL, single records checked by it. */
export type MemberScope =
  | { kind: 'DISTRICT' }
  | { kind: 'ORGANIZATIONS'; organizationIds: readonly string[] }
  | { kind: 'GRIDS'; gridIds: readonly string[] }
  | { kind: 'RESIDENT'; residentId: string }
  | { kind: 'NONE' };

/** Where a member record sits, for the scope check. */
export interface MemberPlace {
  organizationId: string;
  homeGridId: string | null;
  residentId: string | null;
}

export function memberPlaceOf(member: {
  organization: { id: string };
  homeGridId: string | null;
  residentId: string | null;
}): MemberPlace {
  return { organizationId: member.organization.id, homeGridId: member.homeGridId, residentId: member.residentId };
}

/** Anonymous callers see nothing of this department but what is public. */
export { requireSignedIn };

/** The organisation whose subtree scopes a PARTY_ORG caller; null for every other caller (or a malformed claim). */
export function scopingOrganizationOf(viewer: Viewer): string | null {
  const id = claimOf(viewer, 'PARTY_ORG', 'organizationId');
  return id && isId(id) ? id : null;
}

/**
 * The viewer's member scope. `subtree` is the scoping organisation and every organisation below
 * it (read once per request, and only for a PARTY_ORG caller).
 */
export function memberScopeOf(viewer: Viewer, subtree: readonly string[]): MemberScope {
  if (isDistrictWide(viewer)) return { kind: 'DISTRICT' };
  if (viewer.role === 'PARTY_ORG') return { kind: 'ORGANIZATIONS', organizationIds: subtree };
  if (isTerritorialRole(viewer.role)) return { kind: 'GRIDS', gridIds: viewer.territory?.gridIds ?? [] };
  const residentId = claimOf(viewer, 'RESIDENT', 'residentId');
  if (residentId) return { kind: 'RESIDENT', residentId };
  return { kind: 'NONE' };
}

export function canSeeMember(scope: MemberScope, member: MemberPlace): boolean {
  switch (scope.kind) {
    case 'DISTRICT':
      return true;
    case 'ORGANIZATIONS':
      return scope.organizationIds.includes(member.organizationId);
    case 'GRIDS':
      return member.homeGridId !== null && scope.gridIds.includes(member.homeGridId);
    case 'RESIDENT':
      return member.residentId === scope.residentId;
    case 'NONE':
      return false;
  }
}

/**
 * Whether a member's ID number and phone may be shown in full to this viewer when a purpose is
 * stated: the member must be one the viewer sees. Which roles may ever have full values is
 * lib/auth/personal-access.ts's rule (ANALYST, AUDITOR and SERVICE see members, masked only).
 */
export function personalValuesInScope(scope: MemberScope, member: MemberPlace): boolean {
  return canSeeMember(scope, member);
}

/** The same scope as a MikroORM filter on PartyMember; null when nothing is narrowed. */
export function memberWhere(scope: MemberScope): Record<string, unknown> | null {
  switch (scope.kind) {
    case 'DISTRICT':
      return null;
    case 'ORGANIZATIONS':
      return { organization: { $in: [...scope.organizationIds] } };
    case 'GRIDS':
      return { homeGridId: { $in: [...scope.gridIds] } };
    case 'RESIDENT':
      return { residentId: scope.residentId };
    case 'NONE':
      return { id: { $in: [] } };
  }
}

/**
 * The same scope as SQL conditions on party_building.party_member, each value written through
 * `parameter` (which returns its placeholder): a member page's `where` (lib/loaders.ts).
 */
export function memberConditions(scope: MemberScope, parameter: SqlParameter): string[] {
  switch (scope.kind) {
    case 'DISTRICT':
      return [];
    case 'ORGANIZATIONS':
      return [`"organization_id" = any(${parameter([...scope.organizationIds])})`];
    case 'GRIDS':
      return [`"home_grid_id" = any(${parameter([...scope.gridIds])})`];
    case 'RESIDENT':
      return [`"resident_id" = ${parameter(scope.residentId)}`];
    case 'NONE':
      return ['false'];
  }
}

/** Who may change Party records at all; a PARTY_ORG only inside its subtree (checkInsideSubtree). */
export const PARTY_WRITERS = ['CITY_ADMIN', 'PARTY_ORG'] as const;

export function requirePartyWriter(viewer: Viewer, action: string): void {
  requireRole(viewer, PARTY_WRITERS, action);
}

/** An organisation a change touches, and the input field that named it (or named the record it holds). */
export interface WriteTarget {
  /** null: the change has no organisation to hang under (a new street working committee). */
  organizationId: string | null;
  field: string;
  /**
   * The organisation must lie strictly below the caller's: moving, splitting or dissolving an
   * organisation is decided by the level above it, not by the organisation itself.
   */
  below?: boolean;
}

/**
 * A PARTY_ORG changes records only in its own subtree: the organisation it changes and, for a
 * move or a transfer, the destination too. The district (CITY_ADMIN) changes anything.
 */
export function checkInsideSubtree(
  viewer: Viewer,
  subtree: readonly string[],
  action: string,
  targets: readonly WriteTarget[],
): void {
  requirePartyWriter(viewer, action);
  if (viewer.role !== 'PARTY_ORG') return;
  const root = scopingOrganizationOf(viewer);
  const scope = `PARTY_ORG:organizationId=${viewer.claims.organizationId ?? ''}`;
  for (const target of targets) {
    if (target.organizationId === null) {
      throw forbidden(`${action}: a top-level organisation is created by CITY_ADMIN`, 'CITY_ADMIN', target.field);
    }
    if (!root || !subtree.includes(target.organizationId)) {
      // The argument, not the organisation it leads to: a refusal tells no more than a read would.
      throw forbidden(
        `${action}: ${target.field} is outside the subtree of ${viewer.claims.organizationId}`,
        scope,
        target.field,
      );
    }
    if (target.below && target.organizationId === root) {
      throw forbidden(`${action}: organisation ${root} is changed by the organisation above it`, scope, target.field);
    }
  }
}

/**
 * Check a change before anything is written: the caller's role first, then, for a Party
 * organisation, that every organisation the change touches lies in its subtree. `currentSubtree`
 * and `targets` are read only for such a caller; a null target is a record that does not exist,
 * which the change itself then reports as NOT_FOUND.
 */
export async function authorizeChange(
  viewer: Viewer,
  currentSubtree: () => Promise<readonly string[]>,
  action: string,
  targets: () => Promise<Array<WriteTarget | null>> | Array<WriteTarget | null>,
): Promise<void> {
  requirePartyWriter(viewer, action);
  if (viewer.role !== 'PARTY_ORG') return;
  const [subtree, touched] = await Promise.all([currentSubtree(), targets()]);
  checkInsideSubtree(
    viewer,
    subtree,
    action,
    touched.filter((target): target is WriteTarget => target !== null),
  );
}
