import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments } from '../../../lib/ids';
import { paginate } from '../../../lib/pagination';
import { outsideScope, requireVisitLogScope } from '../access';
import { checkPeriod } from './visit.rules';
import { recordVisit } from './visit.service';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../worker/grid-worker.entity';
import { Household } from '../household/household.entity';
import { Visit } from './visit.entity';
import { DUTY_LABELS } from '../shared/enums';
import type { GridContext } from '../context';
import { VisitConnection } from '../shared/connections';
import { RecordVisitInput, VisitFilter } from './visit.inputs';
import { visitConditions } from './visit.store';

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => Visit, { nullable: true, description: '按 id 查走访记录（辖区外的：FORBIDDEN）' })
  async visit(@Ctx() ctx: GridContext, @Arg('id', () => ID) id: string): Promise<Visit | null> {
    const visit = await ctx.loaders.visit.load(id);
    if (visit && !ctx.loaders.people.visitVisible(visit)) throw outsideScope(ctx.viewer, 'Visit', id, 'id');
    return visit;
  }

  @Query(() => VisitConnection, { description: '走访台账（仅辖区内），可按网格、网格员、职责、时间段筛选' })
  async visits(
    @Ctx() ctx: GridContext,
    @Args() filter: VisitFilter,
    @Info() info: GraphQLResolveInfo,
  ): Promise<VisitConnection> {
    requireVisitLogScope(ctx.viewer);
    checkPeriod(filter.from, filter.to);
    const { gridId, workerId } = filter;
    checkIdArguments({ gridId, workerId });
    const page = await paginate(
      ctx.em,
      Visit,
      (parameter) => [...visitConditions(filter, parameter), ...ctx.loaders.people.visitRows(undefined, parameter)],
      filter,
      info,
    );
    return new VisitConnection(page);
  }

  @FieldResolver(() => GridWorker)
  worker(@Root() visit: Visit, @Ctx() ctx: GridContext) {
    return ctx.loaders.worker.load(visit.worker.id);
  }

  @FieldResolver(() => Grid)
  grid(@Root() visit: Visit, @Ctx() ctx: GridContext) {
    return ctx.loaders.grid.load(visit.grid.id);
  }

  // A building may have moved to another grid since the visit: its household is shown only if still in scope.
  @FieldResolver(() => Household, { nullable: true, description: '走访的户（不在查看者辖区内时为 null）' })
  household(@Root() visit: Visit, @Ctx() ctx: GridContext) {
    return visit.household ? ctx.loaders.visibleHousehold.load(visit.household.id) : null;
  }

  @FieldResolver(() => String, { description: '职责中文名' })
  dutyLabel(@Root() visit: Visit): string {
    return DUTY_LABELS[visit.duty];
  }

  @Mutation(() => Visit)
  recordVisit(@Ctx() ctx: GridContext, @Arg('input') input: RecordVisitInput): Promise<Visit> {
    return recordVisit(ctx, input);
  }
}
