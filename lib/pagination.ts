import type { EntityName } from '@mikro-orm/core';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size';
import { columnsOf, readOnlyMapper, tableOf } from './read-only-entities';
import { SqlParameters, sqlRows, type SqlParameter } from './sql-rows';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

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
export function Connection<T extends object>(
  nodeType: ClassType<T>,
  name = nodeType.name,
  options: { shareable?: boolean; nodesOfAnotherService?: boolean } = {},
) {
  // Nodes another department answers for (a party-building list of grids) may be missing while its
  // service is down: then edges and nodes are null, and the count and page info still arrive.
  const lists = { nullable: options.nodesOfAnotherService ?? false };
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

    @Field(() => [Edge], lists)
    edges(): Edge[] {
      return this.page.nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
    }

    @Field(() => [nodeType], lists)
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

/** The cursor after a page's last node; null for an empty page. */
export function endCursorOf(nodes: readonly { id: string }[]): string | null {
  const last = nodes.at(-1);
  return last ? encodeCursor(last.id) : null;
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
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === 'totalCount';
      if (selection.kind === Kind.INLINE_FRAGMENT) return inSet(selection.selectionSet);
      return inSet(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}

/** What a page asks for: its size, the id it starts after, and whether its list's totalCount is selected. */
function pageRequest(args: PageArgs, info: GraphQLResolveInfo) {
  return {
    withTotal: selectsTotalCount(info),
    limit: pageSize(args.first),
    afterId: args.after ? decodeCursor(args.after) : undefined,
  };
}

/**
 * A root list: keyset pages in id order (ids are UUIDv7, so id order is creation order; stable
 * under inserts, unlike OFFSET). `where` returns conditions on the entity's columns, all
 * required, each value written through `parameter`, as the child pages' are
 * (`ChildPageOptions.where` in lib/loaders.ts). When the list field (`info`) selects totalCount,
 * the count rides in the page's statement as a subquery; otherwise it is a statement of its own,
 * run only if totalCount is asked for after all. The conditions are SQL text, not an ORM filter
 * translated on every request (in a CPU profile of the worker's home that translation made 9 %
 * of the grid subgraph's busy time).
 */
export async function paginate<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: (parameter: SqlParameter) => string[],
  args: PageArgs,
  info: GraphQLResolveInfo,
): Promise<Page<T>> {
  const { withTotal, limit, afterId } = pageRequest(args, info);
  const parameters = new SqlParameters();
  const table = tableOf(em, entity);
  const conditions = where(parameters.add).map((condition) => `(${condition})`);
  const matching = conditions.length ? ` where ${conditions.join(' and ')}` : '';
  // The count's own statement takes only the values of its conditions.
  const matchingValues = [...parameters.values];
  const countText = `select count(*) as "count" from ${table}${matching}`;
  if (afterId) conditions.push(`"id" > ${parameters.add(afterId)}`);
  const text =
    `select ${columnsOf(em, entity)}${withTotal ? `, (${countText}) as "page_total"` : ''} from ${table}` +
    `${conditions.length ? ` where ${conditions.join(' and ')}` : ''} order by "id" limit ${parameters.add(limit + 1)}`;
  const rows = await sqlRows(em, { text, values: parameters.values });
  return pageOf(rows.map(readOnlyMapper(em, entity)), rows[0]?.page_total, limit, withTotal, afterId, async () => {
    const [row] = await sqlRows<{ count: string }>(em, { text: countText, values: matchingValues });
    return Number(row?.count ?? 0);
  });
}

/**
 * A page of `limit` from up to `limit + 1` nodes read in id order, the extra one saying a next
 * page exists; `pageTotal` is the first row's total when the statement counted it.
 */
function pageOf<T extends { id: string }>(
  read: T[],
  pageTotal: unknown,
  limit: number,
  withTotal: boolean,
  afterId: string | undefined,
  count: () => Promise<number>,
): Page<T> {
  const nodes = read.slice(0, limit);
  // An empty first page is an empty list; an empty later page says nothing of the total.
  const knownTotal = !withTotal ? undefined : read.length ? Number(pageTotal) : afterId ? undefined : 0;
  return {
    nodes,
    pageInfo: {
      hasNextPage: read.length > limit,
      endCursor: endCursorOf(nodes),
    },
    countTotal: async () => (knownTotal !== undefined ? knownTotal : count()),
  };
}
