import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { communityConditions } from './community.store';
import {
  mergeCommunities,
  createCommunity as createCommunityService,
  updateCommunity as updateCommunityService,
} from './community.service';
import { Community } from './community.entity';
import { Street } from '../street/street.entity';
import type { GridContext } from '../context';
import { byIdOrCode } from '../shared/by-id-or-code';
import { CommunityConnection, GridConnection } from '../shared/connections';
import { CommunityFilter, CreateCommunityInput, MergeCommunitiesInput, UpdateCommunityInput } from './community.inputs';

@Resolver(() => Community)
export class CommunityResolver {
  @Query(() => Community, { nullable: true, description: '按 id 或代码查社区；已合并的社区仍可查到' })
  community(
    @Ctx() ctx: GridContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ): Promise<Community | null> {
    return byIdOrCode(ctx.loaders.community, ctx.loaders.communityByCode, id, code);
  }

  @Query(() => CommunityConnection, { description: '社区列表' })
  async communities(
    @Ctx() ctx: GridContext,
    @Args() filter: CommunityFilter,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommunityConnection> {
    checkIdArguments({ streetId: filter.streetId });
    return new CommunityConnection(
      await paginate(ctx.em, Community, (parameter) => communityConditions(filter, parameter), filter, info),
    );
  }

  @FieldResolver(() => Street)
  street(@Root() community: Community, @Ctx() ctx: GridContext) {
    return ctx.loaders.street.load(community.street.id);
  }

  @FieldResolver(() => Community, { nullable: true, description: '合并后的新社区' })
  mergedInto(@Root() community: Community, @Ctx() ctx: GridContext) {
    return community.mergedInto ? ctx.loaders.community.load(community.mergedInto.id) : null;
  }

  @FieldResolver(() => GridConnection, { description: '网格（含已撤销的）' })
  async grids(@Root() community: Community, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return new GridConnection(await ctx.loaders.gridsOfCommunity(community.id, page));
  }

  @Mutation(() => Community)
  createCommunity(@Ctx() ctx: GridContext, @Arg('input') input: CreateCommunityInput): Promise<Community> {
    return createCommunityService(ctx, input);
  }

  @Mutation(() => Community)
  updateCommunity(@Ctx() ctx: GridContext, @Arg('input') input: UpdateCommunityInput): Promise<Community> {
    return updateCommunityService(ctx, input);
  }

  @Mutation(() => Community, { description: '合并社区：旧社区的网格归入新社区，旧社区标记为已合并并指向新社区' })
  mergeCommunities(@Ctx() ctx: GridContext, @Arg('input') input: MergeCommunitiesInput): Promise<Community> {
    return mergeCommunities(ctx, input);
  }
}
