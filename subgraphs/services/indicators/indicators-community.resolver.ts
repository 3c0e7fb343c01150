import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ServicesContext } from '../context';
import { CommunityReference } from '../shared/references';
import { CaseIndicators } from './case-indicators.entity';
import { PeriodArgs } from './indicators.inputs';
import { communityIndicators } from './indicators.service';

/** The figures the service centre adds to the grid subgraph's Community; nullable (see case/case-grid.resolver.ts). */
@Resolver(() => CommunityReference)
export class IndicatorsCommunityResolver {
  @FieldResolver(() => CaseIndicators, {
    nullable: true,
    description: '本社区工单指标（按上报时间；网格员只计本人网格，部门只计派给本部门的）',
  })
  caseIndicators(@Root() community: CommunityReference, @Ctx() ctx: ServicesContext, @Args() args: PeriodArgs) {
    return communityIndicators(ctx, community.id, args);
  }
}
