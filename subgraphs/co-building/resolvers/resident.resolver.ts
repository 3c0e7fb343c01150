import { Args, Ctx, FieldResolver, Resolver, Root, UseMiddleware } from 'type-graphql';
import { ResidentReference } from '../entities';
import type { CoBuildingContext } from '../loaders';
import { SignedIn } from './signed-in';
import { WishListArgs } from './wish-list-args';
import { WishConnection } from './connections';

/**
 * Fields the organs' working committee adds to the grid subgraph's Resident.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the resident keeps the rest of its answer (one non-null field would null the whole resident).
 */
@UseMiddleware(SignedIn)
@Resolver(() => ResidentReference)
export class ResidentCoBuildingResolver {
  @FieldResolver(() => WishConnection, { nullable: true, description: '微心愿' })
  async wishes(@Root() resident: ResidentReference, @Ctx() ctx: CoBuildingContext, @Args() page: WishListArgs) {
    return new WishConnection(await ctx.loaders.wishesOfResident(resident.id, page, page.status ?? undefined));
  }
}
