import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { checkDate } from '../../../lib/dates';
import { conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import type { Page } from '../../../lib/pagination';
import { requireRecord } from '../../../lib/records';
import { fetchRemoteEntities } from '../../../lib/remote-entities';
import { checkCommunityOrUnitWrite, mayReadReport, outOfScope } from '../access';
import type { CoBuildingContext } from '../context';
import { checkId } from '../shared/check-id';
import { PledgeStatus, ReportStatus } from '../shared/enums';
import { checkRange, monthPeriod, quarterPeriod } from '../shared/periods';
import { requireCommunity } from '../shared/remote-checks';
import { Unit } from '../unit/unit.entity';
import type {
  CommunityMonthArgs,
  EndMemberReportInput,
  ReportMemberInput,
  UnitQuarterArgs,
} from './member-report.inputs';
import { MemberReport } from './member-report.entity';
import {
  checkNoActiveReport,
  checkReportingMember,
  checkResidenceCommunity,
  type RemoteMember,
} from './member-report.rules';
import { reportsInForce } from './member-report.store';
import { Pledge } from './pledge.entity';

/** The community of a grid, as the grid subgraph says now (null if it does not know the grid). */
async function communityOfGrid(gridId: string): Promise<string | null> {
  const [grid] = await fetchRemoteEntities<{ community: { id: string } }>(
    'grid',
    'Grid',
    [gridId],
    'id community { id }',
  );
  return grid?.community.id ?? null;
}

/**
 * A record asked for by id: null when it does not exist, FORBIDDEN (naming the caller's scope)
 * when it lies outside what the caller may read. Lists never get here: they are narrowed in SQL.
 */
export async function readableReport(
  ctx: CoBuildingContext,
  report: MemberReport | null,
  field: string,
): Promise<MemberReport | null> {
  if (!report) return null;
  // The unit's Party organisation decides for a PARTY_ORG caller; the unit loader batches and caches.
  const unit = await ctx.loaders.unit.load(report.unit.id);
  const facts = {
    communityId: report.communityId,
    unitId: report.unit.id,
    unitPartyOrganizationId: unit?.partyOrganizationId ?? null,
  };
  if (!mayReadReport(ctx.viewer, facts)) throw outOfScope(ctx.viewer, `MemberReport ${report.id}`, field);
  return report;
}

export async function findReport(ctx: CoBuildingContext, id: string): Promise<MemberReport | null> {
  return readableReport(ctx, await ctx.loaders.memberReport.load(id), 'id');
}

/** 居住地社区每月公示: the reports to the community in force in the month. */
export async function publishedReportsOfCommunity(
  ctx: CoBuildingContext,
  args: CommunityMonthArgs,
  info: GraphQLResolveInfo,
): Promise<Page<MemberReport>> {
  const period = monthPeriod(args.month, 'month');
  checkId(args.communityId, 'communityId', 'Community');
  return reportsInForce(ctx.em, { community_id: args.communityId }, period, args, info);
}

/** 单位每季度公示: the unit's reports in force in the quarter. */
export async function publishedReportsOfUnit(
  ctx: CoBuildingContext,
  args: UnitQuarterArgs,
  info: GraphQLResolveInfo,
): Promise<Page<MemberReport>> {
  const period = quarterPeriod(args.quarter, 'quarter');
  checkId(args.unitId, 'unitId', 'Unit');
  return reportsInForce(ctx.em, { unit_id: args.unitId }, period, args, info);
}

export async function reportMember(ctx: CoBuildingContext, input: ReportMemberInput): Promise<MemberReport> {
  checkCommunityOrUnitWrite(ctx.viewer, input, 'reporting a member to a community', {
    community: 'input.communityId',
    unit: 'input.unitId',
  });
  const reportedOn = checkDate(input.reportedOn, 'input.reportedOn');
  checkId(input.memberId, 'input.memberId', 'PartyMember');
  const [member] = await fetchRemoteEntities<RemoteMember>(
    'party-building',
    'PartyMember',
    [input.memberId],
    'id kind homeGrid { id }',
  );
  const { homeGrid } = checkReportingMember(member ?? null, input.memberId, 'input.memberId');
  await requireCommunity(input.communityId, 'input.communityId');
  checkResidenceCommunity(homeGrid ? await communityOfGrid(homeGrid.id) : null, input.communityId, 'input.communityId');
  try {
    return await ctx.em.transactional(async (em) => {
      const unit = await requireRecord(em, Unit, input.unitId, 'input.unitId');
      const active = await em.findOne(MemberReport, { memberId: input.memberId, status: ReportStatus.ACTIVE });
      checkNoActiveReport(active?.id ?? null, input.memberId, 'input.memberId');
      return em.create(MemberReport, {
        id: newId(),
        memberId: input.memberId,
        unit,
        communityId: input.communityId,
        reportedOn,
      });
    });
  } catch (error) {
    // Two reports of one member at the same moment: the partial unique index lets one through.
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict('input.memberId', `Party member ${input.memberId} already has a report in force`);
    }
    throw error;
  }
}

/** Ending a report ends its pledges on the same day. */
export async function endMemberReport(ctx: CoBuildingContext, input: EndMemberReportInput): Promise<MemberReport> {
  const endedOn = checkDate(input.endedOn, 'input.endedOn');
  return ctx.em.transactional(async (em) => {
    const report = await requireRecord(em, MemberReport, input.reportId, 'input.reportId', { lock: true });
    checkCommunityOrUnitWrite(
      ctx.viewer,
      { communityId: report.communityId, unitId: report.unit.id },
      'ending a member report',
      'input.reportId',
    );
    if (report.status === ReportStatus.ENDED) throw conflict('input.reportId', 'the report has already ended');
    checkRange(report.reportedOn, endedOn, 'input.endedOn');
    report.status = ReportStatus.ENDED;
    report.endedOn = endedOn;
    await em.nativeUpdate(
      Pledge,
      { report: report.id, status: PledgeStatus.ACTIVE },
      { status: PledgeStatus.ENDED, endedOn },
    );
    return report;
  });
}
