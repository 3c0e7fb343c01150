import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isId } from '../../lib/ids';
import { byIdLoader, childPageLoader, childrenLoader, groupBy } from '../../lib/loaders';
import type { PageArgs } from '../../lib/pagination';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { periodKey, type Period } from './domain/indicator-period';
import {
  AdmissionRequest, CaseEvent, CaseExtension, ItemAssignment, ItemList, ServiceCase, ServiceItem, ServiceItemVersion, SupervisionNotice,
} from './entities';
import { applyCaseFilter, filterKey, type CaseFilter } from './queries/case-filter';
import { countIndicators, emptyCounts, IndicatorGrouping, type IndicatorCounts } from './queries/case-indicators';

type CaseParentColumn = 'grid_id' | 'community_id' | 'reporter_resident_id';

/**
 * One page of filtered cases for many parents (grids, communities, reporters) in one statement;
 * the filter narrows the page and its totalCount alike.
 */
function casePagesOf(em: EntityManager, column: CaseParentColumn, now: Date) {
  const pages = childPageLoader<ServiceCase, CaseFilter>(em, ServiceCase, {
    table: 'services.service_case',
    parentColumn: column,
    where: (query, filter) => applyCaseFilter(query, filter, now),
    filterKey,
  });
  return (parentId: string, filter: CaseFilter, page: PageArgs) => pages(parentId, page, filter);
}

/** Indicators of many grids or communities for one period in one grouped statement. */
function indicatorsOf(em: EntityManager, grouping: IndicatorGrouping, now: Date) {
  const loader = new DataLoader<{ key: string; period: Period }, IndicatorCounts, string>(
    async (keys) => {
      const result = new Map<string, IndicatorCounts>();
      for (const group of groupBy(keys, (key) => periodKey(key.period)).values()) {
        const ids = [...new Set(group.map((key) => key.key))].filter(isId);
        const rows = ids.length ? await countIndicators(em, { grouping, period: group[0].period, now, keys: ids }) : [];
        for (const row of rows) result.set(`${row.key}|${periodKey(group[0].period)}`, row);
      }
      return keys.map((key) => result.get(`${key.key}|${periodKey(key.period)}`) ?? emptyCounts(key.key));
    },
    { cacheKeyFn: (key) => `${key.key}|${periodKey(key.period)}` },
  );
  return (key: string, period: Period) => loader.load({ key, period });
}

function assignmentsBy(em: EntityManager, column: 'gridId' | 'communityId') {
  return new DataLoader<string, ItemAssignment[]>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length
      ? await em.find(ItemAssignment, { [column]: { $in: valid } }, { populate: ['item'], orderBy: { assignedAt: 'asc', id: 'asc' } })
      : [];
    return ids.map((id) => rows.filter((row) => row[column] === id));
  });
}

export function createServicesLoaders(em: EntityManager, _viewer?: Viewer) {
  // One "now" per request, so a case is overdue or not consistently across the fields of one answer.
  const now = new Date();
  return {
    now,
    item: byIdLoader(em, ServiceItem),
    itemVersion: byIdLoader(em, ServiceItemVersion),
    case: byIdLoader(em, ServiceCase),
    admission: byIdLoader(em, AdmissionRequest),
    /** Items of one list, loaded once per request however many grids ask. */
    itemsOfList: new DataLoader<ItemList, ServiceItem[]>(async (lists) => {
      const rows = await em.find(ServiceItem, { lists: { $overlap: [...lists] } }, { orderBy: { code: 'asc' } });
      return lists.map((list) => rows.filter((row) => row.lists.includes(list)));
    }),
    versionsOfItem: childrenLoader(em, ServiceItemVersion, 'item', { version: 'asc' }),
    admissionsOfItem: childrenLoader(em, AdmissionRequest, 'item', { submittedAt: 'asc', id: 'asc' }),
    timelineOfCase: childrenLoader(em, CaseEvent, 'serviceCase', { occurredAt: 'asc', id: 'asc' }),
    extensionsOfCase: childrenLoader(em, CaseExtension, 'serviceCase', { requestedAt: 'asc', id: 'asc' }),
    noticesOfCase: childrenLoader(em, SupervisionNotice, 'serviceCase', { issuedAt: 'asc', id: 'asc' }),
    assignmentsOfGrid: assignmentsBy(em, 'gridId'),
    assignmentsOfCommunity: assignmentsBy(em, 'communityId'),
    casesOfGrid: casePagesOf(em, 'grid_id', now),
    casesOfCommunity: casePagesOf(em, 'community_id', now),
    casesOfReporter: casePagesOf(em, 'reporter_resident_id', now),
    indicatorsOfGrid: indicatorsOf(em, IndicatorGrouping.GRID, now),
    indicatorsOfCommunity: indicatorsOf(em, IndicatorGrouping.COMMUNITY, now),
  };
}

export type ServicesLoaders = ReturnType<typeof createServicesLoaders>;
export type ServicesContext = SubgraphContext<ServicesLoaders>;
