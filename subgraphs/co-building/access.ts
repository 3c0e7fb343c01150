import {
  claimOf,
  forbidden,
  inTerritory,
  isDistrictWide,
  requireRole,
  requireSignedIn,
  scopeOf,
} from '../../lib/auth/access';
import { isTerritorialRole, type Role } from '../../lib/auth/roles';
import { DomainError } from '../../lib/errors';
import type { Viewer } from '../../lib/viewer';

/**
 * Who may read and change the co-building data (共建共治、双报到).
 *
 * Nothing here is public. The 寿光 article does publish member reports (公示): monthly in the
 * residence compound, quarterly in the unit. Those notices are pinned up for the people who live
 * or work there; an open listing on the internet of where named Party members live and work
 * would reach far beyond that audience (PIPL: minimum necessary), and the graph keeps anonymous
 * callers to the grids' public cards. The post-category tree is not published as a notice at all.
 * So the published listings and the category tree are for any signed-in caller, like the rest of
 * the organisational data: units, pairings, posts, demands, resources, projects, evaluations.
 *
 * Member reports and pledges are about people (who lives where, who works where, who serves
 * where): the district-wide roles see them all, street, community and grid staff those of the
 * communities in their territory, a unit's liaison those of its own members, a Party
 * organisation those of the units it is the Party organisation of. Wishes belong to residents:
 * the resident sees their own, street, community and grid staff those of their communities (a
 * wish is kept by community, not by grid), a unit's liaison the open ones (they are put up to be
 * claimed) and those its unit claimed.
 */

/** Anonymous callers see nothing of this department but what is public. */
export { requireSignedIn };

/**
 * FORBIDDEN for a record outside the caller's scope, naming the scope the caller has (the
 * convention of lib/personal-data.ts refuseRecord): the record's own place is not disclosed.
 */
export function outOfScope(viewer: Viewer, what: string, field: string): DomainError {
  return forbidden(`${what} is outside the scope of this ${viewer.role}`, scopeOf(viewer), field);
}

// ---------------------------------------------------------------------------------------------
// Reading member reports and pledges (a pledge is in scope exactly when its report is).

/** The member reports a viewer may read, as conditions any one of which admits a row; `all` admits every row. */
export interface ReportScope {
  all: boolean;
  communityIds: readonly string[];
  unitIds: readonly string[];
  /** Reports from units whose Party organisation (单位党组织) is one of these. */
  partyOrganizationIds: readonly string[];
}

const NO_REPORTS: ReportScope = { all: false, communityIds: [], unitIds: [], partyOrganizationIds: [] };

export function reportScope(viewer: Viewer): ReportScope {
  if (isDistrictWide(viewer)) return { ...NO_REPORTS, all: true };
  if (isTerritorialRole(viewer.role)) return { ...NO_REPORTS, communityIds: viewer.territory?.communityIds ?? [] };
  const unitId = claimOf(viewer, 'UNIT_LIAISON', 'unitId');
  if (unitId) return { ...NO_REPORTS, unitIds: [unitId] };
  const organizationId = claimOf(viewer, 'PARTY_ORG', 'organizationId');
  if (organizationId) return { ...NO_REPORTS, partyOrganizationIds: [organizationId] };
  return NO_REPORTS;
}

export interface ReportFacts {
  communityId: string;
  unitId: string;
  unitPartyOrganizationId: string | null;
}

export function mayReadReport(viewer: Viewer, report: ReportFacts): boolean {
  const scope = reportScope(viewer);
  return (
    scope.all ||
    scope.communityIds.includes(report.communityId) ||
    scope.unitIds.includes(report.unitId) ||
    (report.unitPartyOrganizationId !== null && scope.partyOrganizationIds.includes(report.unitPartyOrganizationId))
  );
}

// ---------------------------------------------------------------------------------------------
// Reading wishes.

export interface WishScope {
  all: boolean;
  communityIds: readonly string[];
  residentIds: readonly string[];
  /** Open wishes, put up for members and units to claim. */
  open: boolean;
  claimedByUnitIds: readonly string[];
}

const NO_WISHES: WishScope = { all: false, communityIds: [], residentIds: [], open: false, claimedByUnitIds: [] };

export function wishScope(viewer: Viewer): WishScope {
  if (isDistrictWide(viewer)) return { ...NO_WISHES, all: true };
  if (isTerritorialRole(viewer.role)) return { ...NO_WISHES, communityIds: viewer.territory?.communityIds ?? [] };
  const unitId = claimOf(viewer, 'UNIT_LIAISON', 'unitId');
  if (unitId) return { ...NO_WISHES, open: true, claimedByUnitIds: [unitId] };
  const residentId = claimOf(viewer, 'RESIDENT', 'residentId');
  if (residentId) return { ...NO_WISHES, residentIds: [residentId] };
  return NO_WISHES;
}

export interface WishFacts {
  communityId: string;
  residentId: string;
  status: string;
  claimedByUnitId: string | null;
}

export function mayReadWish(viewer: Viewer, wish: WishFacts): boolean {
  const scope = wishScope(viewer);
  return (
    scope.all ||
    scope.communityIds.includes(wish.communityId) ||
    scope.residentIds.includes(wish.residentId) ||
    (scope.open && wish.status === 'OPEN') ||
    (wish.claimedByUnitId !== null && scope.claimedByUnitIds.includes(wish.claimedByUnitId))
  );
}

// ---------------------------------------------------------------------------------------------
// Changes. The role is checked first (UNAUTHENTICATED for anonymous callers, FORBIDDEN naming the
// roles otherwise), then the record's place; resolvers call these before anything is written.

const COMMUNITY_STAFF_ROLES: readonly Role[] = ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF'];
const UNIT_ROLES: readonly Role[] = ['CITY_ADMIN', 'UNIT_LIAISON'];
const COMMUNITY_OR_UNIT_ROLES: readonly Role[] = ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'UNIT_LIAISON'];

/**
 * A refused change names the argument at fault and the caller's own scope, never the community or
 * unit the record it names belongs to: a refusal must not tell a caller more than a read would.
 */
function refusedChange(viewer: Viewer, action: string, field: string): DomainError {
  return outOfScope(viewer, `${action}: ${field}`, field);
}

/** The city administrator anywhere; a street's or community's staff in the communities of their territory. */
export function managesCommunity(viewer: Viewer, communityId: string): boolean {
  if (viewer.role === 'CITY_ADMIN') return true;
  return (viewer.role === 'STREET_STAFF' || viewer.role === 'COMMUNITY_STAFF') && inTerritory(viewer, { communityId });
}

/** The caller is the liaison of this unit. */
export function actsForUnit(viewer: Viewer, unitId: string | null | undefined): boolean {
  return !!unitId && claimOf(viewer, 'UNIT_LIAISON', 'unitId') === unitId;
}

/** The register of units, the post-category tree, the district's pledge limit, the year's figures. */
export function checkCityAdmin(viewer: Viewer, action: string): void {
  requireRole(viewer, ['CITY_ADMIN'], action);
}

/** A community's own lists: pairings, posts, demands, projects (its side of them). */
export function checkCommunityWrite(viewer: Viewer, communityId: string, action: string, field: string): void {
  requireRole(viewer, COMMUNITY_STAFF_ROLES, action);
  if (!managesCommunity(viewer, communityId)) throw refusedChange(viewer, action, field);
}

/** A unit's own side: claiming a project, signing the unit's half of the agreement. */
export function checkUnitWrite(viewer: Viewer, unitId: string | null, action: string, field: string): void {
  requireRole(viewer, UNIT_ROLES, action);
  if (viewer.role !== 'CITY_ADMIN' && !actsForUnit(viewer, unitId)) throw refusedChange(viewer, action, field);
}

/**
 * What belongs to a community and a unit alike (a member's report and pledges, a resource a unit
 * offers, a project under way): the community's staff or the unit's liaison. `field` names the
 * argument at fault, or one per side when the community and the unit come from different arguments.
 */
export function checkCommunityOrUnitWrite(
  viewer: Viewer,
  place: { communityId: string; unitId: string | null },
  action: string,
  field: string | { community: string; unit: string },
): void {
  requireRole(viewer, COMMUNITY_OR_UNIT_ROLES, action);
  if (managesCommunity(viewer, place.communityId) || actsForUnit(viewer, place.unitId)) return;
  if (viewer.role === 'UNIT_LIAISON')
    throw refusedChange(viewer, action, typeof field === 'string' ? field : field.unit);
  throw refusedChange(viewer, action, typeof field === 'string' ? field : field.community);
}

/** Who may sign pledges at all: checked before any record is read. */
export function checkPledgeSigner(viewer: Viewer): void {
  requireRole(viewer, COMMUNITY_OR_UNIT_ROLES, 'signing a pledge');
}

/** 街道党工委评定: the city administrator, or a Party organisation grading in its own name. */
export function checkGradingParty(viewer: Viewer, gradedByOrganizationId: string, field: string): void {
  requireRole(viewer, ['CITY_ADMIN', 'PARTY_ORG'], 'grading a unit');
  if (viewer.role === 'PARTY_ORG' && claimOf(viewer, 'PARTY_ORG', 'organizationId') !== gradedByOrganizationId) {
    throw outOfScope(viewer, `grading in the name of Party organisation ${gradedByOrganizationId}`, field);
  }
}

// Wishes: raised by the resident, or for them by the staff where they live (a grid worker of their
// grid included); claimed, released and fulfilled by the community's staff or the claiming unit's
// liaison; withdrawn by the resident or the community's staff.

const WISH_RAISERS: readonly Role[] = ['CITY_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER', 'RESIDENT'];

export function checkWishRaiser(viewer: Viewer): void {
  requireRole(viewer, WISH_RAISERS, 'raising a wish');
}

/** `home`: where the resident lives, as the grid subgraph says. */
export function checkRaiseWish(
  viewer: Viewer,
  residentId: string,
  home: { gridId: string; communityId: string },
  field: string,
): void {
  checkWishRaiser(viewer);
  if (viewer.role === 'CITY_ADMIN') return;
  if (viewer.role === 'RESIDENT' ? claimOf(viewer, 'RESIDENT', 'residentId') === residentId : inTerritory(viewer, home))
    return;
  throw outOfScope(viewer, `resident ${residentId}`, field);
}

/**
 * Claiming a wish, or releasing or fulfilling a claimed one: the staff of the wish's community
 * (for any claimant), or the liaison of the claiming unit. `claimantUnitId` is that unit; null
 * when the claimant is a member, whose claim the community's staff record.
 */
export function checkWishClaimant(
  viewer: Viewer,
  wish: { id: string; communityId: string },
  claimantUnitId: string | null,
  action: string,
  fields: { wish: string; claimant: string },
): void {
  requireRole(viewer, COMMUNITY_OR_UNIT_ROLES, action);
  if (managesCommunity(viewer, wish.communityId) || actsForUnit(viewer, claimantUnitId)) return;
  throw refusedChange(viewer, action, viewer.role === 'UNIT_LIAISON' ? fields.claimant : fields.wish);
}

export function checkWithdrawWish(
  viewer: Viewer,
  wish: { id: string; communityId: string; residentId: string },
  field: string,
): void {
  requireRole(viewer, [...COMMUNITY_STAFF_ROLES, 'RESIDENT'], 'withdrawing a wish');
  if (managesCommunity(viewer, wish.communityId) || claimOf(viewer, 'RESIDENT', 'residentId') === wish.residentId)
    return;
  throw refusedChange(viewer, 'withdrawing a wish', field);
}
