import type { Client } from 'pg';

/**
 * The operations clients really send, with variables picked from the database the benchmark
 * runs against (a generated district).
 */
export interface BenchOperation {
  name: string;
  description: string;
  query: string;
  /** Variables for one execution; called once, so every request of a run is the same. */
  variables(db: Client): Promise<Record<string, unknown>>;
}

async function one<T>(db: Client, sql: string): Promise<T> {
  const { rows } = await db.query(sql);
  if (!rows.length) throw new Error(`no row for: ${sql}`);
  return rows[0] as T;
}

export const OPERATIONS: BenchOperation[] = [
  {
    name: 'community-dashboard',
    description: "a community's grids with household counts, workers, Party branches, duty items and paired units (4 subgraphs)",
    query: `query CommunityDashboard($id: ID!) {
      community(id: $id) {
        name street { name }
        pairedUnits { name kind }
        grids(first: 50) {
          totalCount
          nodes { code name householdCount outsideStandardBand assignments { role } partyBranches { name } dutyItems { code } }
        }
      }
    }`,
    variables: async (db) => ({ id: (await one<{ id: string }>(db, `select id from grid.community order by id limit 1 offset 3`)).id }),
  },
  {
    name: 'grid-list-page',
    description: 'a street’s grids, 20 to a page, with community, building count and size flag',
    query: `query GridListPage($street: ID!) {
      grids(streetId: $street, first: 20) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { code name kind status householdCount outsideStandardBand community { name } buildings(first: 5) { totalCount nodes { code } } }
      }
    }`,
    variables: async (db) => ({ street: (await one<{ id: string }>(db, `select id from grid.street order by id limit 1 offset 1`)).id }),
  },
  {
    name: 'grids-outside-band',
    description: 'analyst: grids whose household count is outside 300–500, across the district',
    query: `query GridsOutsideBand { grids(outsideStandardBand: true, first: 100) { totalCount nodes { code householdCount community { name street { name } } } } }`,
    variables: async () => ({}),
  },
];
