import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isId } from '../../lib/ids';
import { byIdLoader, childPageLoader, countByParentLoader } from '../../lib/loaders';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { reportScope, wishScope } from './access';
import {
  Demand, Evaluation, MemberReport, Pairing, PairingStatus, Pledge, Project, ReportStatus, Resource, ServiceCategory, ServicePost, Unit, Wish,
} from './entities';
import { reportFilter, whereReportInScope, wherePledgeInScope, whereWishInScope, within } from './scope-filters';

const table = (name: string) => ({ table: `co_building.${name}` });

/**
 * The request's loaders. Lists of member reports, pledges and wishes are narrowed to what the
 * viewer may read in their SQL (access.ts decides, scope-filters.ts writes the condition), so a
 * page and its totalCount never include a row the caller may not see.
 */
export function createCoBuildingLoaders(em: EntityManager, viewer: Viewer) {
  const knex = em.getKnex();
  const reports = reportScope(viewer);
  const wishes = wishScope(viewer);
  const reportsInScope = { where: (query: any) => whereReportInScope(knex, query, reports) };
  const pledgesInScope = { where: (query: any) => wherePledgeInScope(knex, query, reports) };
  const wishesInScope = { where: (query: any) => whereWishInScope(query, wishes) };
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
      const pairings = valid.length
        ? await em.find(Pairing, { communityId: { $in: valid }, status: PairingStatus.ACTIVE }, { populate: ['unit'], orderBy: { unit: { name: 'asc' } } })
        : [];
      return communityIds.map((id) => pairings.filter((p) => p.communityId === id).map((p) => p.unit));
    }),
    /** The report each member has in force (at most one) if the viewer may read it, one query per batch. */
    activeReportOfMember: new DataLoader<string, MemberReport | null>(async (memberIds) => {
      const valid = memberIds.filter(isId);
      const where = within<MemberReport>({ memberId: { $in: valid }, status: ReportStatus.ACTIVE }, reportFilter(reports));
      const rows = valid.length ? await em.find(MemberReport, where) : [];
      const byMember = new Map(rows.map((row) => [row.memberId, row]));
      return memberIds.map((id) => byMember.get(id) ?? null);
    }),
    pairingsOfCommunity: childPageLoader(em, Pairing, { ...table('pairing'), parentColumn: 'community_id' }),
    pairingsOfUnit: childPageLoader(em, Pairing, { ...table('pairing'), parentColumn: 'unit_id' }),
    reportsOfCommunity: childPageLoader(em, MemberReport, { ...table('member_report'), parentColumn: 'community_id', ...reportsInScope }),
    reportsOfUnit: childPageLoader(em, MemberReport, { ...table('member_report'), parentColumn: 'unit_id', ...reportsInScope }),
    pledgesOfMember: childPageLoader(em, Pledge, { ...table('pledge'), parentColumn: 'member_id', ...pledgesInScope }),
    pledgesOfReport: childPageLoader(em, Pledge, { ...table('pledge'), parentColumn: 'report_id', ...pledgesInScope }),
    pledgesOfPost: childPageLoader(em, Pledge, { ...table('pledge'), parentColumn: 'post_id', ...pledgesInScope }),
    activePledgeCountOfPost: countByParentLoader(em, 'co_building.pledge', 'post_id', `status = 'ACTIVE'`),
    subcategoriesOf: childPageLoader(em, ServiceCategory, { ...table('service_category'), parentColumn: 'parent_id' }),
    postsOfCommunity: childPageLoader(em, ServicePost, { ...table('service_post'), parentColumn: 'community_id' }),
    postsOfCategory: childPageLoader(em, ServicePost, { ...table('service_post'), parentColumn: 'category_id' }),
    wishesOfCommunity: childPageLoader(em, Wish, { ...table('wish'), parentColumn: 'community_id', ...wishesInScope }),
    wishesOfResident: childPageLoader(em, Wish, { ...table('wish'), parentColumn: 'resident_id', ...wishesInScope }),
    demandsOfCommunity: childPageLoader(em, Demand, { ...table('demand'), parentColumn: 'community_id' }),
    resourcesOfCommunity: childPageLoader(em, Resource, { ...table('resource'), parentColumn: 'community_id' }),
    projectsOfCommunity: childPageLoader(em, Project, { ...table('project'), parentColumn: 'community_id' }),
    projectsOfUnit: childPageLoader(em, Project, { ...table('project'), parentColumn: 'unit_id' }),
    evaluationsOfUnit: childPageLoader(em, Evaluation, { ...table('evaluation'), parentColumn: 'unit_id' }),
  };
}

export type CoBuildingLoaders = ReturnType<typeof createCoBuildingLoaders>;
export type CoBuildingContext = SubgraphContext<CoBuildingLoaders>;
