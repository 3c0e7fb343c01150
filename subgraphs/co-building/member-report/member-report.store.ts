import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { isId } from '../../../lib/ids';
import { columnsOf, readOnlyMapper } from '../../../lib/read-only-entities';
import { paginate, type Page, type PageArgs } from '../../../lib/pagination';
import { equalTo, oneOf, SqlParameters, sqlRows, type SqlParameter } from '../../../lib/sql-rows';
import type { ReportScope } from '../access';
import { ReportStatus } from '../shared/enums';
import type { Period } from '../shared/periods';
import { MemberReport } from './member-report.entity';

/**
 * The report read scope of access.ts as SQL conditions, so that lists leave out what the caller
 * may not read in the database itself: pages stay full and totalCount counts only what is shown.
 * Each value is written through `parameter`, which returns its placeholder (lib/sql-rows.ts).
 */

/** A condition on co_building.member_report: the reports in scope (false when none is); none when all are. */
export function reportConditions(scope: ReportScope, parameter: SqlParameter): string[] {
  if (scope.all) return [];
  const any: string[] = [];
  if (scope.communityIds.length) any.push(`"community_id" = any(${parameter([...scope.communityIds])})`);
  if (scope.unitIds.length) any.push(`"unit_id" = any(${parameter([...scope.unitIds])})`);
  if (scope.partyOrganizationIds.length) {
    any.push(
      `"unit_id" in (select "id" from "co_building"."unit" where "party_organization_id" = any(${parameter([...scope.partyOrganizationIds])}))`,
    );
  }
  return [any.length ? any.join(' or ') : 'false'];
}

/** A condition on co_building.pledge: the pledges of reports in scope. */
export function pledgeConditions(scope: ReportScope, parameter: SqlParameter): string[] {
  if (scope.all) return [];
  return [
    `"report_id" in (select "id" from "co_building"."member_report" where ${reportConditions(scope, parameter)[0]})`,
  ];
}

/** Reports in force on any day of the period (inForceDuring in shared/periods.ts, as SQL). */
function inForce(period: Period, parameter: SqlParameter): string[] {
  return [`"reported_on" <= ${parameter(period.to)}`, `"ended_on" is null or "ended_on" >= ${parameter(period.from)}`];
}

/** The report each member has in force (at most one) if the viewer may read it, one query per batch. */
export function activeReportOfMemberLoader(em: EntityManager, scope: ReportScope) {
  return new DataLoader<string, MemberReport | null>(async (memberIds) => {
    const valid = memberIds.filter(isId);
    if (!valid.length) return memberIds.map(() => null);
    const parameters = new SqlParameters();
    const conditions = [
      oneOf('"member_id"', valid, parameters.add),
      `"status" = ${parameters.add(ReportStatus.ACTIVE)}`,
      ...reportConditions(scope, parameters.add),
    ];
    const text = `select ${columnsOf(em, MemberReport)} from "co_building"."member_report" where ${conditions.map((condition) => `(${condition})`).join(' and ')}`;
    const rows = (await sqlRows<Record<string, unknown>>(em, { text, values: parameters.values, prepared: true })).map(
      readOnlyMapper(em, MemberReport),
    );
    const byMember = new Map(rows.map((row) => [row.memberId, row]));
    return memberIds.map((id) => byMember.get(id) ?? null);
  });
}

/** A page of the reports of one community or unit (`place`: its column and id) in force during the period. */
export function reportsInForce(
  em: EntityManager,
  place: Record<string, string>,
  period: Period,
  page: PageArgs,
  info: GraphQLResolveInfo,
): Promise<Page<MemberReport>> {
  return paginate(
    em,
    MemberReport,
    (parameter) => [...equalTo(parameter, place), ...inForce(period, parameter)],
    page,
    info,
  );
}
