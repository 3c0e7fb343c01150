import type { GraphQLResolveInfo } from 'graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkDate } from '../../../lib/dates';
import { conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { fetchRemoteEntities } from '../../../lib/remote-entities';
import { checkNoActiveReport, checkReportingMember, checkResidenceCommunity, type RemoteMember } from './member-report.rules';
import { checkRange, monthPeriod, quarterPeriod } from '../shared/periods';
import { inForce } from './member-report.store';
import { requireRecord } from '../../../lib/records';
import { checkId } from '../shared/check-id';
import { CommunityReference, PartyMemberReference } from '../shared/references';
import { MemberReport } from './member-report.entity';
import { Pledge } from './pledge.entity';
import { PledgeStatus, ReportStatus } from '../shared/enums';
import { Unit } from '../unit/unit.entity';
import type { CoBuildingContext } from '../context';
import { MemberReportConnection, PledgeConnection } from '../shared/connections';
import { checkCommunityOrUnitWrite } from '../access';
import { readableReport } from './member-report.service';
import { communityOfGrid, requireCommunity } from '../shared/remote-checks';

@InputType({ description: '在职党员到居住地社区报到' })
class ReportMemberInput {
  @Field(() => ID, { description: '党员（党建子图的 PartyMember，须为在职党员）' }) memberId!: string;
  @Field(() => ID, { description: '所在单位' }) unitId!: string;
  @Field(() => ID, { description: '居住地社区（网格子图的 Community）' }) communityId!: string;
  @Field({ description: '报到日期 YYYY-MM-DD' }) reportedOn!: string;
}

@InputType({ description: '结束报到（迁居、调离等）' })
class EndMemberReportInput {
  @Field(() => ID) reportId!: string;
  @Field({ description: '结束日期 YYYY-MM-DD' }) endedOn!: string;
}

@ArgsType()
class CommunityMonthArgs extends PageArgs {
  @Field(() => ID) communityId!: string;
  @Field({ description: '月份 YYYY-MM' }) month!: string;
}

@ArgsType()
class UnitQuarterArgs extends PageArgs {
  @Field(() => ID) unitId!: string;
  @Field({ description: '季度 YYYY-Qn' }) quarter!: string;
}

@Resolver(() => MemberReport)
export class MemberReportResolver {
  @Query(() => MemberReport, { nullable: true, description: '按 id 查报到记录' })
  async memberReport(@Ctx() ctx: CoBuildingContext, @Arg('id', () => ID) id: string) {
    return readableReport(ctx, await ctx.loaders.memberReport.load(id), 'id');
  }

  @Query(() => MemberReportConnection, { description: '居住地社区每月公示：当月在册的报到党员' })
  async publishedReportsOfCommunity(@Ctx() ctx: CoBuildingContext, @Args() args: CommunityMonthArgs, @Info() info: GraphQLResolveInfo) {
    const period = monthPeriod(args.month, 'month');
    checkId(args.communityId, 'communityId', 'Community');
    return new MemberReportConnection(await paginate(ctx.em, MemberReport, (parameter) => [
      `"community_id" = ${parameter(args.communityId)}`, ...inForce(period, parameter),
    ], args, info));
  }

  @Query(() => MemberReportConnection, { description: '单位每季度公示：本季度在册的本单位报到党员' })
  async publishedReportsOfUnit(@Ctx() ctx: CoBuildingContext, @Args() args: UnitQuarterArgs, @Info() info: GraphQLResolveInfo) {
    const period = quarterPeriod(args.quarter, 'quarter');
    checkId(args.unitId, 'unitId', 'Unit');
    return new MemberReportConnection(await paginate(ctx.em, MemberReport, (parameter) => [
      `"unit_id" = ${parameter(args.unitId)}`, ...inForce(period, parameter),
    ], args, info));
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
  async reportMember(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ReportMemberInput): Promise<MemberReport> {
    checkCommunityOrUnitWrite(ctx.viewer, input, 'reporting a member to a community', { community: 'input.communityId', unit: 'input.unitId' });
    const reportedOn = checkDate(input.reportedOn, 'input.reportedOn');
    checkId(input.memberId, 'input.memberId', 'PartyMember');
    const [member] = await fetchRemoteEntities<RemoteMember>('party-building', 'PartyMember', [input.memberId], 'id kind homeGrid { id }');
    const { homeGrid } = checkReportingMember(member, input.memberId, 'input.memberId');
    await requireCommunity(input.communityId, 'input.communityId');
    checkResidenceCommunity(homeGrid ? await communityOfGrid(homeGrid.id) : null, input.communityId, 'input.communityId');
    try {
      return await ctx.em.transactional(async (em) => {
        const unit = await requireRecord(em, Unit, input.unitId, 'input.unitId');
        const active = await em.findOne(MemberReport, { memberId: input.memberId, status: ReportStatus.ACTIVE });
        checkNoActiveReport(active?.id ?? null, input.memberId, 'input.memberId');
        return em.create(MemberReport, { id: newId(), memberId: input.memberId, unit, communityId: input.communityId, reportedOn });
      });
    } catch (error) {
      // Two reports of one member at the same moment: the partial unique index lets one through.
      if (error instanceof UniqueConstraintViolationException) {
        throw conflict('input.memberId', `Party member ${input.memberId} already has a report in force`);
      }
      throw error;
    }
  }

  @Mutation(() => MemberReport, { description: '结束报到；其履岗承诺一并结束' })
  async endMemberReport(@Ctx() ctx: CoBuildingContext, @Arg('input') input: EndMemberReportInput): Promise<MemberReport> {
    const endedOn = checkDate(input.endedOn, 'input.endedOn');
    return ctx.em.transactional(async (em) => {
      const report = await requireRecord(em, MemberReport, input.reportId, 'input.reportId', { lock: true });
      checkCommunityOrUnitWrite(ctx.viewer, { communityId: report.communityId, unitId: report.unit.id }, 'ending a member report', 'input.reportId');
      if (report.status === ReportStatus.ENDED) throw conflict('input.reportId', 'the report has already ended');
      checkRange(report.reportedOn, endedOn, 'input.endedOn');
      report.status = ReportStatus.ENDED;
      report.endedOn = endedOn;
      await em.nativeUpdate(Pledge, { report: report.id, status: PledgeStatus.ACTIVE }, { status: PledgeStatus.ENDED, endedOn });
      return report;
    });
  }
}
