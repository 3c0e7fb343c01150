import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments, newId } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { communityConditions } from '../grid/grid.store';
import { checkCode, checkName } from '../shared/codes';
import { mergeCommunities } from './community.service';
import { requireRecord } from '../../../lib/records';
import { freeCode, requireFreeCode } from '../shared/unique-codes';
import { Community } from './community.entity';
import { CommunityStatus } from '../shared/enums';
import { Street } from '../street/street.entity';
import type { GridContext } from '../context';
import { guardStructureWrite } from '../shared/write-guard';
import { byIdOrCode } from '../shared/by-id-or-code';
import { actorOf } from '../shared/actor';
import { CommunityConnection, GridConnection } from '../shared/connections';

@InputType({ description: '新建社区' })
class CreateCommunityInput {
  @Field(() => ID) streetId!: string;
  @Field() code!: string;
  @Field() name!: string;
}

@InputType({ description: '修改社区；省略的字段不变' })
class UpdateCommunityInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
}

@InputType({ description: '社区合并：若干旧社区并入一个新社区，旧社区保留并指向新社区' })
class MergeCommunitiesInput {
  @Field(() => [ID], { description: '被合并的社区（至少两个，或一个并入已有社区）' }) communityIds!: string[];
  @Field(() => ID, { nullable: true, description: '并入已有社区；省略时新建 (需 newCode/newName)' }) intoCommunityId?: string;
  @Field({ nullable: true, description: '新社区代码' }) newCode?: string;
  @Field({ nullable: true, description: '新社区名称' }) newName?: string;
  @Field({ nullable: true }) note?: string;
}

@ArgsType()
class CommunityFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => CommunityStatus, { nullable: true }) status?: CommunityStatus;
}

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
  async communities(@Ctx() ctx: GridContext, @Args() filter: CommunityFilter, @Info() info: GraphQLResolveInfo): Promise<CommunityConnection> {
    checkIdArguments({ streetId: filter.streetId });
    return new CommunityConnection(await paginate(ctx.em, Community, (parameter) => communityConditions(filter, parameter), filter, info));
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
  async createCommunity(@Ctx() ctx: GridContext, @Arg('input') input: CreateCommunityInput): Promise<Community> {
    const code = checkCode(input.code, 'input.code');
    const name = checkName(input.name, 'input.name');
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'creating a community', [{ field: 'input.streetId', kind: 'street', id: input.streetId }]);
      const street = await requireRecord(em, Street, input.streetId, 'input.streetId');
      await requireFreeCode(em, Community, code, 'input.code');
      return em.create(Community, { id: newId(), code, name, street });
    });
  }

  @Mutation(() => Community)
  async updateCommunity(@Ctx() ctx: GridContext, @Arg('input') input: UpdateCommunityInput): Promise<Community> {
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'updating a community', [{ field: 'input.id', kind: 'community', id: input.id }]);
      const community = await requireRecord(em, Community, input.id, 'input.id');
      if (input.code != null) community.code = await freeCode(em, Community, input.code, 'input.code', community.id);
      if (input.name != null) community.name = checkName(input.name, 'input.name');
      return community;
    });
  }

  @Mutation(() => Community, { description: '合并社区：旧社区的网格归入新社区，旧社区标记为已合并并指向新社区' })
  mergeCommunities(@Ctx() ctx: GridContext, @Arg('input') input: MergeCommunitiesInput): Promise<Community> {
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'merging communities', [
        ...input.communityIds.map((id, i) => ({ field: `input.communityIds[${i}]`, kind: 'community' as const, id })),
        ...(input.intoCommunityId ? [{ field: 'input.intoCommunityId', kind: 'community' as const, id: input.intoCommunityId }] : []),
      ]);
      return mergeCommunities(em, { ...input, actor: actorOf(ctx) });
    });
  }
}
