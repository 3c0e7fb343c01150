import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import type { CoBuildingContext } from '../context';
import { CommunityReference } from '../shared/references';
import { PairingConnection } from '../shared/connections';
import { Unit } from './unit.entity';

/**
 * Fields the organs' working committee adds to the grid subgraph's Community: its paired units and pairings.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the community keeps the rest of its answer (one non-null field would null the whole community).
 */
@Resolver(() => CommunityReference)
export class UnitCommunityResolver {
  @FieldResolver(() => [Unit], { nullable: true, description: '结对共建单位（在期内）' })
  pairedUnits(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.unitsOfCommunity.load(community.id);
  }

  @FieldResolver(() => PairingConnection, { nullable: true, description: '结对共建（含已结束的）' })
  async pairings(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new PairingConnection(await ctx.loaders.pairingsOfCommunity(community.id, page));
  }
}
