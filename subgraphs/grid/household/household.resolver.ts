import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { outsideScope, requirePeopleScope } from '../access';
import { createHousehold, updateHousehold } from './household.service';
import { Building } from '../grid/building.entity';
import { Household } from './household.entity';
import type { GridContext } from '../context';
import { HouseholdConnection, ResidentConnection } from '../shared/connections';
import { CreateHouseholdInput, HouseholdFilter, UpdateHouseholdInput } from './household.inputs';
import { householdConditions } from './household.store';

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => Household, { nullable: true, description: '按 id 查户（辖区外的户：FORBIDDEN）' })
  async household(@Ctx() ctx: GridContext, @Arg('id', () => ID) id: string): Promise<Household | null> {
    const household = await ctx.loaders.household.load(id);
    if (household && !(await ctx.loaders.people.householdVisible(id))) {
      throw outsideScope(ctx.viewer, 'Household', id, 'id');
    }
    return household;
  }

  @Query(() => HouseholdConnection, { description: '户列表（仅辖区内），可按楼栋、网格、社区、房屋使用情况筛选' })
  async households(
    @Ctx() ctx: GridContext,
    @Args() filter: HouseholdFilter,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HouseholdConnection> {
    requirePeopleScope(ctx.viewer, 'households');
    const { buildingId, gridId, communityId } = filter;
    checkIdArguments({ buildingId, gridId, communityId });
    const { people } = ctx.loaders;
    const page = await paginate(
      ctx.em,
      Household,
      (parameter) => [...householdConditions(filter, parameter), ...people.householdRows(undefined, parameter)],
      filter,
      info,
    );
    return new HouseholdConnection(people.listedHouseholds(page));
  }

  @FieldResolver(() => Building)
  building(@Root() household: Household, @Ctx() ctx: GridContext) {
    return ctx.loaders.building.load(household.building.id);
  }

  @FieldResolver(() => ResidentConnection, { description: '户内居民（仅可见的）' })
  async residents(@Root() household: Household, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return new ResidentConnection(
      ctx.loaders.people.listedResidents(await ctx.loaders.residentsOfHousehold(household.id, page)),
    );
  }

  @Mutation(() => Household)
  createHousehold(@Ctx() ctx: GridContext, @Arg('input') input: CreateHouseholdInput): Promise<Household> {
    return createHousehold(ctx, input);
  }

  @Mutation(() => Household)
  updateHousehold(@Ctx() ctx: GridContext, @Arg('input') input: UpdateHouseholdInput): Promise<Household> {
    return updateHousehold(ctx, input);
  }
}
