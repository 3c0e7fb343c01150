import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import {
  mergeGrids,
  retireGrid,
  splitGrid,
  createGrid as createGridService,
  updateGrid as updateGridService,
} from './grid.service';
import { sizeBand, STANDARD_HOUSEHOLDS } from './grid-size.rules';
import { gridConditions } from './grid.store';
import { lineage } from './grid.rules';
import { Community } from '../community/community.entity';
import { Grid } from './grid.entity';
import { GridAssignment } from '../worker/grid-assignment.entity';
import { GridChange } from './grid-change.entity';
import type { GridContext } from '../context';
import { byIdOrCode } from '../shared/by-id-or-code';
import { BuildingConnection, GridConnection, VisitConnection } from '../shared/connections';
import {
  CreateGridInput,
  GridFilter,
  MergeGridsInput,
  RetireGridInput,
  SplitGridInput,
  UpdateGridInput,
} from './grid.inputs';

@Resolver(() => Grid)
export class GridResolver {
  @Query(() => Grid, { nullable: true, description: '按 id 或网格编码查网格（含已撤销的）' })
  grid(
    @Ctx() ctx: GridContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ): Promise<Grid | null> {
    return byIdOrCode(ctx.loaders.grid, ctx.loaders.gridByCode, id, code);
  }

  @Query(() => GridConnection, { description: '网格列表，可按街道、社区、分类、状态、户数是否超出标准区间筛选' })
  async grids(
    @Ctx() ctx: GridContext,
    @Args() filter: GridFilter,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GridConnection> {
    checkIdArguments({ streetId: filter.streetId, communityId: filter.communityId });
    return new GridConnection(
      await paginate(ctx.em, Grid, (parameter) => gridConditions(filter, parameter), filter, info),
    );
  }

  @FieldResolver(() => Community)
  community(@Root() grid: Grid, @Ctx() ctx: GridContext) {
    return ctx.loaders.community.load(grid.community.id);
  }

  @FieldResolver(() => BuildingConnection, { description: '当前楼栋' })
  async buildings(@Root() grid: Grid, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return new BuildingConnection(await ctx.loaders.buildingsOfGrid(grid.id, page));
  }

  @FieldResolver(() => Int, { description: '户数' })
  householdCount(@Root() grid: Grid, @Ctx() ctx: GridContext) {
    return grid.householdCount ?? ctx.loaders.householdCountOfGrid.load(grid.id);
  }

  @FieldResolver(() => Boolean, {
    description: `户数不在 ${STANDARD_HOUSEHOLDS.min}–${STANDARD_HOUSEHOLDS.max} 标准区间（提示，不拒绝）`,
  })
  async outsideStandardBand(@Root() grid: Grid, @Ctx() ctx: GridContext) {
    return sizeBand(await this.householdCount(grid, ctx)) !== 'WITHIN';
  }

  @FieldResolver(() => [GridAssignment], { description: '在任网格员配置' })
  assignments(@Root() grid: Grid, @Ctx() ctx: GridContext) {
    return ctx.loaders.activeAssignmentsOfGrid.load(grid.id);
  }

  @FieldResolver(() => VisitConnection, { description: '走访台账（仅查看者辖区内的）' })
  async visits(@Root() grid: Grid, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return new VisitConnection(await ctx.loaders.visitsOfGrid(grid.id, page));
  }

  @FieldResolver(() => [GridChange], { description: '调整历史（新建、拆分、合并、撤销、楼栋调整、社区合并）' })
  history(@Root() grid: Grid, @Ctx() ctx: GridContext) {
    return ctx.loaders.changesOfGrid.load(grid.id);
  }

  @FieldResolver(() => [Grid], { description: '由本网格拆分/合并而成的网格' })
  async successors(@Root() grid: Grid, @Ctx() ctx: GridContext) {
    const ids = lineage(await ctx.loaders.changesOfGrid.load(grid.id), grid.id, 'successors');
    return (await ctx.loaders.grid.loadMany(ids)).filter((g): g is Grid => g instanceof Grid);
  }

  @FieldResolver(() => [Grid], { description: '拆分/合并前的网格' })
  async predecessors(@Root() grid: Grid, @Ctx() ctx: GridContext) {
    const ids = lineage(await ctx.loaders.changesOfGrid.load(grid.id), grid.id, 'predecessors');
    return (await ctx.loaders.grid.loadMany(ids)).filter((g): g is Grid => g instanceof Grid);
  }

  @Mutation(() => Grid)
  createGrid(@Ctx() ctx: GridContext, @Arg('input') input: CreateGridInput): Promise<Grid> {
    return createGridService(ctx, input);
  }

  @Mutation(() => Grid)
  updateGrid(@Ctx() ctx: GridContext, @Arg('input') input: UpdateGridInput): Promise<Grid> {
    return updateGridService(ctx, input);
  }

  @Mutation(() => [Grid], { description: '拆分网格，返回新网格' })
  splitGrid(@Ctx() ctx: GridContext, @Arg('input') input: SplitGridInput): Promise<Grid[]> {
    return splitGrid(ctx, input);
  }

  @Mutation(() => Grid, { description: '合并网格，返回新网格' })
  mergeGrids(@Ctx() ctx: GridContext, @Arg('input') input: MergeGridsInput): Promise<Grid> {
    return mergeGrids(ctx, input);
  }

  @Mutation(() => Grid, { description: '撤销网格（保留记录与历史）' })
  retireGrid(@Ctx() ctx: GridContext, @Arg('input') input: RetireGridInput): Promise<Grid> {
    return retireGrid(ctx, input);
  }
}
