import type { FilterQuery } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import type { ReportScope, WishScope } from './access';
import { WishStatus, type MemberReport, type Wish } from './entities';

/**
 * The read scopes of access.ts as SQL conditions, so that lists leave out what the caller may
 * not read in the database itself: pages stay full and totalCount counts only what is shown.
 * Two forms of each, for MikroORM's finders and for the knex queries of the page loaders.
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

/** MikroORM condition on wishes; null when the caller reads them all. */
export function wishFilter(scope: WishScope): FilterQuery<Wish> | null {
  if (scope.all) return null;
  const any: Array<FilterQuery<Wish>> = [];
  if (scope.communityIds.length) any.push({ communityId: { $in: [...scope.communityIds] } });
  if (scope.residentIds.length) any.push({ residentId: { $in: [...scope.residentIds] } });
  if (scope.open) any.push({ status: WishStatus.OPEN });
  if (scope.claimedByUnitIds.length) any.push({ claimedByUnit: { $in: [...scope.claimedByUnitIds] } });
  return any.length ? { $or: any } : NONE;
}

/** `where` and the scope's condition, both required. */
export function within<T>(where: FilterQuery<T>, scope: FilterQuery<T> | null): FilterQuery<T> {
  return scope ? ({ $and: [where, scope] } as FilterQuery<T>) : where;
}

/** Narrow a knex query on co_building.member_report to the scope. */
export function whereReportInScope(knex: Knex, query: Knex.QueryBuilder, scope: ReportScope): void {
  if (scope.all) return;
  query.where((any) => {
    any.whereRaw('false');
    if (scope.communityIds.length) any.orWhereIn('community_id', [...scope.communityIds]);
    if (scope.unitIds.length) any.orWhereIn('unit_id', [...scope.unitIds]);
    if (scope.partyOrganizationIds.length) {
      any.orWhereIn('unit_id', knex('co_building.unit').select('id').whereIn('party_organization_id', [...scope.partyOrganizationIds]));
    }
  });
}

/** Narrow a knex query on co_building.pledge to the pledges of reports in scope. */
export function wherePledgeInScope(knex: Knex, query: Knex.QueryBuilder, scope: ReportScope): void {
  if (scope.all) return;
  const reports = knex('co_building.member_report').select('id');
  whereReportInScope(knex, reports, scope);
  query.whereIn('report_id', reports);
}

/** Narrow a knex query on co_building.wish to the scope. */
export function whereWishInScope(query: Knex.QueryBuilder, scope: WishScope): void {
  if (scope.all) return;
  query.where((any) => {
    any.whereRaw('false');
    if (scope.communityIds.length) any.orWhereIn('community_id', [...scope.communityIds]);
    if (scope.residentIds.length) any.orWhereIn('resident_id', [...scope.residentIds]);
    if (scope.open) any.orWhere('status', 'OPEN');
    if (scope.claimedByUnitIds.length) any.orWhereIn('claimed_by_unit_id', [...scope.claimedByUnitIds]);
  });
}
