import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import type { CoBuildingContext } from '../context';
import { MemberReportConnection, PledgeConnection } from '../shared/connections';
import { CommunityReference, PartyMemberReference } from '../shared/references';
import { Unit } from '../unit/unit.entity';
import { CommunityMonthArgs, EndMemberReportInput, ReportMemberInput, UnitQuarterArgs } from './member-report.inputs';
import { MemberReport } from './member-report.entity';
import {
  endMemberReport,
  findReport,
  publishedReportsOfCommunity,
  publishedReportsOfUnit,
  reportMember,
} from './member-report.service';

@Resolver(() => MemberReport)
export class MemberReportResolver {
  @Query(() => MemberReport, { nullable: true, description: '按 id 查报到记录' })
  memberReport(@Ctx() ctx: CoBuildingContext, @Arg('id', () => ID) id: string) {
    return findReport(ctx, id);
  }

  @Query(() => MemberReportConnection, { description: '居住地社区每月公示：当月在册的报到党员' })
  async publishedReportsOfCommunity(
    @Ctx() ctx: CoBuildingContext,
    @Args() args: CommunityMonthArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new MemberReportConnection(await publishedReportsOfCommunity(ctx, args, info));
  }

  @Query(() => MemberReportConnection, { description: '单位每季度公示：本季度在册的本单位报到党员' })
  async publishedReportsOfUnit(
    @Ctx() ctx: CoBuildingContext,
    @Args() args: UnitQuarterArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new MemberReportConnection(await publishedReportsOfUnit(ctx, args, info));
  }

  // Nullable: the party-building service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => PartyMemberReference, { nullable: true, description: '报到党员' })
  member(@Root() report: MemberReport) {
    return { id: report.memberId };
  }

  @FieldResolver(() => Unit, { description: '所在单位' })
  unit(@Root() report: MemberReport, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.unit.load(report.unit.id);
  }

  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => CommunityReference, { nullable: true, description: '居住地社区' })
  community(@Root() report: MemberReport) {
    return { id: report.communityId };
  }

  @FieldResolver(() => PledgeConnection, { description: '认领的服务岗位（履岗承诺）' })
  async pledges(@Root() report: MemberReport, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new PledgeConnection(await ctx.loaders.pledgesOfReport(report.id, page));
  }

  @Mutation(() => MemberReport, { description: '在职党员到居住地社区报到' })
  reportMember(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ReportMemberInput): Promise<MemberReport> {
    return reportMember(ctx, input);
  }

  @Mutation(() => MemberReport, { description: '结束报到；其履岗承诺一并结束' })
  endMemberReport(@Ctx() ctx: CoBuildingContext, @Arg('input') input: EndMemberReportInput): Promise<MemberReport> {
    return endMemberReport(ctx, input);
  }
}
