import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from 'pg';
import type { DevTokenRequest } from '../lib/auth/dev-token';

/**
 * The operations clients really send, with variables picked from the database the benchmark
 * runs against (a generated district). `fresh` operations get new variables for every request
 * (a case intake must not be an idempotent replay).
 */
export interface BenchOperation {
  name: string;
  description: string;
  query: string;
  variables(db: Client): Promise<Record<string, unknown>>;
  /**
   * Other variable sets the load cycles through (different workers, communities, months), as real
   * clients ask different things; identical concurrent requests would let a gateway that
   * deduplicates in-flight requests do the work once.
   */
  variants?(db: Client): Promise<Array<Record<string, unknown>>>;
  /** Per-request variables on top of `variables` (called for every request). */
  fresh?: () => Record<string, unknown>;
  /** Who sends it: the role (and its scope, from the variables) of the client that really would. */
  identity(variables: Record<string, any>): DevTokenRequest;
}

async function column(db: Client, sql: string): Promise<string[]> {
  const { rows } = await db.query(sql);
  return rows.map((row) => Object.values(row)[0] as string);
}

async function one<T>(db: Client, sql: string): Promise<T> {
  const { rows } = await db.query(sql);
  if (!rows.length) throw new Error(`the benchmark needs generated data; nothing for: ${sql}`);
  return rows[0] as T;
}

/** Idempotency keys of the cases the benchmark reports: how removeBenchCases finds them. */
export const BENCH_KEY_PREFIX = 'bench-';
export const benchKey = () => `${BENCH_KEY_PREFIX}${randomUUID()}`;

/**
 * Remove the cases the benchmark reported, with their timelines, so repeated runs leave the
 * district as generated. The timeline is append-only (a trigger refuses DELETE); its rows are
 * removed with session_replication_role = replica, which needs a superuser of the benchmark's
 * database. The cases themselves are removed with triggers on, so the monthly indicator
 * figures (case_indicator_month) take them out too.
 */
export async function removeBenchCases(db: Client): Promise<number> {
  const { rows } = await db.query(
    `select count(*)::int as n from services.service_case where idempotency_key like '${BENCH_KEY_PREFIX}%'`,
  );
  if (!rows[0].n) return 0;
  await db.query('begin');
  try {
    await db.query(`set local session_replication_role = replica`);
    const cases = `select id from services.service_case where idempotency_key like '${BENCH_KEY_PREFIX}%'`;
    for (const table of ['case_event', 'case_extension', 'supervision_notice']) {
      await db.query(`delete from services.${table} where case_id in (${cases})`);
    }
    await db.query(`set local session_replication_role = origin`);
    const { rowCount } = await db.query(
      `delete from services.service_case where idempotency_key like '${BENCH_KEY_PREFIX}%'`,
    );
    await db.query('commit');
    return rowCount ?? 0;
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

/** A case intake from a resident of each of 100 grids, about an item that needs no attributes. */
async function intakeInputs(db: Client): Promise<Array<Record<string, unknown>>> {
  const item = await one<{ id: string }>(
    db,
    `select id from services.service_item i where not exists (
       select 1 from jsonb_array_elements(i.attributes) a where (a ->> 'required')::boolean) order by code limit 1`,
  );
  const { rows } = await db.query(
    `select distinct on (b.grid_id) r.id, b.grid_id from grid.resident r join grid.household h on h.id = r.household_id
       join grid.building b on b.id = h.building_id order by b.grid_id, r.id limit 100`,
  );
  if (!rows.length) throw new Error('the benchmark needs generated data; no residents');
  return rows.map((resident) => ({
    input: {
      channel: 'APP_PHOTO',
      itemId: item.id,
      gridId: resident.grid_id,
      reporterResidentId: resident.id,
      description: '楼道堆放杂物',
      attributes: [],
    },
  }));
}

export const OPERATIONS: BenchOperation[] = [
  {
    name: 'grid-worker-home',
    description: "a full-time worker's home screen: my grids, my open cases, residents with care tags in my grid",
    // The mobile app's own persisted query: the cases from the root list, scoped by the worker's
    // token, so both departments are asked at once.
    query: fs.readFileSync(
      path.resolve(__dirname, '../../gateway/persisted-queries/mobile/grid-worker-home.graphql'),
      'utf8',
    ),
    variables: async (db) => {
      const row = await one<{ worker_id: string; grid_id: string }>(
        db,
        `select worker_id, grid_id from grid.grid_assignment where role = 'FULL_TIME' and ended_at is null order by id limit 1`,
      );
      return { worker: row.worker_id, grid: row.grid_id };
    },
    variants: async (db) =>
      (
        await db.query(
          `select worker_id, grid_id from grid.grid_assignment where role = 'FULL_TIME' and ended_at is null order by id limit 100`,
        )
      ).rows.map((row) => ({ worker: row.worker_id, grid: row.grid_id })),
    identity: (v) => ({ role: 'GRID_WORKER', claims: { workerId: v.worker } }),
  },
  {
    name: 'community-dashboard',
    description:
      'a community: grids with workers, branch and member count, case figures; paired units; open wishes (4 subgraphs)',
    // The community's figures and its grids' come from the root indicators, grouped: services
    // answers both in one call, alongside the grid subgraph's, rather than once per entity path.
    query: `query CommunityDashboard($id: ID!) {
      community(id: $id) {
        name street { name }
        pairedUnits { name kind }
        grids(first: 50) {
          totalCount
          nodes { id code name householdCount outsideStandardBand assignments { role } partyBranches { name } partyMemberCount }
        }
        wishes(status: OPEN, first: 20) { totalCount nodes { title } }
      }
      communityFigures: caseIndicators(groupBy: COMMUNITY, communityId: $id) { indicators { received accepted closed overdueNow onTimeRate satisfactionRate } }
      gridFigures: caseIndicators(groupBy: GRID, communityId: $id) { key indicators { received closed overdueNow } }
    }`,
    variables: async (db) => ({
      id: (await one<{ id: string }>(db, `select id from grid.community order by id limit 1`)).id,
    }),
    variants: async (db) => (await column(db, `select id from grid.community order by id`)).map((id) => ({ id })),
    identity: (v) => ({ role: 'COMMUNITY_STAFF', claims: { communityId: v.id } }),
  },
  {
    name: 'case-list-page',
    description: "a street's dispatched cases, 20 to a page, with item, grid, community and reporter",
    query: `query CaseListPage($street: ID!) {
      cases(streetId: $street, state: DISPATCHED, first: 20) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { id channel state level deadline overdue reportedAt item { name category } grid { code name } community { name } reporter { name } }
      }
    }`,
    variables: async (db) => ({
      street: (await one<{ id: string }>(db, `select id from grid.street order by id limit 1`)).id,
    }),
    variants: async (db) => (await column(db, `select id from grid.street order by id`)).map((street) => ({ street })),
    identity: (v) => ({ role: 'STREET_STAFF', claims: { streetId: v.street } }),
  },
  {
    name: 'case-intake',
    description:
      'a resident reports a case from the app (new idempotency key each time): checks the grid and reporter, writes case and timeline',
    query: `mutation CaseIntake($input: ReportCaseInput!) { reportCase(input: $input) { id state version } }`,
    variables: async (db) => {
      const [input] = await intakeInputs(db);
      if (!input) throw new Error('the district has no resident to report a case');
      return input;
    },
    // Residents of 100 different grids report, so the benchmark's cases spread over the district
    // instead of piling into one grid (and are removed when the run ends: removeBenchCases).
    variants: intakeInputs,
    fresh: () => ({ idempotencyKey: benchKey() }),
    identity: (v) => ({ role: 'RESIDENT', claims: { residentId: v.input.reporterResidentId } }),
  },
  {
    name: 'analyst-indicators',
    description: 'district indicators by street for one month (SQL GROUP BY over the year of cases)',
    query: `query AnalystIndicators($from: String!, $to: String!) {
      caseIndicators(groupBy: STREET, from: $from, to: $to) {
        street { name }
        indicators { received acceptanceRate closureRate onTimeRate reworkRate averageHandlingHours satisfactionRate overdueNow }
      }
    }`,
    variables: async (db) => {
      const row = await one<{ month: string }>(
        db,
        `select to_char(max(reported_at) - interval '1 month', 'YYYY-MM') as month from services.service_case`,
      );
      const [year, month] = row.month.split('-').map(Number);
      if (year === undefined || month === undefined) throw new Error(`no month of cases to count (got ${row.month})`);
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return { from: `${row.month}-01`, to: `${row.month}-${String(last).padStart(2, '0')}` };
    },
    variants: async (db) =>
      (
        await db.query(
          `select to_char(m, 'YYYY-MM-DD') as "from", to_char(m + interval '1 month' - interval '1 day', 'YYYY-MM-DD') as "to"
         from generate_series(date_trunc('month', (select min(reported_at) from services.service_case)),
                              date_trunc('month', (select max(reported_at) from services.service_case)), interval '1 month') as m`,
        )
      ).rows,
    identity: () => ({ role: 'ANALYST' }),
  },
  {
    name: 'entity-fanout',
    description: '200 residents → their Party membership → pledges (grid → party-building → co-building)',
    query: `query EntityFanout($a: ID!, $b: ID!) {
      a: residents(gridId: $a, first: 100) { nodes { name partyMembership { name kind pledges(first: 2) { nodes { pledgeText post { name } } } } } }
      b: residents(gridId: $b, first: 100) { nodes { name partyMembership { name kind pledges(first: 2) { nodes { pledgeText post { name } } } } } }
    }`,
    variables: async (db) => {
      const { rows } = await db.query(`select id from grid.grid order by id limit 2`);
      return { a: rows[0].id, b: rows[1].id };
    },
    variants: async (db) => {
      const ids = await column(db, `select id from grid.grid order by id`);
      return ids.slice(0, -1).map((a, i) => ({ a, b: ids[i + 1] }));
    },
    identity: () => ({ role: 'CITY_ADMIN' }),
  },
  {
    name: 'grids-outside-band',
    description: 'analyst: grids whose household count is outside 300–500, across the district',
    query: `query GridsOutsideBand { grids(outsideStandardBand: true, first: 100) { totalCount nodes { code householdCount community { name street { name } } } } }`,
    variables: async () => ({}),
    identity: () => ({ role: 'ANALYST' }),
  },
];
