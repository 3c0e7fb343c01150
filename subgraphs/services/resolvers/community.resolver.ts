import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { indicatorScope, requireCatalogueReader } from '../access';
import { checkPeriod } from '../domain/indicator-period';
import { ItemAssignment } from '../entities';
import { CommunityReference } from '../shared/references';
import type { ServicesContext } from '../context';
import { CaseFilterArgs } from '../case/case.inputs';
import { casePage } from '../case/case.service';
import { CaseConnection } from '../shared/connections';
import { CaseIndicators, PeriodArgs } from './indicators';

/**
 * Fields the service centre adds to the grid subgraph's Community.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the community keeps the rest of its answer (one non-null field would null the whole community).
 */
@Resolver(() => CommunityReference)
export class CommunityServicesResolver {
  @FieldResolver(() => [ItemAssignment], { nullable: true, description: '经准入配置到本社区全部网格的事项' })
  admittedItems(@Root() community: CommunityReference, @Ctx() ctx: ServicesContext) {
    requireCatalogueReader(ctx.viewer);
    return ctx.loaders.assignmentsOfCommunity.load(community.id);
  }

  @FieldResolver(() => CaseConnection, { nullable: true, description: '上报时属于本社区的工单（仅调用者有权查看的），可按状态、是否超期筛选' })
  cases(@Root() community: CommunityReference, @Ctx() ctx: ServicesContext, @Args() args: CaseFilterArgs) {
    return casePage(ctx, 'casesOfCommunity', community.id, args);
  }

  @FieldResolver(() => CaseIndicators, { nullable: true, description: '本社区工单指标（按上报时间；网格员只计本人网格，部门只计派给本部门的）' })
  async caseIndicators(@Root() community: CommunityReference, @Ctx() ctx: ServicesContext, @Args() args: PeriodArgs) {
    // The loader counts over the viewer's cases; this refuses a community outside a territory.
    indicatorScope(ctx.viewer, { communityId: community.id });
    return new CaseIndicators(await ctx.loaders.indicatorsOfCommunity(community.id, checkPeriod(args.from, args.to)));
  }
}
