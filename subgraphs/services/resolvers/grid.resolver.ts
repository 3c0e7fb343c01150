import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { GridReference } from '../entities/grid-reference';
import { ItemList, ServiceItem } from '../entities/service-item';
import type { ServicesContext } from '../loaders';

/** Fields the service centre adds to the grid subgraph's Grid. */
@Resolver(() => GridReference)
export class GridServicesResolver {
  @FieldResolver(() => [ServiceItem], { description: '网格事项责任清单' })
  dutyItems(@Ctx() ctx: ServicesContext) {
    return ctx.loaders.itemsOfList.load(ItemList.GRID_DUTY);
  }
}
