import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ItemList, ServiceItem } from '../entities/service-item';
import type { ServicesContext } from '../loaders';

@Resolver(() => ServiceItem)
export class ServiceItemResolver {
  @Query(() => ServiceItem, { nullable: true, description: '按 id 查事项' })
  serviceItem(@Ctx() ctx: ServicesContext, @Arg('id', () => ID) id: string) {
    return ctx.loaders.item.load(id);
  }

  @Query(() => [ServiceItem], { description: '一份清单的全部事项（清单规模为几十项，不分页）' })
  serviceItemList(@Ctx() ctx: ServicesContext, @Arg('list', () => ItemList) list: ItemList) {
    return ctx.loaders.itemsOfList.load(list);
  }
}
