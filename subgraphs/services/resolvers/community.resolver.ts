import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { checkPeriod } from '../domain/indicator-period';
import { ItemAssignment } from '../entities';
import { CommunityReference } from '../entities/references';
import type { ServicesContext } from '../loaders';
import { CaseFilterArgs } from './case.resolver';
import { CaseConnection } from './connections';
import { CaseIndicators, PeriodArgs } from './indicators';

/** Fields the service centre adds to the grid subgraph's Community. */
@Resolver(() => CommunityReference)
export class CommunityServicesResolver {
  @FieldResolver(() => [ItemAssignment], { description: '经准入配置到本社区全部网格的事项' })
  admittedItems(@Root() community: CommunityReference, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.assignmentsOfCommunity.load(community.id);
  }

  @FieldResolver(() => CaseConnection, { description: '上报时属于本社区的工单，可按状态、是否超期筛选' })
  async cases(@Root() community: CommunityReference, @Ctx() ctx: ServicesContext, @Args() args: CaseFilterArgs) {
    const { state, overdue, ...page } = args;
    return new CaseConnection(await ctx.loaders.casesOfCommunity(community.id, { state, overdue }, page));
  }

  @FieldResolver(() => CaseIndicators, { description: '本社区工单指标（按上报时间）' })
  async caseIndicators(@Root() community: CommunityReference, @Ctx() ctx: ServicesContext, @Args() args: PeriodArgs) {
    return new CaseIndicators(await ctx.loaders.indicatorsOfCommunity(community.id, checkPeriod(args.from, args.to)));
  }
}
