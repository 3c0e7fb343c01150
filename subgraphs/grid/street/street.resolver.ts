import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, paginate } from '../../../lib/pagination';
import { Street } from './street.entity';
import type { GridContext } from '../context';
import { byIdOrCode } from '../shared/by-id-or-code';
import { CommunityConnection, StreetConnection } from '../shared/connections';
import { CreateStreetInput, UpdateStreetInput } from './street.inputs';
import { createStreet as createStreetService, updateStreet as updateStreetService } from './street.service';

@Resolver(() => Street)
export class StreetResolver {
  @Query(() => Street, { nullable: true, description: '按 id 或代码查街道' })
  street(
    @Ctx() ctx: GridContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ): Promise<Street | null> {
    return byIdOrCode(ctx.loaders.street, ctx.loaders.streetByCode, id, code);
  }

  @Query(() => StreetConnection, { description: '街道列表' })
  async streets(
    @Ctx() ctx: GridContext,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StreetConnection> {
    return new StreetConnection(await paginate(ctx.em, Street, () => [], page, info));
  }

  @FieldResolver(() => CommunityConnection, { description: '下辖社区（含已合并的旧社区）' })
  async communities(@Root() street: Street, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return new CommunityConnection(await ctx.loaders.communitiesOfStreet(street.id, page));
  }

  @Mutation(() => Street)
  createStreet(@Ctx() ctx: GridContext, @Arg('input') input: CreateStreetInput): Promise<Street> {
    return createStreetService(ctx, input);
  }

  @Mutation(() => Street)
  updateStreet(@Ctx() ctx: GridContext, @Arg('input') input: UpdateStreetInput): Promise<Street> {
    return updateStreetService(ctx, input);
  }
}
