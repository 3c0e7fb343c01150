import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { newId } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { checkCode, checkName } from '../shared/codes';
import { requireRecord } from '../../../lib/records';
import { freeCode, requireFreeCode } from '../shared/unique-codes';
import { Street } from './street.entity';
import type { GridContext } from '../context';
import { checkStreetWrite } from '../access';
import { byIdOrCode } from '../shared/by-id-or-code';
import { CommunityConnection, StreetConnection } from '../shared/connections';

@InputType({ description: '新建街道' })
class CreateStreetInput {
  @Field() code!: string;
  @Field() name!: string;
}

@InputType({ description: '修改街道；省略的字段不变' })
class UpdateStreetInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
}

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
  async streets(@Ctx() ctx: GridContext, @Args() page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<StreetConnection> {
    return new StreetConnection(await paginate(ctx.em, Street, () => [], page, info));
  }

  @FieldResolver(() => CommunityConnection, { description: '下辖社区（含已合并的旧社区）' })
  async communities(@Root() street: Street, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return new CommunityConnection(await ctx.loaders.communitiesOfStreet(street.id, page));
  }

  @Mutation(() => Street)
  async createStreet(@Ctx() ctx: GridContext, @Arg('input') input: CreateStreetInput): Promise<Street> {
    checkStreetWrite(ctx.viewer, 'creating a street');
    const code = checkCode(input.code, 'input.code');
    const name = checkName(input.name, 'input.name');
    return ctx.em.transactional(async (em) => {
      await requireFreeCode(em, Street, code, 'input.code');
      return em.create(Street, { id: newId(), code, name });
    });
  }

  @Mutation(() => Street)
  async updateStreet(@Ctx() ctx: GridContext, @Arg('input') input: UpdateStreetInput): Promise<Street> {
    checkStreetWrite(ctx.viewer, 'updating a street');
    return ctx.em.transactional(async (em) => {
      const street = await requireRecord(em, Street, input.id, 'input.id');
      if (input.code != null) street.code = await freeCode(em, Street, input.code, 'input.code', street.id);
      if (input.name !== undefined && input.name !== null) street.name = checkName(input.name, 'input.name');
      return street;
    });
  }
}
