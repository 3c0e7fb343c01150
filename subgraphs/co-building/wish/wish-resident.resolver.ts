import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ResidentReference } from '../shared/references';
import type { CoBuildingContext } from '../context';
import { WishListArgs } from './wish.inputs';
import { WishConnection } from '../shared/connections';

/**
 * Fields the organs' working committee adds to the grid subgraph's Resident.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the resident keeps the rest of its answer (one non-null field would null the whole resident).
 */
@Resolver(() => ResidentReference)
export class WishResidentResolver {
  @FieldResolver(() => WishConnection, { nullable: true, description: '微心愿' })
  async wishes(@Root() resident: ResidentReference, @Ctx() ctx: CoBuildingContext, @Args() page: WishListArgs) {
    return new WishConnection(await ctx.loaders.wishesOfResident(resident.id, page, page.status ?? undefined));
  }
}
