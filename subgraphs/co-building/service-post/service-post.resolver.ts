import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { conflict } from '../../../lib/errors';
import { checkIdArguments, newId } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { checkCapacity } from '../member-report/pledge.rules';
import { requireRecord } from '../../../lib/records';
import { checkCategoryParent } from './service-category.rules';
import { checkText, optionalText } from '../shared/text';
import { CommunityReference } from '../shared/references';
import { ServiceCategory } from './service-category.entity';
import { ServicePost } from './service-post.entity';
import type { CoBuildingContext } from '../context';
import { PledgeConnection, ServiceCategoryConnection, ServicePostConnection } from '../shared/connections';
import { checkCityAdmin, checkCommunityWrite } from '../access';
import { requireCommunity } from '../shared/remote-checks';

@InputType({ description: '新建服务岗位类别（大类，或某大类下的小类）' })
class CreateServiceCategoryInput {
  @Field() name!: string;
  @Field(() => ID, { nullable: true, description: '所属大类；省略时新建大类' }) parentId?: string;
}

@InputType({ description: '社区设置为民服务岗位' })
class CreateServicePostInput {
  @Field(() => ID, { description: '社区（网格子图的 Community）' }) communityId!: string;
  @Field(() => ID, { description: '岗位类别（大类或小类）' }) categoryId!: string;
  @Field() name!: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => Int, { nullable: true, description: '可认领人数；省略为不限' }) capacity?: number;
}

@ArgsType()
class CategoryFilter extends PageArgs {
  @Field(() => ID, { nullable: true, description: '大类 id；省略时列出大类' }) parentId?: string;
}

@Resolver(() => ServiceCategory)
export class ServiceCategoryResolver {
  @Query(() => ServiceCategoryConnection, { description: '为民服务岗位类别：大类，或某大类的小类' })
  async serviceCategories(@Ctx() ctx: CoBuildingContext, @Args() filter: CategoryFilter, @Info() info: GraphQLResolveInfo) {
    checkIdArguments({ parentId: filter.parentId });
    return new ServiceCategoryConnection(await paginate(ctx.em, ServiceCategory, (parameter) => [
      filter.parentId ? `"parent_id" = ${parameter(filter.parentId)}` : '"parent_id" is null',
    ], filter, info));
  }

  @FieldResolver(() => ServiceCategory, { nullable: true, description: '所属大类' })
  parent(@Root() category: ServiceCategory, @Ctx() ctx: CoBuildingContext) {
    return category.parent ? ctx.loaders.serviceCategory.load(category.parent.id) : null;
  }

  @FieldResolver(() => ServiceCategoryConnection, { description: '小类' })
  async subcategories(@Root() category: ServiceCategory, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new ServiceCategoryConnection(await ctx.loaders.subcategoriesOf(category.id, page));
  }

  @FieldResolver(() => ServicePostConnection, { description: '本类岗位' })
  async posts(@Root() category: ServiceCategory, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new ServicePostConnection(await ctx.loaders.postsOfCategory(category.id, page));
  }

  @Mutation(() => ServiceCategory, { description: '新建服务岗位类别' })
  async createServiceCategory(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateServiceCategoryInput): Promise<ServiceCategory> {
    checkCityAdmin(ctx.viewer, 'creating a post category');
    const name = checkText(input.name, 'input.name', 50);
    return ctx.em.transactional(async (em) => {
      const parent = input.parentId ? await requireRecord(em, ServiceCategory, input.parentId, 'input.parentId') : null;
      checkCategoryParent(parent && { id: parent.id, parentId: parent.parent?.id ?? null });
      if (await em.count(ServiceCategory, { parent, name })) throw conflict('input.name', `category ${name} already exists there`);
      return em.create(ServiceCategory, { id: newId(), name, parent });
    });
  }
}

@Resolver(() => ServicePost)
export class ServicePostResolver {
  @Query(() => ServicePost, { nullable: true, description: '按 id 查服务岗位' })
  servicePost(@Ctx() ctx: CoBuildingContext, @Arg('id', () => ID) id: string) {
    return ctx.loaders.servicePost.load(id);
  }

  @FieldResolver(() => ServiceCategory)
  category(@Root() post: ServicePost, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.serviceCategory.load(post.category.id);
  }

  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => CommunityReference, { nullable: true, description: '设岗社区' })
  community(@Root() post: ServicePost) {
    return { id: post.communityId };
  }

  @FieldResolver(() => Int, { description: '在岗人数（有效的履岗承诺）' })
  holderCount(@Root() post: ServicePost, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.activePledgeCountOfPost.load(post.id);
  }

  @FieldResolver(() => PledgeConnection, { description: '履岗承诺（含已结束的）' })
  async pledges(@Root() post: ServicePost, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new PledgeConnection(await ctx.loaders.pledgesOfPost(post.id, page));
  }

  @Mutation(() => ServicePost, { description: '社区设置为民服务岗位' })
  async createServicePost(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateServicePostInput): Promise<ServicePost> {
    checkCommunityWrite(ctx.viewer, input.communityId, 'creating a service post', 'input.communityId');
    const name = checkText(input.name, 'input.name', 100);
    const description = optionalText(input.description, 'input.description', 2000);
    const capacity = checkCapacity(input.capacity, 'input.capacity');
    await requireCommunity(input.communityId, 'input.communityId');
    return ctx.em.transactional(async (em) => {
      const category = await requireRecord(em, ServiceCategory, input.categoryId, 'input.categoryId');
      return em.create(ServicePost, { id: newId(), communityId: input.communityId, category, name, description, capacity });
    });
  }
}
