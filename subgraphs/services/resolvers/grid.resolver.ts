import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { indicatorScope, requireCatalogueReader } from '../access';
import { checkPeriod } from '../domain/indicator-period';
import { ItemAssignment, ItemList, ServiceItem } from '../entities';
import { GridReference } from '../shared/references';
import type { ServicesContext } from '../context';
import { CaseFilterArgs } from '../case/case.inputs';
import { casePage } from '../case/case.service';
import { CaseConnection } from '../shared/connections';
import { CaseIndicators, PeriodArgs } from './indicators';

/**
 * Fields the service centre adds to the grid subgraph's Grid.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the grid keeps the rest of its answer (one non-null field would null the whole grid).
 */
@Resolver(() => GridReference)
export class GridServicesResolver {
  @FieldResolver(() => [ServiceItem], { nullable: true, description: '网格事项责任清单' })
  dutyItems(@Ctx() ctx: ServicesContext) {
    requireCatalogueReader(ctx.viewer);
    return ctx.loaders.itemsOfList.load(ItemList.GRID_DUTY);
  }

  @FieldResolver(() => [ItemAssignment], { nullable: true, description: '经准入配置到本网格的事项（配置到整个社区的见 Community.admittedItems）' })
  admittedItems(@Root() grid: GridReference, @Ctx() ctx: ServicesContext) {
    requireCatalogueReader(ctx.viewer);
    return ctx.loaders.assignmentsOfGrid.load(grid.id);
  }

  @FieldResolver(() => CaseConnection, { nullable: true, description: '本网格的工单（仅调用者有权查看的），可按状态、是否超期筛选' })
  cases(@Root() grid: GridReference, @Ctx() ctx: ServicesContext, @Args() args: CaseFilterArgs) {
    return casePage(ctx, 'casesOfGrid', grid.id, args);
  }

  @FieldResolver(() => CaseIndicators, { nullable: true, description: '本网格工单指标（按上报时间；部门只计派给本部门的）' })
  async caseIndicators(@Root() grid: GridReference, @Ctx() ctx: ServicesContext, @Args() args: PeriodArgs) {
    // The loader counts over the viewer's cases; this refuses a grid outside a territory.
    indicatorScope(ctx.viewer, { gridId: grid.id });
    return new CaseIndicators(await ctx.loaders.indicatorsOfGrid(grid.id, checkPeriod(args.from, args.to)));
  }
}
