import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments, newId } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { checkCode, checkName } from '../shared/codes';
import { mergeGrids, retireGrid, splitGrid } from './grid.service';
import { sizeBand, STANDARD_HOUSEHOLDS } from './grid-size.rules';
import { gridConditions } from './grid.store';
import { requireRecord } from '../../../lib/records';
import { assertTakesGrids, lineage } from './grid.rules';
import { freeCode, requireFreeCode } from '../shared/unique-codes';
import { Community } from '../community/community.entity';
import { Grid } from './grid.entity';
import { GridAssignment } from '../worker/grid-assignment.entity';
import { GridChange } from './grid-change.entity';
import { GridChangeKind, GridKind, GridStatus } from '../shared/enums';
import type { GridContext } from '../context';
import { guardStructureWrite } from '../shared/write-guard';
import { byIdOrCode } from '../shared/by-id-or-code';
import { actorOf } from '../shared/actor';
import { BuildingConnection, GridConnection, VisitConnection } from '../shared/connections';

@InputType({ description: '新建网格' })
class CreateGridInput {
  @Field(() => ID) communityId!: string;
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => GridKind) kind!: GridKind;
}

@InputType({ description: '修改网格；省略的字段不变' })
class UpdateGridInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => GridKind, { nullable: true }) kind?: GridKind;
}

@InputType({ description: '拆分后的一个新网格及其楼栋' })
class SplitPartInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => GridKind, { nullable: true, description: '省略时沿用原网格分类' }) kind?: GridKind;
  @Field(() => [ID]) buildingIds!: string[];
}

@InputType({ description: '拆分网格：原网格撤销，每栋楼归入一个新网格' })
class SplitGridInput {
  @Field(() => ID) gridId!: string;
  @Field(() => [SplitPartInput]) parts!: SplitPartInput[];
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '合并后的新网格' })
class NewGridInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => GridKind, { nullable: true }) kind?: GridKind;
}

@InputType({ description: '合并网格：同一社区的若干网格并为一个新网格，原网格撤销' })
class MergeGridsInput {
  @Field(() => [ID]) gridIds!: string[];
  @Field(() => NewGridInput) into!: NewGridInput;
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '撤销网格（须先移走全部楼栋）' })
class RetireGridInput {
  @Field(() => ID) gridId!: string;
  @Field({ nullable: true }) note?: string;
}

@ArgsType()
class GridFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => GridKind, { nullable: true }) kind?: GridKind;
  @Field(() => GridStatus, { nullable: true }) status?: GridStatus;
  @Field(() => Boolean, { nullable: true, description: `true: 户数不在 ${STANDARD_HOUSEHOLDS.min}–${STANDARD_HOUSEHOLDS.max} 标准区间的网格; false: 区间内的` })
  outsideStandardBand?: boolean;
}

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
  async grids(@Ctx() ctx: GridContext, @Args() filter: GridFilter, @Info() info: GraphQLResolveInfo): Promise<GridConnection> {
    checkIdArguments({ streetId: filter.streetId, communityId: filter.communityId });
    return new GridConnection(await paginate(ctx.em, Grid, (parameter) => gridConditions(filter, parameter), filter, info));
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

  @FieldResolver(() => Boolean, { description: `户数不在 ${STANDARD_HOUSEHOLDS.min}–${STANDARD_HOUSEHOLDS.max} 标准区间（提示，不拒绝）` })
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
    const code = checkCode(input.code, 'input.code');
    const name = checkName(input.name, 'input.name');
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'creating a grid', [{ field: 'input.communityId', kind: 'community', id: input.communityId }]);
      const community = await requireRecord(em, Community, input.communityId, 'input.communityId');
      assertTakesGrids({ id: community.id, code: community.code, status: community.status, streetId: community.street.id }, 'input.communityId');
      await requireFreeCode(em, Grid, code, 'input.code');
      const grid = em.create(Grid, { id: newId(), code, name, kind: input.kind, community });
      em.create(GridChange, { id: newId(), kind: GridChangeKind.CREATED, toGridIds: [grid.id], actor: actorOf(ctx) });
      return grid;
    });
  }

  @Mutation(() => Grid)
  updateGrid(@Ctx() ctx: GridContext, @Arg('input') input: UpdateGridInput): Promise<Grid> {
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'updating a grid', [{ field: 'input.id', kind: 'grid', id: input.id }]);
      const grid = await requireRecord(em, Grid, input.id, 'input.id');
      if (input.code != null) grid.code = await freeCode(em, Grid, input.code, 'input.code', grid.id);
      if (input.name != null) grid.name = checkName(input.name, 'input.name');
      if (input.kind != null) grid.kind = input.kind;
      return grid;
    });
  }

  @Mutation(() => [Grid], { description: '拆分网格，返回新网格' })
  splitGrid(@Ctx() ctx: GridContext, @Arg('input') input: SplitGridInput): Promise<Grid[]> {
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'splitting a grid', [{ field: 'input.gridId', kind: 'grid', id: input.gridId }]);
      return splitGrid(em, { ...input, actor: actorOf(ctx) });
    });
  }

  @Mutation(() => Grid, { description: '合并网格，返回新网格' })
  mergeGrids(@Ctx() ctx: GridContext, @Arg('input') input: MergeGridsInput): Promise<Grid> {
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'merging grids', input.gridIds.map((id, i) => ({ field: `input.gridIds[${i}]`, kind: 'grid' as const, id })));
      return mergeGrids(em, { ...input, actor: actorOf(ctx) });
    });
  }

  @Mutation(() => Grid, { description: '撤销网格（保留记录与历史）' })
  retireGrid(@Ctx() ctx: GridContext, @Arg('input') input: RetireGridInput): Promise<Grid> {
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'retiring a grid', [{ field: 'input.gridId', kind: 'grid', id: input.gridId }]);
      return retireGrid(em, { ...input, actor: actorOf(ctx) });
    });
  }
}
