import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CommunityReference } from '../entities/community-reference';
import { Unit } from '../entities/unit';
import type { CoBuildingContext } from '../loaders';

/** Fields the organs' working committee adds to the grid subgraph's Community. */
@Resolver(() => CommunityReference)
export class CommunityCoBuildingResolver {
  @FieldResolver(() => [Unit], { description: '结对共建单位（在期内）' })
  pairedUnits(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.unitsOfCommunity.load(community.id);
  }
}
