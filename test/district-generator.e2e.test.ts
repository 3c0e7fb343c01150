import { serviceConfig } from '../lib/config';
import { openDatabase, type Database } from '../lib/database';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { generateDistrict, type GeneratedDistrict } from '../scripts/generate/district';
import { Progress } from '../scripts/generate/progress';
import { SCALES } from '../scripts/generate/scales';
import { planUnits } from '../scripts/generate/units';
import { definitionOf } from '../scripts/subgraph-definitions';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The district generator at the `tiny` scale, into fresh databases (one per subgraph, or one
 * server database with a schema each): the counts it promises and the facts that tie the four
 * subgraphs' rows together, checked subgraph by subgraph since each may be its own database.
 */
let testDatabase: TestDatabase;
const databases: Record<string, Database> = {};
let district: GeneratedDistrict;
const scale = SCALES.tiny;
const SEED = 7;

async function rows<T = Record<string, any>>(subgraph: string, sql: string): Promise<T[]> {
  return databases[subgraph].orm.em.getConnection().execute(sql);
}

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  for (const entry of SUBGRAPHS) {
    const definition = definitionOf(entry.name);
    databases[entry.name] = await openDatabase({
      service: entry.name,
      schema: entry.schema,
      entities: definition.entities,
      migrationsPath: definition.migrationsPath,
      url: testDatabase.databaseUrl,
      dataDir: testDatabase.dataDir ?? serviceConfig(entry.name, entry.defaultPort).dataDir,
    });
  }
  const progress = new Progress();
  district = await generateDistrict(databases, scale, SEED, progress);
  progress.stop();
});

afterAll(async () => {
  for (const database of Object.values(databases)) await database.close();
  await testDatabase?.drop();
});

test('the tiny district has the sizes of its scale in every subgraph', async () => {
  const [grid] = await rows(
    'grid',
    `select (select count(*)::int from grid.street) streets, (select count(*)::int from grid.community) communities,
    (select count(*)::int from grid.grid) grids, (select count(*)::int from grid.resident) residents`,
  );
  expect(grid).toEqual({ streets: 2, communities: 3, grids: 6, residents: district.grid.residentIds.length });
  // Households written in bulk are counted on their grids by the triggers, batch by batch.
  const counts = await rows(
    'grid',
    `select g.household_count as kept, (select count(*)::int from grid.household h join grid.building b on b.id = h.building_id
    where b.grid_id = g.id) as counted from grid.grid g`,
  );
  expect(counts.reduce((sum, c) => sum + c.kept, 0)).toBe(district.grid.householdCount);
  expect(counts.filter((c) => c.kept !== c.counted)).toEqual([]);
  // Residents written in bulk carry their building's grid, set by the database as they are inserted.
  const residentGrids = await rows(
    'grid',
    `select count(*)::int as residents, count(*) filter (where r.grid_id = b.grid_id)::int as agreeing
    from grid.resident r join grid.household h on h.id = r.household_id join grid.building b on b.id = h.building_id`,
  );
  expect(residentGrids).toEqual([
    { residents: district.grid.residentIds.length, agreeing: district.grid.residentIds.length },
  ]);
  const members = await rows(
    'party-building',
    `select kind, count(*)::int n from party_building.party_member group by kind`,
  );
  const byKind = Object.fromEntries(members.map((m) => [m.kind, m.n]));
  expect(byKind.IN_SERVICE).toBe(40);
  expect(byKind.RESIDENT + byKind.RETIRED).toBe(20);
  const levels = Object.fromEntries(
    (
      await rows(
        'party-building',
        `select level, count(*)::int n from party_building.party_organization group by level`,
      )
    ).map((l) => [l.level, l.n]),
  );
  expect(levels.STREET_WORKING_COMMITTEE).toBe(2);
  expect(levels.COMMUNITY_COMMITTEE).toBe(3);
  // About nine grids in ten have a branch, and at least one has none.
  expect(levels.GRID_BRANCH).toBeGreaterThanOrEqual(3);
  expect(levels.GRID_BRANCH).toBeLessThan(6);
  const [services] = await rows(
    'services',
    `select count(*)::int cases, count(distinct idempotency_key)::int keys,
    count(idempotency_key)::int keyed, count(*) filter (where state = 'CLOSED')::int closed,
    count(*) filter (where state = 'CLOSED' and satisfaction is not null)::int rated,
    (select count(*)::int from services.service_item) items from services.service_case`,
  );
  expect(services.cases).toBe(1500);
  expect(services.keys).toBe(services.keyed);
  expect(services.closed / services.cases).toBeGreaterThan(0.8);
  expect(services.rated / services.closed).toBeGreaterThan(0.7);
  expect(services.items).toBe(30);
  const [co] = await rows(
    'co-building',
    `select (select count(*)::int from co_building.unit) units,
    (select count(*)::int from co_building.wish) wishes, (select count(distinct status)::int from co_building.wish) wish_states,
    (select count(*)::int from co_building.service_category where parent_id is null) top_categories`,
  );
  expect(co).toEqual({ units: 6, wishes: 30, wish_states: expect.any(Number), top_categories: 7 });
});

test("every member lives in the grid of its resident and carries that resident's ID number and phone", async () => {
  const residents = new Map(
    (
      await rows(
        'grid',
        `select r.id, r.id_number, r.phone, b.grid_id from grid.resident r
    join grid.household h on h.id = r.household_id join grid.building b on b.id = h.building_id`,
      )
    ).map((r) => [r.id, r]),
  );
  const members = await rows(
    'party-building',
    `select m.resident_id, m.home_grid_id, m.id_number, m.phone, m.kind, m.work_unit_name,
    o.level, o.grid_ids from party_building.party_member m join party_building.party_organization o on o.id = m.organization_id`,
  );
  expect(members).toHaveLength(60);
  for (const member of members) {
    const resident = residents.get(member.resident_id)!;
    expect({ grid: member.home_grid_id, idNumber: member.id_number, phone: member.phone }).toEqual({
      grid: resident.grid_id,
      idNumber: resident.id_number,
      phone: resident.phone,
    });
    // Held by the branch of the home grid, or by the community committee where the grid has none.
    if (member.level === 'GRID_BRANCH') expect(member.grid_ids).toEqual([member.home_grid_id]);
    else expect(member.level).toBe('COMMUNITY_COMMITTEE');
    if (member.kind === 'IN_SERVICE') expect(member.work_unit_name).toEqual(expect.any(String));
  }
});

test("pledges keep the limit and the capacities, and reports go to the member's home community from the member's unit", async () => {
  const gridCommunity = new Map(
    (await rows('grid', `select id, community_id from grid.grid`)).map((g) => [g.id, g.community_id]),
  );
  const members = new Map(
    (await rows('party-building', `select id, home_grid_id, work_unit_name from party_building.party_member`)).map(
      (m) => [m.id, m],
    ),
  );
  const reports = await rows(
    'co-building',
    `select r.member_id, r.community_id, u.name unit_name from co_building.member_report r
    join co_building.unit u on u.id = r.unit_id where r.status = 'ACTIVE'`,
  );
  expect(reports.length).toBeGreaterThan(30);
  for (const report of reports) {
    const member = members.get(report.member_id)!;
    expect(report.community_id).toBe(gridCommunity.get(member.home_grid_id));
    expect(report.unit_name).toBe(member.work_unit_name);
  }
  const [limits] = await rows(
    'co-building',
    `select
    (select max(n)::int from (select count(*) n from co_building.pledge where status = 'ACTIVE' group by member_id) x) most_per_member,
    (select count(*)::int from co_building.service_post p where p.capacity < (select count(*) from co_building.pledge g
       where g.post_id = p.id and g.status = 'ACTIVE')) over_capacity,
    (select count(*)::int from co_building.pledge g join co_building.member_report r on r.id = g.report_id
       join co_building.service_post p on p.id = g.post_id where p.community_id <> r.community_id or g.member_id <> r.member_id) misplaced`,
  );
  expect(limits).toEqual({ most_per_member: 2, over_capacity: 0, misplaced: 0 });
});

test("a case lies in its grid's community and street, and its timeline ends in its state", async () => {
  const places = new Map(
    (
      await rows(
        'grid',
        `select g.id, g.community_id, c.street_id from grid.grid g join grid.community c on c.id = g.community_id`,
      )
    ).map((g) => [g.id, g]),
  );
  const cases = await rows(
    'services',
    `select c.grid_id, c.community_id, c.street_id, c.state, c.version,
    (select e.to_state from services.case_event e where e.case_id = c.id order by e.occurred_at desc, e.id desc limit 1) last_state,
    (select count(*)::int from services.case_event e where e.case_id = c.id) events from services.service_case c`,
  );
  for (const c of cases) {
    const place = places.get(c.grid_id)!;
    expect({ community: c.community_id, street: c.street_id, lastState: c.last_state, events: c.events }).toEqual({
      community: place.community_id,
      street: place.street_id,
      lastState: c.state,
      events: c.version,
    });
  }
});

test('the same seed plans the same units', () => {
  const again = planUnits(scale, SEED, district.grid.communities);
  expect(again.map((u) => [u.id, u.code, u.name, u.communities])).toEqual(
    district.units.map((u) => [u.id, u.code, u.name, u.communities]),
  );
});
