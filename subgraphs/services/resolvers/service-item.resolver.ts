import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, paginate } from '../../../lib/pagination';
import { equalTo } from '../../../lib/sql-rows';
import { requireCatalogueEditor, requireCatalogueReader } from '../access';
import { changeItem, createItem } from '../domain/item-catalogue';
import { AdmissionRequest, HandlingLevel, ItemList, ServiceItem, ServiceItemVersion } from '../entities';
import { AttributeDefinitionInput } from '../entities/attribute-definition';
import type { ServicesContext } from '../loaders';
import { ServiceItemConnection } from './connections';

@InputType({ description: '新建事项（版本 1）' })
class CreateServiceItemInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field() category!: string;
  @Field({ description: '责任部门' }) department!: string;
  @Field(() => HandlingLevel) level!: HandlingLevel;
  @Field(() => Int, { description: '办理时限（小时）' }) timeLimitHours!: number;
  @Field({ defaultValue: false }) homeService!: boolean;
  @Field(() => [ItemList]) lists!: ItemList[];
  @Field(() => [AttributeDefinitionInput], { defaultValue: [] }) attributes!: AttributeDefinitionInput[];
}

@InputType({ description: '修改事项：生成新版本，已受理的工单仍按原版本；省略的字段不变' })
class UpdateServiceItemInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: '所见的当前版本号' }) expectedVersion!: number;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) category?: string;
  @Field({ nullable: true }) department?: string;
  @Field(() => HandlingLevel, { nullable: true }) level?: HandlingLevel;
  @Field(() => Int, { nullable: true }) timeLimitHours?: number;
  @Field({ nullable: true }) homeService?: boolean;
  @Field(() => [ItemList], { nullable: true }) lists?: ItemList[];
  @Field(() => [AttributeDefinitionInput], { nullable: true }) attributes?: AttributeDefinitionInput[];
}

@ArgsType()
class ServiceItemFilter extends PageArgs {
  @Field(() => ItemList, { nullable: true }) list?: ItemList;
  @Field(() => String, { nullable: true }) category?: string;
  @Field(() => String, { nullable: true, description: '责任部门' }) department?: string;
}

@Resolver(() => ServiceItem)
export class ServiceItemResolver {
  @Query(() => ServiceItem, { nullable: true, description: '按 id 查事项' })
  serviceItem(@Ctx() ctx: ServicesContext, @Arg('id', () => ID) id: string) {
    requireCatalogueReader(ctx.viewer);
    return ctx.loaders.item.load(id);
  }

  @Query(() => [ServiceItem], { description: '一份清单的全部事项（清单规模为几十项，不分页）' })
  serviceItemList(@Ctx() ctx: ServicesContext, @Arg('list', () => ItemList) list: ItemList) {
    requireCatalogueReader(ctx.viewer);
    return ctx.loaders.itemsOfList.load(list);
  }

  @Query(() => ServiceItemConnection, { description: '事项目录，可按清单、类别、责任部门筛选' })
  async serviceItems(@Ctx() ctx: ServicesContext, @Args() filter: ServiceItemFilter, @Info() info: GraphQLResolveInfo) {
    requireCatalogueReader(ctx.viewer);
    return new ServiceItemConnection(await paginate(ctx.em, ServiceItem, (parameter) => [
      ...(filter.list ? [`"lists" && ${parameter([filter.list])}`] : []),
      ...equalTo(parameter, { category: filter.category, department: filter.department }),
    ], filter, info));
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
    requireCatalogueEditor(ctx.viewer, 'creating a service item');
    return ctx.em.transactional((em) => createItem(em, input.code, input));
  }

  @Mutation(() => ServiceItem, { description: '修改事项（生成新版本）' })
  updateServiceItem(@Ctx() ctx: ServicesContext, @Arg('input') input: UpdateServiceItemInput): Promise<ServiceItem> {
    requireCatalogueEditor(ctx.viewer, 'changing a service item');
    const { id, expectedVersion, ...change } = input;
    return ctx.em.transactional((em) => changeItem(em, id, expectedVersion, change));
  }
}
