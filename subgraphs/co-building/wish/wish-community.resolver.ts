import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CoBuildingContext } from '../context';
import { CommunityReference } from '../shared/references';
import { WishConnection } from '../shared/connections';
import { WishListArgs } from './wish.inputs';

/**
 * Fields the organs' working committee adds to the grid subgraph's Community: its residents' wishes.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the community keeps the rest of its answer (one non-null field would null the whole community).
 */
@Resolver(() => CommunityReference)
export class WishCommunityResolver {
  @FieldResolver(() => WishConnection, { nullable: true, description: '居民微心愿' })
  async wishes(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: WishListArgs) {
    return new WishConnection(await ctx.loaders.wishesOfCommunity(community.id, page, page.status ?? undefined));
  }
}
