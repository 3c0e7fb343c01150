import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { buildingConditions } from './grid.store';
import { moveBuildings } from './grid.service';
import { Building } from './building.entity';
import { BuildingGridPeriod } from './building-grid-period.entity';
import { Grid } from './grid.entity';
import type { GridContext } from '../context';
import { byIdOrCode } from '../shared/by-id-or-code';
import { BuildingConnection, HouseholdConnection } from '../shared/connections';
import { BuildingFilter, CreateBuildingInput, MoveBuildingsInput, UpdateBuildingInput } from './building.inputs';
import { createBuilding as createBuildingService, updateBuilding as updateBuildingService } from './building.service';

@Resolver(() => Building)
export class BuildingResolver {
  @Query(() => Building, { nullable: true, description: '按 id 或编码查楼栋' })
  building(
    @Ctx() ctx: GridContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ): Promise<Building | null> {
    return byIdOrCode(ctx.loaders.building, ctx.loaders.buildingByCode, id, code);
  }

  @Query(() => BuildingConnection, { description: '楼栋列表' })
  async buildings(
    @Ctx() ctx: GridContext,
    @Args() filter: BuildingFilter,
    @Info() info: GraphQLResolveInfo,
  ): Promise<BuildingConnection> {
    checkIdArguments({ gridId: filter.gridId, communityId: filter.communityId });
    return new BuildingConnection(
      await paginate(ctx.em, Building, (parameter) => buildingConditions(filter, parameter), filter, info),
    );
  }

  @FieldResolver(() => Grid)
  grid(@Root() building: Building, @Ctx() ctx: GridContext) {
    return ctx.loaders.grid.load(building.grid.id);
  }

  @FieldResolver(() => [BuildingGridPeriod], { description: '所属网格的历史' })
  gridHistory(@Root() building: Building, @Ctx() ctx: GridContext) {
    return ctx.loaders.buildingPeriods.load(building.id);
  }

  @FieldResolver(() => HouseholdConnection, { description: '户（仅查看者可见的）' })
  async households(@Root() building: Building, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return new HouseholdConnection(
      ctx.loaders.people.listedHouseholds(await ctx.loaders.householdsOfBuilding(building.id, page)),
    );
  }

  @FieldResolver(() => Int, { description: '户数' })
  householdCount(@Root() building: Building, @Ctx() ctx: GridContext) {
    return building.householdCount ?? ctx.loaders.householdCountOfBuilding.load(building.id);
  }

  @Mutation(() => Building)
  createBuilding(@Ctx() ctx: GridContext, @Arg('input') input: CreateBuildingInput): Promise<Building> {
    return createBuildingService(ctx, input);
  }

  @Mutation(() => Building)
  updateBuilding(@Ctx() ctx: GridContext, @Arg('input') input: UpdateBuildingInput): Promise<Building> {
    return updateBuildingService(ctx, input);
  }

  @Mutation(() => [Building], { description: '楼栋调整到另一网格；退出原网格、进入新网格的时间都有记录' })
  moveBuildings(@Ctx() ctx: GridContext, @Arg('input') input: MoveBuildingsInput): Promise<Building[]> {
    return moveBuildings(ctx, input);
  }
}
