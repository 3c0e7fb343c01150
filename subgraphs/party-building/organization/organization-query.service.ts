import type { GraphQLResolveInfo } from 'graphql';
import { checkIdArguments } from '../../../lib/ids';
import { requireSignedIn } from '../access';
import type { PartyContext } from '../context';
import { isInOffice, today } from '../member/term.rules';
import { OrganizationStatus, PartyRoleKind } from '../shared/enums';
import { checkMaxDepth } from './organization-levels.rules';
import type { PartyOrganization } from './organization.entity';
import type { CommitteeSeat } from './committee-seat.entity';
import type { OrganizationFilter } from './organization.inputs';
import { listOrganizations } from './organization.store';

/**
 * Reading organisations: any signed-in caller may (the tree is not personal data). The fields
 * added to the grid subgraph's types answer through the per-request covering loaders.
 */
const READING = 'reading Party organisations';

export function findOrganization(ctx: PartyContext, id: string) {
  requireSignedIn(ctx.viewer, READING);
  return ctx.loaders.organization.load(id);
}

export function searchOrganizations(ctx: PartyContext, filter: OrganizationFilter, info: GraphQLResolveInfo) {
  requireSignedIn(ctx.viewer, READING);
  const { parentId, streetId, communityId, gridId } = filter;
  checkIdArguments({ parentId, streetId, communityId, gridId });
  return listOrganizations(ctx.em, filter, info);
}

/** A committee's seats, by default only those in office today. */
export async function seatsOf(ctx: PartyContext, committeeId: string, includeEnded: boolean): Promise<CommitteeSeat[]> {
  const seats = await ctx.loaders.seatsOfCommittee.load(committeeId);
  const day = today();
  return includeEnded ? seats : seats.filter((seat) => isInOffice(seat, day));
}

export function branchesOfGrid(ctx: PartyContext, gridId: string) {
  requireSignedIn(ctx.viewer, READING);
  return ctx.loaders.branchesOfGrid.load(gridId);
}

export async function groupOfBuilding(ctx: PartyContext, buildingId: string) {
  requireSignedIn(ctx.viewer, READING);
  return (await ctx.loaders.groupsOfBuilding.load(buildingId))[0] ?? null;
}

export async function centralHouseholdOf(ctx: PartyContext, householdId: string) {
  requireSignedIn(ctx.viewer, READING);
  return (await ctx.loaders.centralHouseholdsOfHousehold.load(householdId))[0] ?? null;
}

export async function committeeOfCommunity(ctx: PartyContext, communityId: string) {
  requireSignedIn(ctx.viewer, READING);
  return (await ctx.loaders.committeesOfCommunity.load(communityId))[0] ?? null;
}

export async function seatsOfCommunity(
  ctx: PartyContext,
  communityId: string,
  includeEnded: boolean,
): Promise<CommitteeSeat[]> {
  requireSignedIn(ctx.viewer, READING);
  const committee = (await ctx.loaders.committeesOfCommunity.load(communityId))[0];
  return committee ? seatsOf(ctx, committee.id, includeEnded) : [];
}

export async function workingCommitteeOfStreet(ctx: PartyContext, streetId: string) {
  requireSignedIn(ctx.viewer, READING);
  return (await ctx.loaders.workingCommitteesOfStreet.load(streetId))[0] ?? null;
}

/** Everything below an organisation down to `maxDepth` levels, nearest first; dissolved ones on request. */
export async function descendantsOf(
  ctx: PartyContext,
  id: string,
  maxDepth: number,
  includeDissolved: boolean,
): Promise<PartyOrganization[]> {
  const rows = await ctx.loaders.descendants.load({ id, maxDepth: checkMaxDepth(maxDepth) });
  return includeDissolved ? rows : rows.filter((o) => o.status === OrganizationStatus.ACTIVE);
}

/** The secretary in office, when the viewer may see that member. */
export async function secretaryOf(ctx: PartyContext, organizationId: string) {
  const roles = await ctx.loaders.rolesInOffice.load(organizationId);
  const secretary = roles.find((r) => r.role === PartyRoleKind.SECRETARY);
  // Offices are narrowed to the members the viewer sees, so an out-of-scope secretary reads as none.
  return secretary ? ctx.loaders.visibleMember(secretary.member.id) : null;
}
