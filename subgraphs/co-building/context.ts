import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, childPageLoader, countByParentLoader, type ChildPageOptions } from '../../lib/loaders';
import type { SqlParameter } from '../../lib/sql-rows';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { reportScope, wishScope } from './access';
import { Demand } from './project/demand.entity';
import { Evaluation } from './evaluation/evaluation.entity';
import { MemberReport } from './member-report/member-report.entity';
import { Pairing } from './unit/pairing.entity';
import { WishStatus } from './shared/enums';
import { Pledge } from './member-report/pledge.entity';
import { Project } from './project/project.entity';
import { Resource } from './project/resource.entity';
import { ServiceCategory } from './service-post/service-category.entity';
import { ServicePost } from './service-post/service-post.entity';
import { Unit } from './unit/unit.entity';
import { Wish } from './wish/wish.entity';
import { activeReportOfMemberLoader, pledgeConditions, reportConditions } from './member-report/member-report.store';
import { unitsOfCommunityLoader } from './unit/unit.store';
import { wishConditions } from './wish/wish.store';

/**
 * A child page's options over a co-building table. Written out, not spread: an object literal
 * that spreads one object and then adds properties took 0.75 to 3 µs to build (Node 20), twenty
 * times on every request.
 */
function pageOf<F = undefined>(
  table: string,
  parentColumn: string,
  scope?: Pick<ChildPageOptions<F>, 'where' | 'filterKey'>,
): ChildPageOptions<F> {
  return { table: `co_building.${table}`, parentColumn, where: scope?.where, filterKey: scope?.filterKey };
}

/**
 * The request's loaders. Lists of member reports, pledges and wishes are narrowed to what the
 * viewer may read in their SQL (access.ts decides, the module's store writes the condition), so a
 * page and its totalCount never include a row the caller may not see.
 */
export function createCoBuildingLoaders(em: EntityManager, viewer: Viewer) {
  const reports = reportScope(viewer);
  const wishes = wishScope(viewer);
  const reportsInScope = { where: (_: unknown, parameter: SqlParameter) => reportConditions(reports, parameter) };
  const pledgesInScope = { where: (_: unknown, parameter: SqlParameter) => pledgeConditions(reports, parameter) };
  // A wish list is narrowed to the viewer's scope and, when asked, to one status.
  const wishesInScope = {
    where: (status: WishStatus | undefined, parameter: SqlParameter) => [
      ...wishConditions(wishes, parameter),
      ...(status ? [`"status" = ${parameter(status)}`] : []),
    ],
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
    unitsOfCommunity: unitsOfCommunityLoader(em),
    activeReportOfMember: activeReportOfMemberLoader(em, reports),
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
    wishesOfCommunity: childPageLoader<Wish, WishStatus | undefined>(
      em,
      Wish,
      pageOf('wish', 'community_id', wishesInScope),
    ),
    wishesOfResident: childPageLoader<Wish, WishStatus | undefined>(
      em,
      Wish,
      pageOf('wish', 'resident_id', wishesInScope),
    ),
    demandsOfCommunity: childPageLoader(em, Demand, pageOf('demand', 'community_id')),
    resourcesOfCommunity: childPageLoader(em, Resource, pageOf('resource', 'community_id')),
    projectsOfCommunity: childPageLoader(em, Project, pageOf('project', 'community_id')),
    projectsOfUnit: childPageLoader(em, Project, pageOf('project', 'unit_id')),
    evaluationsOfUnit: childPageLoader(em, Evaluation, pageOf('evaluation', 'unit_id')),
  };
}

export type CoBuildingLoaders = ReturnType<typeof createCoBuildingLoaders>;
export type CoBuildingContext = SubgraphContext<CoBuildingLoaders>;
