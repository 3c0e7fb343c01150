import { Args, Ctx, FieldResolver, Resolver, Root, UseMiddleware } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { ResidentReference } from '../entities';
import type { CoBuildingContext } from '../loaders';
import { SignedIn } from './signed-in';
import { WishConnection } from './connections';

/** Fields the organs' working committee adds to the grid subgraph's Resident. */
@UseMiddleware(SignedIn)
@Resolver(() => ResidentReference)
export class ResidentCoBuildingResolver {
  @FieldResolver(() => WishConnection, { description: '微心愿' })
  async wishes(@Root() resident: ResidentReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new WishConnection(await ctx.loaders.wishesOfResident(resident.id, page));
  }
}
