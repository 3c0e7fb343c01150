import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { isId } from './ids';
import { decodeCursor, endCursorOf, pageSize, type Page, type PageArgs } from './pagination';
import { columnsOf, readOnlyMapper, readOnlyRowsIn } from './read-only-entities';
import { oneOf, quotedQualifiedTable, SqlParameters, sqlRows, type SqlParameter, type SqlStatement } from './sql-rows';

/**
 * The per-request DataLoaders every subgraph builds its loaders from. Each batches all keys of
 * one request into one SQL statement, so the number of statements does not grow with list size.
 */

/** Entities by id: one `id IN (...)` query per batch; unknown or malformed ids give null. */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: EntityName<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length ? await readOnlyRowsIn(em, entity, 'id', valid) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Entities by a unique column (a code): one `IN (...)` query per batch. */
export function byUniqueLoader<T extends object>(em: EntityManager, entity: EntityName<T>, property: keyof T & string) {
  return new DataLoader<string, T | null>(async (values) => {
    const rows = await readOnlyRowsIn(em, entity, property, values);
    const byValue = new Map(rows.map((row) => [String(row[property]), row]));
    return values.map((value) => byValue.get(value) ?? null);
  });
}

/** Count of child rows per parent id, grouped in one prepared statement. */
export function countByParentLoader(em: EntityManager, table: string, parentColumn: string, extraWhere?: string) {
  const text =
    `select "${parentColumn}" as parent, count(*) as n from ${quotedQualifiedTable(table)} ` +
    `where "${parentColumn}" = any($1)${extraWhere ? ` and (${extraWhere})` : ''} group by "${parentColumn}"`;
  return new DataLoader<string, number>(async (parentIds) => {
    const valid = parentIds.filter(isId);
    if (!valid.length) return parentIds.map(() => 0);
    const rows = await sqlRows<{ parent: string; n: string }>(em, { text, values: [valid], prepared: true });
    const counts = new Map(rows.map((row) => [String(row.parent), Number(row.n)]));
    return parentIds.map((id) => counts.get(id) ?? 0);
  });
}

/**
 * Children few enough to return whole (a case's timeline, a building's periods), grouped by a
 * many-to-one property or a plain id column: one `IN (...)` query per batch.
 */
export function childrenLoader<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  property: string,
  orderBy: Record<string, 'asc' | 'desc'>,
) {
  return new DataLoader<string, T[]>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length ? await readOnlyRowsIn(em, entity, property, valid, { orderBy }) : [];
    const parentOf = (row: T) => {
      const value = (row as Record<string, unknown>)[property];
      return typeof value === 'string' ? value : (value as { id?: string } | null)?.id;
    };
    return ids.map((id) => rows.filter((row) => parentOf(row) === id));
  });
}

interface ChildPageKey<F> {
  parentId: string;
  args: PageArgs;
  filter: F;
}

export interface ChildPageOptions<F> {
  /** Schema-qualified table of the children. */
  table: string;
  /** Column holding the parent's id. */
  parentColumn: string;
  /**
   * Narrow the children by a filter, the page and its totalCount alike: SQL conditions on the
   * child table's columns, all required (each is parenthesised), every value written through
   * `parameter`, which adds it to the statement and returns its placeholder.
   */
  where?: (filter: F, parameter: SqlParameter) => string[];
  /** A stable text for a filter value, so equal filters batch together. */
  filterKey?: (filter: F) => string;
}

/**
 * One page of children for many parents in one statement: a window function numbers each
 * parent's children in id order and keeps `first + 1` of them (the extra row says whether a
 * next page exists). Keys with different page arguments or filters are batched per set. A first
 * page carries each parent's totalCount in the same statement (the window reads every matching
 * child anyway); a later page's totalCount, when asked for, is one grouped COUNT per filter.
 */
export function childPageLoader<T extends { id: string }, F = undefined>(
  em: EntityManager,
  entity: EntityName<T>,
  options: ChildPageOptions<F>,
): ChildPageLoad<T, F> {
  // Built on first use: a request builds all of its subgraph's loaders (co-building has twenty
  // of these) and uses a few.
  let load: ChildPageLoad<T, F> | undefined;
  return (parentId, args, filter) => (load ??= buildChildPageLoader(em, entity, options))(parentId, args, filter);
}

/** A page of one parent's children, batched with the request's other pages. */
export type ChildPageLoad<T, F> = (parentId: string, args: PageArgs, filter?: F) => Promise<Page<T>>;

function buildChildPageLoader<T extends { id: string }, F>(
  em: EntityManager,
  entity: EntityName<T>,
  options: ChildPageOptions<F>,
): ChildPageLoad<T, F> {
  const filterText = (filter: F) => (options.filterKey ? options.filterKey(filter) : '');
  const pageKey = (key: ChildPageKey<F>) =>
    `${key.parentId}|${filterText(key.filter)}|${key.args.first ?? ''}|${key.args.after ?? ''}`;
  const children = quotedQualifiedTable(options.table);
  const parent = `"${options.parentColumn}"`;
  // The statements are written as text: building them with knex cost more CPU than PostgreSQL
  // spent running them. Many parents are one array parameter, so a text does not change with
  // their number; one parent (a community's page of grids) is one value, so that PostgreSQL
  // keeps the prepared page's plan (`oneOf`). Without a filter a page is a look-up by parent,
  // prepared.
  const conditions = (parentIds: string[], filter: F, parameters: SqlParameters, afterId?: string) => {
    const all = [oneOf(parent, parentIds, parameters.add)];
    if (afterId) all.push(`"id" > ${parameters.add(afterId)}`);
    if (options.where) for (const condition of options.where(filter, parameters.add)) all.push(`(${condition})`);
    return all.join(' and ');
  };
  const counts = new DataLoader<{ parentId: string; filter: F }, number, string>(
    async (keys) => {
      const result = new Map<string, number>();
      for (const group of groupBy(keys, (key) => filterText(key.filter)).values()) {
        const parentIds = [...new Set(group.map((key) => key.parentId))].filter(isId);
        const [first] = group;
        if (!first || !parentIds.length) continue;
        const parameters = new SqlParameters();
        const where = conditions(parentIds, first.filter, parameters);
        const rows = await sqlRows(em, {
          text: `select ${parent}, count(*) as "n" from ${children} where ${where} group by ${parent}`,
          values: parameters.values,
          prepared: !options.where,
        });
        for (const row of rows) result.set(`${row[options.parentColumn]}|${filterText(first.filter)}`, Number(row.n));
      }
      return keys.map((key) => result.get(`${key.parentId}|${filterText(key.filter)}`) ?? 0);
    },
    { cacheKeyFn: (key) => `${key.parentId}|${filterText(key.filter)}` },
  );
  const pageStatement = (parentIds: string[], limit: number, afterId: string | undefined, filter: F): SqlStatement => {
    const parameters = new SqlParameters();
    const where = conditions(parentIds, filter, parameters, afterId);
    // Columns named, not `*`: a prepared statement's result may not change when a migration adds a column.
    const text =
      `select * from (select ${columnsOf(em, entity)}, row_number() over (partition by ${parent} order by id) as page_row, ` +
      `count(*) over (partition by ${parent}) as page_total from ${children} where ${where}) as "numbered" ` +
      `where "page_row" <= ${parameters.add(limit + 1)} order by "id"`;
    return { text, values: parameters.values, prepared: !options.where };
  };
  const loader = new DataLoader<ChildPageKey<F>, Page<T>, string>(
    async (keys) => {
      const pages = new Map<string, Page<T>>();
      const groups = groupBy(
        keys,
        (key) => `${filterText(key.filter)}|${key.args.first ?? ''}|${key.args.after ?? ''}`,
      );
      for (const group of groups.values()) {
        const [first] = group;
        if (!first) continue;
        const { args, filter } = first;
        const limit = pageSize(args.first);
        const afterId = args.after ? decodeCursor(args.after) : undefined;
        const parentIds = [...new Set(group.map((key) => key.parentId))].filter(isId);
        const rows = parentIds.length ? await sqlRows(em, pageStatement(parentIds, limit, afterId, filter)) : [];
        const byParent = new Map<string, T[]>();
        // Without a cursor the window counted all of a parent's matching children: its totalCount.
        const totals = new Map<string, number>();
        const read = readOnlyMapper(em, entity);
        for (const row of rows) {
          const parentId = String(row[options.parentColumn]);
          const children = byParent.get(parentId);
          if (children) children.push(read(row));
          else byParent.set(parentId, [read(row)]);
          totals.set(parentId, Number(row.page_total));
        }
        for (const key of group) {
          const children = byParent.get(key.parentId) ?? [];
          const nodes = children.slice(0, limit);
          pages.set(pageKey(key), {
            nodes,
            pageInfo: {
              hasNextPage: children.length > limit,
              endCursor: endCursorOf(nodes),
            },
            countTotal: () =>
              afterId
                ? counts.load({ parentId: key.parentId, filter: key.filter })
                : Promise.resolve(totals.get(key.parentId) ?? 0),
          });
        }
      }
      return keys.map((key) => pages.get(pageKey(key))!);
    },
    { cacheKeyFn: pageKey },
  );
  return (parentId, args, filter) => loader.load({ parentId, args, filter: filter as F });
}

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
