import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { BuildingReference, GridReference, HouseholdReference, PartyMember, PartyOrganization, ResidentReference } from '../entities';
import { requireSignedIn } from '../access';
import type { PartyContext } from '../loaders';
import { PartyMemberConnection } from './connections';

/**
 * Fields the organisation department adds to the grid subgraph's Grid.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the grid keeps the rest of its answer (one non-null field would null the whole grid).
 */
@Resolver(() => GridReference)
export class GridPartyResolver {
  @FieldResolver(() => [PartyOrganization], { nullable: true, description: '覆盖本网格的网格党支部（支部建在网格上）' })
  partyBranches(@Root() grid: GridReference, @Ctx() ctx: PartyContext) {
    requireSignedIn(ctx.viewer, 'reading Party organisations');
    return ctx.loaders.branchesOfGrid.load(grid.id);
  }

  @FieldResolver(() => PartyMemberConnection, { nullable: true, description: '居住在本网格的党员' })
  async partyMembers(@Root() grid: GridReference, @Ctx() ctx: PartyContext, @Args() page: PageArgs) {
    requireSignedIn(ctx.viewer, 'reading Party members');
    return new PartyMemberConnection(await ctx.loaders.membersOfGrid(grid.id, page));
  }

  @FieldResolver(() => Int, { nullable: true, description: '居住在本网格的党员数' })
  partyMemberCount(@Root() grid: GridReference, @Ctx() ctx: PartyContext) {
    // A count, not people: every signed-in caller may have it.
    requireSignedIn(ctx.viewer, 'Party member counts');
    return ctx.loaders.memberCountOfGrid.load(grid.id);
  }
}

@Resolver(() => BuildingReference)
export class BuildingPartyResolver {
  @FieldResolver(() => PartyOrganization, { nullable: true, description: '本楼栋的楼栋党小组' })
  async partyGroup(@Root() building: BuildingReference, @Ctx() ctx: PartyContext) {
    requireSignedIn(ctx.viewer, 'reading Party organisations');
    return (await ctx.loaders.groupsOfBuilding.load(building.id))[0] ?? null;
  }
}

@Resolver(() => HouseholdReference)
export class HouseholdPartyResolver {
  @FieldResolver(() => PartyOrganization, { nullable: true, description: '本户为党员中心户时的组织' })
  async partyCentralHousehold(@Root() household: HouseholdReference, @Ctx() ctx: PartyContext) {
    requireSignedIn(ctx.viewer, 'reading Party organisations');
    return (await ctx.loaders.centralHouseholdsOfHousehold.load(household.id))[0] ?? null;
  }
}

@Resolver(() => ResidentReference)
export class ResidentPartyResolver {
  // Like a reference: a member record the viewer may not see reads as none.
  @FieldResolver(() => PartyMember, { nullable: true, description: '党员身份（居民党员、在职党员等）' })
  partyMembership(@Root() resident: ResidentReference, @Ctx() ctx: PartyContext) {
    return ctx.loaders.visibleMemberOfResident(resident.id);
  }
}
