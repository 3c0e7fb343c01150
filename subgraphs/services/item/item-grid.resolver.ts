import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import type { ServicesContext } from '../context';
import { GridReference } from '../shared/references';
import { ItemList, ServiceItem } from './item.entity';
import { itemsOfList } from './item.service';

/** The duty list the service centre adds to the grid subgraph's Grid; nullable (see case/case-grid.resolver.ts). */
@Resolver(() => GridReference)
export class ItemGridResolver {
  @FieldResolver(() => [ServiceItem], { nullable: true, description: '网格事项责任清单' })
  dutyItems(@Ctx() ctx: ServicesContext) {
    return itemsOfList(ctx, ItemList.GRID_DUTY);
  }
}
