import type { TestClient, TestHub } from './test-hub';

/** The ids of rows or nodes, in their order. */
export const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

/** The ids PostgreSQL selects from a table of one subgraph's schema, in id order: what a list's filter must return. */
export type IdsWhere = (table: string, where: string, values?: unknown[]) => Promise<string[]>;

export function idsWhereIn(hub: TestHub, subgraph: string, schema: string): IdsWhere {
  return async (table, where, values = []) => {
    const connection = hub.hub.subgraphs[subgraph].database.orm.em.getConnection();
    return ids(
      await connection.execute<Array<{ id: string }>>(
        `select t.id from ${schema}.${table} t where ${where} order by t.id`,
        values,
      ),
    );
  };
}

/** One filter of a root list: its variables' declaration, its arguments, and the rows it must return (`where` on `table`, aliased t). */
export type ListCase = [
  declared: string,
  filter: Record<string, unknown>,
  table: string,
  where: string,
  values?: unknown[],
];

/**
 * Each filter's page (up to 100) and total against the rows PostgreSQL selects. Every filter must
 * match some rows, and with `narrower` leave some of the table out, so that it is tested at all.
 */
export async function expectListFiltered(
  client: TestClient,
  list: string,
  idsWhere: IdsWhere,
  cases: ListCase[],
  { narrower = true } = {},
) {
  for (const [declared, filter, table, where, values] of cases) {
    const expected = await idsWhere(table, where, values);
    const all = await idsWhere(table, 'true');
    expect([list, filter, expected.length > 0 && (!narrower || expected.length < all.length)]).toEqual([
      list,
      filter,
      true,
    ]);
    const passed = Object.keys(filter)
      .map((name) => `, ${name}: $${name}`)
      .join('');
    const data = await client.query(
      `query ${declared ? `(${declared})` : ''} { ${list}(first: 100${passed}) { totalCount nodes { id } } }`,
      filter,
    );
    expect([list, filter, ids(data[list].nodes)]).toEqual([list, filter, expected]);
    expect(data[list].totalCount).toBe(expected.length);
  }
}
