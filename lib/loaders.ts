import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { isId } from './ids';
import { decodeCursor, encodeCursor, pageSize, type Page, type PageArgs } from './pagination';

/**
 * The per-request DataLoaders every subgraph builds its loaders from. Each batches all keys of
 * one request into one SQL statement, so the number of statements does not grow with list size.
 */

/** Entities by id: one `id IN (...)` query per batch; unknown or malformed ids give null. */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityName<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length ? await em.find(entity, { id: { $in: valid } } as any) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Entities by a unique column (a code): one `IN (...)` query per batch. */
export function byUniqueLoader<T extends object>(em: EntityManager, entity: EntityName<T>, property: keyof T & string) {
  return new DataLoader<string, T | null>(async (values) => {
    const rows = await em.find(entity, { [property]: { $in: [...values] } } as any);
    const byValue = new Map(rows.map((row) => [String(row[property]), row]));
    return values.map((value) => byValue.get(value) ?? null);
  });
}

/** Count of child rows per parent id, grouped in one query. */
export function countByParentLoader(em: EntityManager, table: string, parentColumn: string, extraWhere?: string) {
  return new DataLoader<string, number>(async (parentIds) => {
    const valid = parentIds.filter(isId);
    if (!valid.length) return parentIds.map(() => 0);
    const knex = em.getKnex();
    const query = knex(table).select(parentColumn).count({ n: '*' }).whereIn(parentColumn, valid).groupBy(parentColumn);
    if (extraWhere) query.whereRaw(extraWhere);
    const rows: Array<Record<string, unknown>> = await query;
    const counts = new Map(rows.map((row) => [String(row[parentColumn]), Number(row.n)]));
    return parentIds.map((id) => counts.get(id) ?? 0);
  });
}

interface ChildPageKey {
  parentId: string;
  args: PageArgs;
}

/**
 * One page of children for many parents in one statement: a window function numbers each
 * parent's children in id order and keeps `first + 1` of them (the extra row says whether a
 * next page exists). Keys with different page arguments are batched per argument set.
 */
export function childPageLoader<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  options: { table: string; parentColumn: string; where?: (query: any) => void },
) {
  const counts = countByParentLoader(em, options.table, options.parentColumn);
  const loader = new DataLoader<ChildPageKey, Page<T>, string>(
    async (keys) => {
      const groups = new Map<string, ChildPageKey[]>();
      for (const key of keys) {
        const signature = `${key.args.first ?? ''}|${key.args.after ?? ''}`;
        groups.set(signature, [...(groups.get(signature) ?? []), key]);
      }
      const pages = new Map<string, Page<T>>();
      for (const group of groups.values()) {
        const { args } = group[0];
        const limit = pageSize(args.first);
        const afterId = args.after ? decodeCursor(args.after) : undefined;
        const parentIds = [...new Set(group.map((key) => key.parentId))].filter(isId);
        const knex = em.getKnex();
        const inner = knex(options.table)
          .select('*', knex.raw(`row_number() over (partition by ?? order by id) as page_row`, [options.parentColumn]))
          .whereIn(options.parentColumn, parentIds);
        if (afterId) inner.where('id', '>', afterId);
        options.where?.(inner);
        const rows: Array<Record<string, unknown>> = parentIds.length
          ? await knex.select('*').from(inner.as('numbered')).where('page_row', '<=', limit + 1).orderBy('id')
          : [];
        const byParent = new Map<string, T[]>();
        for (const row of rows) {
          const parentId = String(row[options.parentColumn]);
          delete row.page_row;
          byParent.set(parentId, [...(byParent.get(parentId) ?? []), em.map(entity, row as any) as T]);
        }
        for (const key of group) {
          const children = byParent.get(key.parentId) ?? [];
          const nodes = children.slice(0, limit);
          pages.set(pageKey(key), {
            nodes,
            pageInfo: {
              hasNextPage: children.length > limit,
              endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null,
            },
            countTotal: () => counts.load(key.parentId),
          });
        }
      }
      return keys.map((key) => pages.get(pageKey(key))!);
    },
    { cacheKeyFn: pageKey },
  );
  return (parentId: string, args: PageArgs) => loader.load({ parentId, args });
}

function pageKey(key: ChildPageKey): string {
  return `${key.parentId}|${key.args.first ?? ''}|${key.args.after ?? ''}`;
}
