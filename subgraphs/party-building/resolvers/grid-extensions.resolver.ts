import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { GridReference, PartyMember, ResidentReference } from '../entities';
import { requireSignedIn } from '../access';
import type { PartyContext } from '../context';
import { PartyMemberConnection } from '../shared/connections';

/**
 * Fields the organisation department adds to the grid subgraph's Grid.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the grid keeps the rest of its answer (one non-null field would null the whole grid).
 */
@Resolver(() => GridReference)
export class GridPartyResolver {
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

@Resolver(() => ResidentReference)
export class ResidentPartyResolver {
  // Like a reference: a member record the viewer may not see reads as none.
  @FieldResolver(() => PartyMember, { nullable: true, description: '党员身份（居民党员、在职党员等）' })
  partyMembership(@Root() resident: ResidentReference, @Ctx() ctx: PartyContext) {
    return ctx.loaders.visibleMemberOfResident(resident.id);
  }
}
