import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments, newId } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { buildingConditions } from './grid.store';
import { checkCode, checkName } from '../shared/codes';
import { gridState, moveBuildings, placeBuildings } from './grid.service';
import { assertTakesBuildings } from './grid.rules';
import { changedFields, logRecordChange } from '../record-change/record-change.rules';
import { requireRecord } from '../../../lib/records';
import { freeCode, requireFreeCode } from '../shared/unique-codes';
import { Building } from './building.entity';
import { BuildingGridPeriod } from './building-grid-period.entity';
import { Grid } from './grid.entity';
import { RecordAction, RecordType } from '../shared/enums';
import type { GridContext } from '../context';
import { guardStructureWrite } from '../shared/write-guard';
import { byIdOrCode } from '../shared/by-id-or-code';
import { actorOf } from '../shared/actor';
import { BuildingConnection, HouseholdConnection } from '../shared/connections';

@InputType({ description: '新建楼栋' })
class CreateBuildingInput {
  @Field(() => ID) gridId!: string;
  @Field() code!: string;
  @Field({ description: '楼栋名称或门牌地址' }) address!: string;
}

@InputType({ description: '修改楼栋；省略的字段不变（调整所属网格用 moveBuildings）' })
class UpdateBuildingInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) address?: string;
}

@InputType({ description: '楼栋调整到另一网格（保留历史）' })
class MoveBuildingsInput {
  @Field(() => [ID]) buildingIds!: string[];
  @Field(() => ID) toGridId!: string;
  @Field({ nullable: true }) note?: string;
}

@ArgsType()
class BuildingFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) gridId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
}

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
  async buildings(@Ctx() ctx: GridContext, @Args() filter: BuildingFilter, @Info() info: GraphQLResolveInfo): Promise<BuildingConnection> {
    checkIdArguments({ gridId: filter.gridId, communityId: filter.communityId });
    return new BuildingConnection(await paginate(ctx.em, Building, (parameter) => buildingConditions(filter, parameter), filter, info));
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
    return new HouseholdConnection(ctx.loaders.people.listedHouseholds(await ctx.loaders.householdsOfBuilding(building.id, page)));
  }

  @FieldResolver(() => Int, { description: '户数' })
  householdCount(@Root() building: Building, @Ctx() ctx: GridContext) {
    return building.householdCount ?? ctx.loaders.householdCountOfBuilding.load(building.id);
  }

  @Mutation(() => Building)
  createBuilding(@Ctx() ctx: GridContext, @Arg('input') input: CreateBuildingInput): Promise<Building> {
    const code = checkCode(input.code, 'input.code');
    const address = checkName(input.address, 'input.address', 200);
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'creating a building', [{ field: 'input.gridId', kind: 'grid', id: input.gridId }]);
      const grid = await requireRecord(em, Grid, input.gridId, 'input.gridId');
      assertTakesBuildings(gridState(grid), 'input.gridId');
      await requireFreeCode(em, Building, code, 'input.code');
      const building = em.create(Building, { id: newId(), code, address, grid });
      await placeBuildings(em, [building], grid, building.createdAt);
      logRecordChange(em, {
        entityType: RecordType.BUILDING, entityId: building.id, action: RecordAction.CREATED, fields: ['code', 'address', 'grid'], actor: actorOf(ctx),
      });
      return building;
    });
  }

  @Mutation(() => Building)
  updateBuilding(@Ctx() ctx: GridContext, @Arg('input') input: UpdateBuildingInput): Promise<Building> {
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'updating a building', [{ field: 'input.id', kind: 'building', id: input.id }]);
      const building = await requireRecord(em, Building, input.id, 'input.id');
      const before = { code: building.code, address: building.address };
      if (input.code != null) building.code = await freeCode(em, Building, input.code, 'input.code', building.id);
      if (input.address != null) building.address = checkName(input.address, 'input.address', 200);
      logRecordChange(em, {
        entityType: RecordType.BUILDING, entityId: building.id, action: RecordAction.UPDATED,
        fields: changedFields(before, { code: building.code, address: building.address }), actor: actorOf(ctx),
      });
      return building;
    });
  }

  @Mutation(() => [Building], { description: '楼栋调整到另一网格；退出原网格、进入新网格的时间都有记录' })
  moveBuildings(@Ctx() ctx: GridContext, @Arg('input') input: MoveBuildingsInput): Promise<Building[]> {
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'moving buildings', [
        ...input.buildingIds.map((id, i) => ({ field: `input.buildingIds[${i}]`, kind: 'building' as const, id })),
        { field: 'input.toGridId', kind: 'grid', id: input.toGridId },
      ]);
      return moveBuildings(em, { ...input, actor: actorOf(ctx) });
    });
  }
}
