import type { EntityName, FilterQuery } from '@mikro-orm/core';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors';
import { readOnlyMapper } from './read-only-entities';
import { sqlRows, statementOf } from './sql-rows';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Relay-style page arguments shared by every list in the graph. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page' })
  after?: string;
}

/** Shareable: every subgraph with a list returns the same PageInfo type (federation 2 needs it said). */
@ObjectType({ description: 'Where a page stands in its list' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  countTotal: () => Promise<number>;
}

/**
 * The base of a Connection type per node type (`GridConnection` with `edges`, `nodes`,
 * `pageInfo`, `totalCount`). totalCount is a method so that its COUNT query runs only when asked for.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name = nodeType.name, options: { shareable?: boolean } = {}) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  // A type defined alike in several subgraphs must be marked shareable for composition.
  if (options.shareable) Directive('@shareable')(Edge);

  // Abstract: each list declares `@ObjectType() class XConnection extends Connection(X) {}`.
  @ObjectType()
  abstract class ConnectionType {
    constructor(private readonly page: Page<T & { id: string }>) {}

    @Field(() => [Edge])
    edges(): Edge[] {
      return this.page.nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
    }

    @Field(() => [nodeType])
    nodes(): T[] {
      return this.page.nodes;
    }

    @Field(() => PageInfo)
    pageInfo(): PageInfo {
      return this.page.pageInfo;
    }

    @Field(() => Int, { description: 'Number of items in the whole filtered list' })
    totalCount(): Promise<number> {
      return this.page.countTotal();
    }
  }
  return ConnectionType;
}

export function encodeCursor(id: string): string {
  return Buffer.from(`id:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('id:') || decoded.length < 4) {
    throw badInput('after', 'after is not a cursor returned by this list');
  }
  return decoded.slice(3);
}

export function pageSize(first: number | undefined | null): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

/** Whether the list field being resolved selects totalCount (directly or in a fragment). */
function selectsTotalCount(info: GraphQLResolveInfo): boolean {
  const inSet = (set: SelectionSetNode | undefined): boolean => !!set && set.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === 'totalCount';
    if (selection.kind === Kind.INLINE_FRAGMENT) return inSet(selection.selectionSet);
    return inSet(info.fragments[selection.name.value]?.selectionSet);
  });
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}

/**
 * Keyset pagination in id order (ids are UUIDv7, so id order is creation order). Stable under
 * inserts, unlike OFFSET. The ORM filter is translated to SQL once and serves the page and its
 * count (the translation costs as much as running the statement). When the list field (`info`)
 * selects totalCount, the count rides in the page's statement as a subquery; otherwise it is a
 * statement of its own, run only if totalCount is asked for after all.
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  args: PageArgs,
  info: GraphQLResolveInfo,
): Promise<Page<T>> {
  const withTotal = selectsTotalCount(info);
  const limit = pageSize(args.first);
  const afterId = args.after ? decodeCursor(args.after) : undefined;
  const filtered = em.createQueryBuilder(entity).where(where);
  const id = `${filtered.alias}.id`;
  const matching = filtered.getKnexQuery();
  const countOf = () => matching.clone().clearSelect().count({ count: '*' });
  const pageQuery = matching.clone().orderBy(id, 'asc').limit(limit + 1);
  if (afterId) pageQuery.where(id, '>', afterId);
  const knex = em.getKnex();
  const rows = await sqlRows(em, statementOf(withTotal
    ? knex.select('page.*', countOf().as('page_total')).from(pageQuery.as('page')).orderBy('page.id')
    : pageQuery));
  const nodes = rows.slice(0, limit).map(readOnlyMapper(em, entity));
  // An empty first page is an empty list; an empty later page says nothing of the total.
  const knownTotal = !withTotal ? undefined : rows.length ? Number(rows[0].page_total) : afterId ? undefined : 0;
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > limit,
      endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1].id) : null,
    },
    countTotal: async () => {
      if (knownTotal !== undefined) return knownTotal;
      const [row] = await sqlRows<{ count: string }>(em, statementOf(countOf()));
      return Number(row.count);
    },
  };
}
