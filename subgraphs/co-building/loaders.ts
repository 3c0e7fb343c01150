import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isId } from '../../lib/ids';
import { byIdLoader, childPageLoader, countByParentLoader, type ChildPageOptions } from '../../lib/loaders';
import { columnsOf, readOnlyMapper } from '../../lib/read-only-entities';
import { oneOf, SqlParameters, sqlRows, type SqlParameter, type SqlStatement } from '../../lib/sql-rows';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { reportScope, wishScope } from './access';
import {
  Demand, Evaluation, MemberReport, Pairing, PairingStatus, Pledge, Project, ReportStatus, Resource, ServiceCategory, ServicePost, Unit, Wish, WishStatus,
} from './entities';
import { pledgeConditions, reportConditions, reportFilter, wishConditions, within } from './scope-filters';

/**
 * A child page's options over a co-building table. Written out, not spread: an object literal
 * that spreads one object and then adds properties took 0.75 to 3 µs to build (Node 20), twenty
 * times on every request.
 */
function pageOf<F = undefined>(table: string, parentColumn: string, scope?: Pick<ChildPageOptions<F>, 'where' | 'filterKey'>): ChildPageOptions<F> {
  return { table: `co_building.${table}`, parentColumn, where: scope?.where, filterKey: scope?.filterKey };
}

/**
 * Units in an active pairing with the communities, by unit name. One community (a dashboard) is
 * one value rather than an array (`oneOf`), so PostgreSQL keeps the prepared statement's plan.
 */
function unitsPairedWith(em: EntityManager, communityIds: string[]): SqlStatement {
  const parameters = new SqlParameters();
  const text = `select ${columnsOf(em, Unit, 'u')}, p.community_id as paired_community_id
  from co_building.pairing p join co_building.unit u on u.id = p.unit_id
  where ${oneOf('p.community_id', communityIds, parameters.add)} and p.status = '${PairingStatus.ACTIVE}' order by u.name, u.id`;
  return { text, values: parameters.values, prepared: true };
}

/**
 * The request's loaders. Lists of member reports, pledges and wishes are narrowed to what the
 * viewer may read in their SQL (access.ts decides, scope-filters.ts writes the condition), so a
 * page and its totalCount never include a row the caller may not see.
 */
export function createCoBuildingLoaders(em: EntityManager, viewer: Viewer) {
  const reports = reportScope(viewer);
  const wishes = wishScope(viewer);
  const reportsInScope = { where: (_: unknown, parameter: SqlParameter) => reportConditions(reports, parameter) };
  const pledgesInScope = { where: (_: unknown, parameter: SqlParameter) => pledgeConditions(reports, parameter) };
  // A wish list is narrowed to the viewer's scope and, when asked, to one status.
  const wishesInScope = {
    where: (status: WishStatus | undefined, parameter: SqlParameter) =>
      [...wishConditions(wishes, parameter), ...(status ? [`"status" = ${parameter(status)}`] : [])],
    filterKey: (status: WishStatus | undefined) => status ?? '',
  };
  return {
    unit: byIdLoader(em, Unit),
    pairing: byIdLoader(em, Pairing),
    memberReport: byIdLoader(em, MemberReport),
    serviceCategory: byIdLoader(em, ServiceCategory),
    servicePost: byIdLoader(em, ServicePost),
    pledge: byIdLoader(em, Pledge),
    wish: byIdLoader(em, Wish),
    demand: byIdLoader(em, Demand),
    resource: byIdLoader(em, Resource),
    project: byIdLoader(em, Project),
    evaluation: byIdLoader(em, Evaluation),
    /** Units currently paired with each community, one query per batch. */
    unitsOfCommunity: new DataLoader<string, Unit[]>(async (communityIds) => {
      const valid = communityIds.filter(isId);
      const rows = valid.length ? await sqlRows<Record<string, unknown>>(em, unitsPairedWith(em, valid)) : [];
      const unitOf = readOnlyMapper(em, Unit);
      return communityIds.map((id) => rows.filter((row) => row.paired_community_id === id).map(unitOf));
    }),
    /** The report each member has in force (at most one) if the viewer may read it, one query per batch. */
    activeReportOfMember: new DataLoader<string, MemberReport | null>(async (memberIds) => {
      const valid = memberIds.filter(isId);
      const where = within<MemberReport>({ memberId: { $in: valid }, status: ReportStatus.ACTIVE }, reportFilter(reports));
      const rows = valid.length ? await em.find(MemberReport, where) : [];
      const byMember = new Map(rows.map((row) => [row.memberId, row]));
      return memberIds.map((id) => byMember.get(id) ?? null);
    }),
    pairingsOfCommunity: childPageLoader(em, Pairing, pageOf('pairing', 'community_id')),
    pairingsOfUnit: childPageLoader(em, Pairing, pageOf('pairing', 'unit_id')),
    reportsOfCommunity: childPageLoader(em, MemberReport, pageOf('member_report', 'community_id', reportsInScope)),
    reportsOfUnit: childPageLoader(em, MemberReport, pageOf('member_report', 'unit_id', reportsInScope)),
    pledgesOfMember: childPageLoader(em, Pledge, pageOf('pledge', 'member_id', pledgesInScope)),
    pledgesOfReport: childPageLoader(em, Pledge, pageOf('pledge', 'report_id', pledgesInScope)),
    pledgesOfPost: childPageLoader(em, Pledge, pageOf('pledge', 'post_id', pledgesInScope)),
    activePledgeCountOfPost: countByParentLoader(em, 'co_building.pledge', 'post_id', `status = 'ACTIVE'`),
    subcategoriesOf: childPageLoader(em, ServiceCategory, pageOf('service_category', 'parent_id')),
    postsOfCommunity: childPageLoader(em, ServicePost, pageOf('service_post', 'community_id')),
    postsOfCategory: childPageLoader(em, ServicePost, pageOf('service_post', 'category_id')),
    wishesOfCommunity: childPageLoader<Wish, WishStatus | undefined>(em, Wish, pageOf('wish', 'community_id', wishesInScope)),
    wishesOfResident: childPageLoader<Wish, WishStatus | undefined>(em, Wish, pageOf('wish', 'resident_id', wishesInScope)),
    demandsOfCommunity: childPageLoader(em, Demand, pageOf('demand', 'community_id')),
    resourcesOfCommunity: childPageLoader(em, Resource, pageOf('resource', 'community_id')),
    projectsOfCommunity: childPageLoader(em, Project, pageOf('project', 'community_id')),
    projectsOfUnit: childPageLoader(em, Project, pageOf('project', 'unit_id')),
    evaluationsOfUnit: childPageLoader(em, Evaluation, pageOf('evaluation', 'unit_id')),
  };
}

export type CoBuildingLoaders = ReturnType<typeof createCoBuildingLoaders>;
export type CoBuildingContext = SubgraphContext<CoBuildingLoaders>;
