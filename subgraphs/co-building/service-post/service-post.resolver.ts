import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import type { CoBuildingContext } from '../context';
import { PledgeConnection, ServiceCategoryConnection, ServicePostConnection } from '../shared/connections';
import { CommunityReference } from '../shared/references';
import { ServiceCategory } from './service-category.entity';
import { CategoryFilter, CreateServiceCategoryInput, CreateServicePostInput } from './service-post.inputs';
import { ServicePost } from './service-post.entity';
import { createServiceCategory, createServicePost, listServiceCategories } from './service-post.service';

@Resolver(() => ServiceCategory)
export class ServiceCategoryResolver {
  @Query(() => ServiceCategoryConnection, { description: '为民服务岗位类别：大类，或某大类的小类' })
  async serviceCategories(
    @Ctx() ctx: CoBuildingContext,
    @Args() filter: CategoryFilter,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new ServiceCategoryConnection(await listServiceCategories(ctx, filter, info));
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
  createServiceCategory(
    @Ctx() ctx: CoBuildingContext,
    @Arg('input') input: CreateServiceCategoryInput,
  ): Promise<ServiceCategory> {
    return createServiceCategory(ctx, input);
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
  createServicePost(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateServicePostInput): Promise<ServicePost> {
    return createServicePost(ctx, input);
  }
}
