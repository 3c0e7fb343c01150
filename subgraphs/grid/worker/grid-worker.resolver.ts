import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { workerConditions } from './grid-worker.store';
import { revealPersonal } from '../../../lib/personal-data';
import { workerPhoneInScope } from '../access';
import { createGridWorker, updateGridWorker } from './grid-worker.service';
import { Grid } from '../grid/grid.entity';
import { GridAssignment } from './grid-assignment.entity';
import { GridWorker } from './grid-worker.entity';
import type { GridContext } from '../context';
import { GridWorkerConnection, VisitConnection } from '../shared/connections';
import { CreateGridWorkerInput, GridWorkerFilter, UpdateGridWorkerInput } from './grid-worker.inputs';

@Resolver(() => GridWorker)
export class GridWorkerResolver {
  @Query(() => GridWorker, { nullable: true, description: '按 id 查网格员' })
  gridWorker(@Ctx() ctx: GridContext, @Arg('id', () => ID) id: string): Promise<GridWorker | null> {
    return ctx.loaders.worker.load(id);
  }

  @Query(() => GridWorkerConnection, { description: '网格员列表，可按类别、当前所在网格、是否在岗筛选' })
  async gridWorkers(
    @Ctx() ctx: GridContext,
    @Args() filter: GridWorkerFilter,
    @Info() info: GraphQLResolveInfo,
  ): Promise<GridWorkerConnection> {
    checkIdArguments({ gridId: filter.gridId });
    return new GridWorkerConnection(
      await paginate(ctx.em, GridWorker, (parameter) => workerConditions(filter, parameter), filter, info),
    );
  }

  @FieldResolver(() => String, { description: '本人手机号（个人信息，脱敏显示；公示用 publicContact）' })
  async phone(@Root() worker: GridWorker, @Ctx() ctx: GridContext) {
    const gridIds = async () => (await ctx.loaders.activeAssignmentsOfWorker.load(worker.id)).map((a) => a.grid.id);
    const inScope = await workerPhoneInScope(ctx.viewer, worker.id, gridIds);
    return revealPersonal(
      ctx.viewer,
      ctx.loaders.accessLog,
      { type: 'GridWorker', id: worker.id, inScope },
      'phone',
      worker.phone,
    );
  }

  @FieldResolver(() => [GridAssignment], { description: '在任的网格配置' })
  assignments(@Root() worker: GridWorker, @Ctx() ctx: GridContext) {
    return ctx.loaders.activeAssignmentsOfWorker.load(worker.id);
  }

  @FieldResolver(() => [GridAssignment], { description: '全部网格配置（含已结束的），按开始时间' })
  assignmentHistory(@Root() worker: GridWorker, @Ctx() ctx: GridContext) {
    return ctx.loaders.assignmentHistoryOfWorker.load(worker.id);
  }

  @FieldResolver(() => [Grid], { description: '当前负责的网格' })
  grids(@Root() worker: GridWorker, @Ctx() ctx: GridContext) {
    return ctx.loaders.gridsOfWorker.load(worker.id);
  }

  @FieldResolver(() => VisitConnection, { description: '走访台账（仅查看者辖区内网格的）' })
  async visits(@Root() worker: GridWorker, @Ctx() ctx: GridContext, @Args() page: PageArgs) {
    return new VisitConnection(await ctx.loaders.visitsOfWorker(worker.id, page));
  }

  @Mutation(() => GridWorker)
  createGridWorker(@Ctx() ctx: GridContext, @Arg('input') input: CreateGridWorkerInput): Promise<GridWorker> {
    return createGridWorker(ctx, input);
  }

  @Mutation(() => GridWorker)
  updateGridWorker(@Ctx() ctx: GridContext, @Arg('input') input: UpdateGridWorkerInput): Promise<GridWorker> {
    return updateGridWorker(ctx, input);
  }
}
