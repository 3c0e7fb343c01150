import type { FilterQuery } from '@mikro-orm/core';
import type { SqlParameter } from '../../lib/sql-rows';
import type { ReportScope, WishScope } from './access';
import { WishStatus, type MemberReport } from './entities';

/**
 * The read scopes of access.ts as SQL conditions, so that lists leave out what the caller may
 * not read in the database itself: pages stay full and totalCount counts only what is shown.
 * Two forms of each, for MikroORM's finders and as SQL conditions for the page loaders (each
 * value written through `parameter`, which returns its placeholder; lib/loaders.ts).
 */

const NONE = { id: null } as const; // ids are never null: matches no row

/** MikroORM condition on member reports; null when the caller reads them all. */
export function reportFilter(scope: ReportScope): FilterQuery<MemberReport> | null {
  if (scope.all) return null;
  const any: Array<FilterQuery<MemberReport>> = [];
  if (scope.communityIds.length) any.push({ communityId: { $in: [...scope.communityIds] } });
  if (scope.unitIds.length) any.push({ unit: { $in: [...scope.unitIds] } });
  if (scope.partyOrganizationIds.length) any.push({ unit: { partyOrganizationId: { $in: [...scope.partyOrganizationIds] } } });
  return any.length ? { $or: any } : NONE;
}

/** `where` and the scope's condition, both required. */
export function within<T>(where: FilterQuery<T>, scope: FilterQuery<T> | null): FilterQuery<T> {
  return scope ? ({ $and: [where, scope] } as FilterQuery<T>) : where;
}

/** A condition on co_building.member_report: the reports in scope (false when none is); none when all are. */
export function reportConditions(scope: ReportScope, parameter: SqlParameter): string[] {
  if (scope.all) return [];
  const any: string[] = [];
  if (scope.communityIds.length) any.push(`"community_id" = any(${parameter([...scope.communityIds])})`);
  if (scope.unitIds.length) any.push(`"unit_id" = any(${parameter([...scope.unitIds])})`);
  if (scope.partyOrganizationIds.length) {
    any.push(`"unit_id" in (select "id" from "co_building"."unit" where "party_organization_id" = any(${parameter([...scope.partyOrganizationIds])}))`);
  }
  return [any.length ? any.join(' or ') : 'false'];
}

/** A condition on co_building.pledge: the pledges of reports in scope. */
export function pledgeConditions(scope: ReportScope, parameter: SqlParameter): string[] {
  if (scope.all) return [];
  return [`"report_id" in (select "id" from "co_building"."member_report" where ${reportConditions(scope, parameter)[0]})`];
}

/** A condition on co_building.wish: the wishes in scope. */
export function wishConditions(scope: WishScope, parameter: SqlParameter): string[] {
  if (scope.all) return [];
  const any: string[] = [];
  if (scope.communityIds.length) any.push(`"community_id" = any(${parameter([...scope.communityIds])})`);
  if (scope.residentIds.length) any.push(`"resident_id" = any(${parameter([...scope.residentIds])})`);
  if (scope.open) any.push(`"status" = ${parameter(WishStatus.OPEN)}`);
  if (scope.claimedByUnitIds.length) any.push(`"claimed_by_unit_id" = any(${parameter([...scope.claimedByUnitIds])})`);
  return [any.length ? any.join(' or ') : 'false'];
}
