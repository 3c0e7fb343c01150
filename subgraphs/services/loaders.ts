import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isId } from '../../lib/ids';
import { byIdLoader } from '../../lib/loaders';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from '../../lib/pagination';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { periodKey, type Period } from './domain/indicator-period';
import {
  AdmissionRequest, CaseEvent, CaseExtension, ItemAssignment, ItemList, ServiceCase, ServiceItem, ServiceItemVersion, SupervisionNotice,
} from './entities';
import { applyCaseFilter, filterKey, type CaseFilter } from './queries/case-filter';
import { countIndicators, emptyCounts, IndicatorGrouping, type IndicatorCounts } from './queries/case-indicators';

/** Rows of one child table per parent id, whole (short lists: a case's timeline, an item's versions). */
function childrenLoader<T extends object>(em: EntityManager, entity: new () => T, property: keyof T & string, orderBy: Record<string, 'asc' | 'desc'>) {
  return new DataLoader<string, T[]>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length ? await em.find(entity, { [property]: { $in: valid } } as any, { orderBy: orderBy as any }) : [];
    const parentId = (row: T) => (row as any)[property].id as string;
    return ids.map((id) => rows.filter((row) => parentId(row) === id));
  });
}

type CaseParentColumn = 'grid_id' | 'community_id' | 'reporter_resident_id';

interface CasePageKey {
  parentId: string;
  filter: CaseFilter;
  page: PageArgs;
}

/**
 * One page of filtered cases for many parents (grids, communities, reporters) in one statement;
 * totalCount, when asked for, in one grouped COUNT per filter. The window numbers each parent's
 * cases in id order and keeps `first + 1` (the extra row says whether a next page exists).
 */
function casePagesOf(em: EntityManager, column: CaseParentColumn, now: Date) {
  const counts = new DataLoader<{ parentId: string; filter: CaseFilter }, number, string>(
    async (keys) => {
      const result = new Map<string, number>();
      const groups = groupBy(keys, (key) => filterKey(key.filter));
      for (const group of groups.values()) {
        const ids = [...new Set(group.map((key) => key.parentId))].filter(isId);
        if (!ids.length) continue;
        const query = em.getKnex()('services.service_case').select(column).count({ n: '*' }).whereIn(column, ids).groupBy(column);
        applyCaseFilter(query, group[0].filter, now);
        const rows: Array<Record<string, unknown>> = await query;
        for (const row of rows) result.set(`${row[column]}|${filterKey(group[0].filter)}`, Number(row.n));
      }
      return keys.map((key) => result.get(`${key.parentId}|${filterKey(key.filter)}`) ?? 0);
    },
    { cacheKeyFn: (key) => `${key.parentId}|${filterKey(key.filter)}` },
  );
  const keyOf = (key: CasePageKey) => `${key.parentId}|${filterKey(key.filter)}|${key.page.first ?? ''}|${key.page.after ?? ''}`;
  const loader = new DataLoader<CasePageKey, Page<ServiceCase>, string>(
    async (keys) => {
      const pages = new Map<string, Page<ServiceCase>>();
      const groups = groupBy(keys, (key) => `${filterKey(key.filter)}|${key.page.first ?? ''}|${key.page.after ?? ''}`);
      for (const group of groups.values()) {
        const { filter, page } = group[0];
        const limit = pageSize(page.first);
        const afterId = page.after ? decodeCursor(page.after) : undefined;
        const ids = [...new Set(group.map((key) => key.parentId))].filter(isId);
        const knex = em.getKnex();
        const inner = knex('services.service_case')
          .select('*', knex.raw('row_number() over (partition by ?? order by id) as page_row', [column]))
          .whereIn(column, ids);
        if (afterId) inner.where('id', '>', afterId);
        applyCaseFilter(inner, filter, now);
        const rows: Array<Record<string, unknown>> = ids.length
          ? await knex.select('*').from(inner.as('numbered')).where('page_row', '<=', limit + 1).orderBy('id')
          : [];
        const byParent = new Map<string, ServiceCase[]>();
        for (const row of rows) {
          const parentId = String(row[column]);
          delete row.page_row;
          byParent.set(parentId, [...(byParent.get(parentId) ?? []), em.map(ServiceCase, row as any)]);
        }
        for (const key of group) {
          const children = byParent.get(key.parentId) ?? [];
          const nodes = children.slice(0, limit);
          pages.set(keyOf(key), {
            nodes,
            pageInfo: { hasNextPage: children.length > limit, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null },
            countTotal: () => counts.load({ parentId: key.parentId, filter: key.filter }),
          });
        }
      }
      return keys.map((key) => pages.get(keyOf(key))!);
    },
    { cacheKeyFn: keyOf },
  );
  return (parentId: string, filter: CaseFilter, page: PageArgs) => loader.load({ parentId, filter, page });
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

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
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
