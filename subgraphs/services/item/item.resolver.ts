import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ServicesContext } from '../context';
import { AdmissionRequest } from '../admission/admission-request.entity';
import { ServiceItemConnection } from '../shared/connections';
import { ItemList, ServiceItem } from './item.entity';
import { CreateServiceItemInput, ServiceItemFilter, UpdateServiceItemInput } from './item.inputs';
import { changeItem, createItem, findItem, itemsOfList, listItems } from './item.service';
import { ServiceItemVersion } from './item-version.entity';

@Resolver(() => ServiceItem)
export class ServiceItemResolver {
  @Query(() => ServiceItem, { nullable: true, description: '按 id 查事项' })
  serviceItem(@Ctx() ctx: ServicesContext, @Arg('id', () => ID) id: string) {
    return findItem(ctx, id);
  }

  @Query(() => [ServiceItem], { description: '一份清单的全部事项（清单规模为几十项，不分页）' })
  serviceItemList(@Ctx() ctx: ServicesContext, @Arg('list', () => ItemList) list: ItemList) {
    return itemsOfList(ctx, list);
  }

  @Query(() => ServiceItemConnection, { description: '事项目录，可按清单、类别、责任部门筛选' })
  serviceItems(@Ctx() ctx: ServicesContext, @Args() filter: ServiceItemFilter, @Info() info: GraphQLResolveInfo) {
    return listItems(ctx, filter, info);
  }

  @FieldResolver(() => [ServiceItemVersion], { description: '全部版本（从 1 起）' })
  versions(@Root() item: ServiceItem, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.versionsOfItem.load(item.id);
  }

  @FieldResolver(() => [AdmissionRequest], { description: '准入申请（部门只见本部门的；区级角色见全部）' })
  admissionRequests(@Root() item: ServiceItem, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.admissionsOfItem.load(item.id);
  }

  @Mutation(() => ServiceItem, { description: '新建事项' })
  createServiceItem(@Ctx() ctx: ServicesContext, @Arg('input') input: CreateServiceItemInput): Promise<ServiceItem> {
    return createItem(ctx, input);
  }

  @Mutation(() => ServiceItem, { description: '修改事项（生成新版本）' })
  updateServiceItem(@Ctx() ctx: ServicesContext, @Arg('input') input: UpdateServiceItemInput): Promise<ServiceItem> {
    return changeItem(ctx, input);
  }
}
