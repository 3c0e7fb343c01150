import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ServicesContext } from '../context';
import { GridReference } from '../shared/references';
import { CaseIndicators } from './case-indicators.entity';
import { PeriodArgs } from './indicators.inputs';
import { gridIndicators } from './indicators.service';

/** The figures the service centre adds to the grid subgraph's Grid; nullable (see case/case-grid.resolver.ts). */
@Resolver(() => GridReference)
export class IndicatorsGridResolver {
  @FieldResolver(() => CaseIndicators, {
    nullable: true,
    description: '本网格工单指标（按上报时间；部门只计派给本部门的）',
  })
  caseIndicators(@Root() grid: GridReference, @Ctx() ctx: ServicesContext, @Args() args: PeriodArgs) {
    return gridIndicators(ctx, grid.id, args);
  }
}
