import { startTestHub, type TestHub } from './support/test-hub';
import { makeNationalId } from '../lib/national-id';

/** Splitting, merging and retiring grids, moving buildings and merging communities keep history. */
let hub: TestHub;
const ids = { street: '', communityA: '', communityB: '', otherStreetCommunity: '' };

async function createGrid(
  communityId: string,
  code: string,
  buildings: number,
): Promise<{ id: string; buildingIds: string[] }> {
  const grid = await hub.query(
    `mutation ($c: ID!, $code: String!) { createGrid(input: { communityId: $c, code: $code, name: $code, kind: RESIDENTIAL }) { id } }`,
    { c: communityId, code },
  );
  const buildingIds: string[] = [];
  for (let b = 1; b <= buildings; b += 1) {
    const created = await hub.query(
      `mutation ($g: ID!, $code: String!) { createBuilding(input: { gridId: $g, code: $code, address: "幸福路" }) { id } }`,
      { g: grid.createGrid.id, code: `${code}B${b}` },
    );
    buildingIds.push(created.createBuilding.id);
  }
  return { id: grid.createGrid.id, buildingIds };
}

beforeAll(async () => {
  hub = await startTestHub();
  const street = await hub.query(`mutation { createStreet(input: { code: "370783010", name: "洛城街道" }) { id } }`);
  const other = await hub.query(`mutation { createStreet(input: { code: "370783011", name: "孙家集街道" }) { id } }`);
  ids.street = street.createStreet.id;
  for (const [key, streetId, code, name] of [
    ['communityA', ids.street, '370783010001', '东关社区'],
    ['communityB', ids.street, '370783010002', '南关社区'],
    ['otherStreetCommunity', other.createStreet.id, '370783011001', '孙家集社区'],
  ] as const) {
    const created = await hub.query(
      `mutation ($s: ID!, $code: String!, $name: String!) { createCommunity(input: { streetId: $s, code: $code, name: $name }) { id } }`,
      { s: streetId, code, name },
    );
    ids[key] = created.createCommunity.id;
  }
});
afterAll(() => hub?.stop());

describe('split', () => {
  it('retires the old grid, gives each building to one new grid and records where they went', async () => {
    const source = await createGrid(ids.communityA, '370783010001001', 3);
    const data = await hub.query(
      `mutation ($input: SplitGridInput!) { splitGrid(input: $input) { id code status buildings { totalCount nodes { id } } } }`,
      {
        input: {
          gridId: source.id,
          note: '户数超过500',
          parts: [
            { code: '370783010001101', name: '东关一网格', buildingIds: source.buildingIds.slice(0, 2) },
            { code: '370783010001102', name: '东关二网格', buildingIds: source.buildingIds.slice(2) },
          ],
        },
      },
    );
    const [first, second] = data.splitGrid;
    expect(first).toMatchObject({ code: '370783010001101', status: 'ACTIVE', buildings: { totalCount: 2 } });
    expect(second.buildings.nodes.map((b: any) => b.id)).toEqual(source.buildingIds.slice(2));

    const old = await hub.query(
      `query ($id: ID!) { grid(id: $id) { status retiredAt buildings { totalCount } successors { code } history { kind fromGridIds toGridIds buildingIds note } } }`,
      { id: source.id },
    );
    expect(old.grid.status).toBe('RETIRED');
    expect(old.grid.retiredAt).not.toBeNull();
    expect(old.grid.buildings.totalCount).toBe(0);
    expect(old.grid.successors.map((g: any) => g.code)).toEqual(['370783010001101', '370783010001102']);
    expect(old.grid.history.map((h: any) => h.kind)).toEqual(['CREATED', 'SPLIT']);
    expect(old.grid.history[1]).toEqual({
      kind: 'SPLIT',
      fromGridIds: [source.id],
      toGridIds: [first.id, second.id],
      buildingIds: source.buildingIds,
      note: '户数超过500',
    });

    const building = await hub.query(
      `query ($id: ID!) { building(id: $id) { grid { code } gridHistory { grid { code } until } } }`,
      {
        id: source.buildingIds[2],
      },
    );
    expect(building.building.grid.code).toBe('370783010001102');
    expect(building.building.gridHistory.map((p: any) => [p.grid.code, p.until === null])).toEqual([
      ['370783010001001', false],
      ['370783010001102', true],
    ]);
  });

  it('refuses a plan that leaves a building out, and writes nothing', async () => {
    const source = await createGrid(ids.communityA, '370783010001002', 2);
    const before = await hub.count('grid', 'grid.grid');
    const error = await hub.fail(`mutation ($input: SplitGridInput!) { splitGrid(input: $input) { id } }`, {
      input: {
        gridId: source.id,
        parts: [
          { code: '370783010001201', name: 'a', buildingIds: [source.buildingIds[0]] },
          { code: '370783010001202', name: 'b', buildingIds: [] },
        ],
      },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parts' });
    expect(error.message).toContain('given to no new grid');
    expect(await hub.count('grid', 'grid.grid')).toBe(before);
    const grid = await hub.query(`query ($id: ID!) { grid(id: $id) { status } }`, { id: source.id });
    expect(grid.grid.status).toBe('ACTIVE');
  });

  it('refuses a new code that is already used, naming the part', async () => {
    const source = await createGrid(ids.communityA, '370783010001003', 2);
    const before = await hub.count('grid', 'grid.building_grid_period');
    const error = await hub.fail(`mutation ($input: SplitGridInput!) { splitGrid(input: $input) { id } }`, {
      input: {
        gridId: source.id,
        parts: [
          { code: '370783010001301', name: 'a', buildingIds: [source.buildingIds[0]] },
          { code: '370783010001101', name: 'b', buildingIds: [source.buildingIds[1]] },
        ],
      },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.parts[1].code' });
    expect(await hub.count('grid', 'grid.building_grid_period')).toBe(before);
    expect(await hub.query(`{ grid(code: "370783010001301") { id } }`)).toEqual({ grid: null });
  });
});

describe('merge and retire', () => {
  it('merges grids of one community into a new grid with all their buildings', async () => {
    const a = await createGrid(ids.communityB, '370783010002001', 1);
    const b = await createGrid(ids.communityB, '370783010002002', 2);
    const data = await hub.query(
      `mutation ($input: MergeGridsInput!) { mergeGrids(input: $input) { id code buildings { totalCount } predecessors { code status } } }`,
      { input: { gridIds: [a.id, b.id], into: { code: '370783010002100', name: '南关合并网格' } } },
    );
    expect(data.mergeGrids).toMatchObject({
      code: '370783010002100',
      buildings: { totalCount: 3 },
      predecessors: [
        { code: '370783010002001', status: 'RETIRED' },
        { code: '370783010002002', status: 'RETIRED' },
      ],
    });
  });

  it('refuses to merge grids of different communities, and writes nothing', async () => {
    const a = await createGrid(ids.communityA, '370783010001004', 1);
    const b = await createGrid(ids.communityB, '370783010002003', 1);
    const before = await hub.count('grid', 'grid.grid_change');
    const error = await hub.fail(`mutation ($input: MergeGridsInput!) { mergeGrids(input: $input) { id } }`, {
      input: { gridIds: [a.id, b.id], into: { code: '370783010002101', name: 'x' } },
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.gridIds' });
    expect(await hub.count('grid', 'grid.grid_change')).toBe(before);
  });

  it('refuses to retire a grid that still has buildings; retires it once they are moved; it takes no new ones', async () => {
    const grid = await createGrid(ids.communityA, '370783010001005', 1);
    const target = await createGrid(ids.communityA, '370783010001006', 0);
    const refused = await hub.fail(`mutation ($id: ID!) { retireGrid(input: { gridId: $id }) { id } }`, {
      id: grid.id,
    });
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.gridId' });
    expect(refused.message).toContain('still has 1 building');

    const moved = await hub.query(
      `mutation ($b: [ID!]!, $to: ID!) { moveBuildings(input: { buildingIds: $b, toGridId: $to, note: "道路调整" }) { grid { code } } }`,
      { b: grid.buildingIds, to: target.id },
    );
    expect(moved.moveBuildings).toEqual([{ grid: { code: '370783010001006' } }]);
    const retired = await hub.query(
      `mutation ($id: ID!) { retireGrid(input: { gridId: $id, note: "并入相邻网格" }) { status history { kind note } } }`,
      {
        id: grid.id,
      },
    );
    expect(retired.retireGrid).toEqual({
      status: 'RETIRED',
      history: [
        { kind: 'CREATED', note: null },
        { kind: 'BUILDING_MOVED', note: '道路调整' },
        { kind: 'RETIRED', note: '并入相邻网格' },
      ],
    });

    const before = await hub.count('grid', 'grid.building');
    for (const mutation of [
      `mutation ($g: ID!) { createBuilding(input: { gridId: $g, code: "370783010001005B9", address: "x" }) { id } }`,
      `mutation ($g: ID!) { moveBuildings(input: { buildingIds: ["${target.buildingIds[0] ?? grid.buildingIds[0]}"], toGridId: $g }) { id } }`,
    ]) {
      const error = await hub.fail(mutation, { g: grid.id });
      expect(error.extensions?.code).toBe('CONFLICT');
      expect(error.message).toContain('is retired and takes no new buildings');
    }
    expect(await hub.count('grid', 'grid.building')).toBe(before);
  });
});

describe('community merge', () => {
  it('keeps the old communities resolvable, saying where they went, and moves their grids', async () => {
    const s = await hub.query(`mutation { createStreet(input: { code: "370783012", name: "古城街道" }) { id } }`);
    const olds: string[] = [];
    for (const code of ['370783012001', '370783012002']) {
      const c = await hub.query(
        `mutation ($s: ID!, $code: String!) { createCommunity(input: { streetId: $s, code: $code, name: $code }) { id } }`,
        {
          s: s.createStreet.id,
          code,
        },
      );
      olds.push(c.createCommunity.id);
    }
    const grid = await createGrid(olds[0], '370783012001001', 1);
    const merged = await hub.query(
      `mutation ($ids: [ID!]!) { mergeCommunities(input: { communityIds: $ids, newCode: "370783012100", newName: "古城新社区" }) { id code grids { nodes { code } } } }`,
      { ids: olds },
    );
    expect(merged.mergeCommunities.grids.nodes).toEqual([{ code: '370783012001001' }]);
    const old = await hub.query(
      `query ($id: ID!) { community(id: $id) { status mergedAt mergedInto { code name } grids { totalCount } } }`,
      { id: olds[0] },
    );
    expect(old.community).toMatchObject({
      status: 'MERGED',
      mergedInto: { code: '370783012100', name: '古城新社区' },
      grids: { totalCount: 0 },
    });
    const history = await hub.query(`query ($id: ID!) { grid(id: $id) { community { code } history { kind } } }`, {
      id: grid.id,
    });
    expect(history.grid).toEqual({
      community: { code: '370783012100' },
      history: [{ kind: 'CREATED' }, { kind: 'COMMUNITY_MERGED' }],
    });

    const again = await hub.fail(
      `mutation ($ids: [ID!]!) { mergeCommunities(input: { communityIds: $ids, intoCommunityId: "${merged.mergeCommunities.id}" }) { id } }`,
      {
        ids: [olds[1]],
      },
    );
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.communityIds' });
  });

  it('refuses communities of different streets', async () => {
    const error = await hub.fail(
      `mutation ($ids: [ID!]!) { mergeCommunities(input: { communityIds: $ids, newCode: "370783010999", newName: "x" }) { id } }`,
      {
        ids: [ids.communityA, ids.otherStreetCommunity],
      },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communityIds' });
    expect(await hub.query(`{ community(code: "370783010999") { id } }`)).toEqual({ community: null });
  });
});

describe('validation of the grid map', () => {
  it('names the field for bad codes, duplicate codes and unknown ids', async () => {
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      [
        `mutation ($c: ID!) { createGrid(input: { communityId: $c, code: "bad code", name: "x", kind: MIXED }) { id } }`,
        { c: ids.communityA },
        'BAD_USER_INPUT',
        'input.code',
      ],
      [
        `mutation ($c: ID!) { createGrid(input: { communityId: $c, code: "370783010001101", name: "x", kind: MIXED }) { id } }`,
        { c: ids.communityA },
        'CONFLICT',
        'input.code',
      ],
      [
        `mutation { createGrid(input: { communityId: "d0000000-0000-7000-8000-000000000000", code: "370783010001999", name: "x", kind: MIXED }) { id } }`,
        {},
        'NOT_FOUND',
        'input.communityId',
      ],
      [
        `mutation { createGrid(input: { communityId: "not-an-id", code: "370783010001999", name: "x", kind: MIXED }) { id } }`,
        {},
        'BAD_USER_INPUT',
        'input.communityId',
      ],
      [
        `mutation ($c: ID!) { createGrid(input: { communityId: $c, code: "370783010001999", name: "   ", kind: MIXED }) { id } }`,
        { c: ids.communityA },
        'BAD_USER_INPUT',
        'input.name',
      ],
      [`mutation { createStreet(input: { code: "370783010", name: "重复" }) { id } }`, {}, 'CONFLICT', 'input.code'],
    ];
    const before = await hub.count('grid', 'grid.grid');
    for (const [mutation, variables, code, field] of cases) {
      const error = await hub.fail(mutation, variables);
      expect({ code: error.extensions?.code, field: error.extensions?.field }).toEqual({ code, field });
    }
    expect(await hub.count('grid', 'grid.grid')).toBe(before);
  });

  it('pages with cursors and refuses a bad page size', async () => {
    const page1 = await hub.query(
      `{ grids(first: 2) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`,
    );
    const page2 = await hub.query(
      `query ($after: String!) { grids(first: 2, after: $after) { edges { node { code } } } }`,
      {
        after: page1.grids.pageInfo.endCursor,
      },
    );
    expect(page1.grids.edges).toHaveLength(2);
    expect(page1.grids.pageInfo.hasNextPage).toBe(true);
    const seen = [...page1.grids.edges, ...page2.grids.edges].map((e: any) => e.node.code);
    expect(new Set(seen).size).toBe(4);
    const error = await hub.fail(`{ grids(first: 1000) { totalCount } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const cursor = await hub.fail(`{ grids(first: 2, after: "nonsense") { totalCount } }`);
    expect(cursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('flags grids outside the 300–500 household band without refusing them', async () => {
    const flagged = await hub.query(
      `query ($c: ID!) { grids(communityId: $c, outsideStandardBand: true, first: 100) { totalCount nodes { householdCount outsideStandardBand } } }`,
      {
        c: ids.communityA,
      },
    );
    expect(flagged.grids.totalCount).toBeGreaterThan(0);
    expect(flagged.grids.nodes.every((g: any) => g.outsideStandardBand && g.householdCount < 300)).toBe(true);
    const within = await hub.query(
      `query ($c: ID!) { grids(communityId: $c, outsideStandardBand: false) { totalCount } }`,
      { c: ids.communityA },
    );
    expect(within.grids.totalCount).toBe(0);
  });
});

describe('household counts kept on buildings and grids', () => {
  const countsOf = ([a, b]: string[]) =>
    hub.query(
      `query ($a: ID!, $b: ID!) { a: grid(id: $a) { householdCount buildings { nodes { householdCount } } } b: grid(id: $b) { householdCount buildings { nodes { householdCount } } } }`,
      { a, b },
    );
  /** Every building's and grid's kept count against a count of the households. */
  const disagreements = async () => {
    const connection = hub.hub.subgraphs.grid.database.orm.em.getConnection();
    const rows: Array<{ household_count: number; counted: number }> = await connection.execute(`
      select 'building' as kind, b.id, b.household_count, (select count(*)::int from grid.household h where h.building_id = b.id) as counted from grid.building b
      union all
      select 'grid', g.id, g.household_count, (select count(*)::int from grid.household h join grid.building b on b.id = h.building_id where b.grid_id = g.id) from grid.grid g`);
    return rows.filter((row) => row.household_count !== row.counted);
  };

  it('follow households added, buildings moved and rows removed in the database, and the mutations answer with them', async () => {
    const from = await createGrid(ids.communityB, '370783010002007', 2);
    const to = await createGrid(ids.communityB, '370783010002008', 1);
    for (const [building, room] of [
      [0, '101'],
      [0, '102'],
      [0, '201'],
      [1, '101'],
    ] as const) {
      await hub.query(
        `mutation ($b: ID!, $room: String!) { createHousehold(input: { buildingId: $b, unit: "1", room: $room, tenure: RENTED }) { id } }`,
        {
          b: from.buildingIds[building],
          room,
        },
      );
    }
    await hub.query(
      `mutation ($b: ID!) { createHousehold(input: { buildingId: $b, unit: "2", room: "101", tenure: VACANT }) { id } }`,
      { b: to.buildingIds[0] },
    );
    let counts = await countsOf([from.id, to.id]);
    expect(counts.a.householdCount).toBe(4);
    expect(counts.a.buildings.nodes.map((b: any) => b.householdCount)).toEqual([3, 1]);
    expect(counts.b.householdCount).toBe(1);

    // The mutation's own answer carries the counts after the move.
    const moved = await hub.query(
      `mutation ($b: [ID!]!, $to: ID!) { moveBuildings(input: { buildingIds: $b, toGridId: $to }) { householdCount grid { householdCount } } }`,
      { b: [from.buildingIds[0]], to: to.id },
    );
    expect(moved.moveBuildings).toEqual([{ householdCount: 3, grid: { householdCount: 4 } }]);
    counts = await countsOf([from.id, to.id]);
    expect([counts.a.householdCount, counts.b.householdCount]).toEqual([1, 4]);

    // Rows written in the database directly are counted too (the triggers, not the service, keep them).
    const connection = hub.hub.subgraphs.grid.database.orm.em.getConnection();
    await connection.execute(`delete from grid.household where building_id = ? and room = '102'`, [
      from.buildingIds[0],
    ]);
    await connection.execute(`update grid.household set building_id = ? where building_id = ?`, [
      from.buildingIds[1],
      to.buildingIds[0],
    ]);
    counts = await countsOf([from.id, to.id]);
    expect([counts.a.householdCount, counts.b.householdCount]).toEqual([2, 2]);
    expect(await disagreements()).toEqual([]);
  });

  it('lists grids outside the band by the kept count', async () => {
    const small = await hub.query(
      `query ($c: ID!) { grids(communityId: $c, outsideStandardBand: true, first: 100) { nodes { code householdCount } } }`,
      { c: ids.communityB },
    );
    expect(small.grids.nodes).toEqual(
      expect.arrayContaining([
        { code: '370783010002007', householdCount: 2 },
        { code: '370783010002008', householdCount: 2 },
      ]),
    );
    expect(small.grids.nodes.every((grid: any) => grid.householdCount < 300 || grid.householdCount > 500)).toBe(true);
  });
});

describe("a resident's grid kept by the database", () => {
  const residentIdsOf = async (client: { query: TestHub['query'] }, gridId: string) => {
    const data = await client.query(
      `query ($g: ID!) { residents(gridId: $g, first: 100) { totalCount nodes { id } } }`,
      { g: gridId },
    );
    return { total: data.residents.totalCount, ids: data.residents.nodes.map((n: { id: string }) => n.id).sort() };
  };
  /** Residents whose kept grid is not their building's. */
  const disagreements = async () => {
    const connection = hub.hub.subgraphs.grid.database.orm.em.getConnection();
    return connection.execute(`select r.id, r.grid_id, b.grid_id as building_grid_id from grid.resident r
      join grid.household h on h.id = r.household_id join grid.building b on b.id = h.building_id where r.grid_id <> b.grid_id`);
  };
  let sequence = 0;
  const addResident = async (householdId: string, relationToHead = 'HEAD') => {
    sequence += 1;
    const data = await hub.query(
      `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id grid { id } } }`,
      {
        input: {
          householdId,
          name: `居民${sequence}`,
          idNumber: makeNationalId('370783', '1960-03-01', sequence),
          relationToHead,
          residenceType: 'REGISTERED',
        },
      },
    );
    return data.createResident as { id: string; grid: { id: string } };
  };
  const addHousehold = async (buildingId: string, room: string) =>
    (
      await hub.query(
        `mutation ($b: ID!, $room: String!) { createHousehold(input: { buildingId: $b, unit: "1", room: $room, tenure: OWNER_OCCUPIED }) { id } }`,
        { b: buildingId, room },
      )
    ).createHousehold.id as string;

  it('follows residents added and moved, households and buildings moved, and rows written directly; lists and territories read it', async () => {
    const from = await createGrid(ids.communityA, '370783010001301', 2);
    const to = await createGrid(ids.communityA, '370783010001302', 1);
    const worker = await hub.query(
      `mutation { createGridWorker(input: { name: "网格员丙", kind: FULL_TIME, phone: "13700000031" }) { id } }`,
    );
    await hub.query(
      `mutation ($w: ID!, $g: ID!) { assignWorker(input: { workerId: $w, gridId: $g, role: FULL_TIME }) { id } }`,
      { w: worker.createGridWorker.id, g: to.id },
    );
    const workerClient = await hub.as({ role: 'GRID_WORKER', claims: { workerId: worker.createGridWorker.id } });

    const [h1, h2, h3] = [
      await addHousehold(from.buildingIds[0], '102'),
      await addHousehold(from.buildingIds[1], '101'),
      await addHousehold(to.buildingIds[0], '101'),
    ];
    const [r1, r2, r3, r4] = [
      await addResident(h1),
      await addResident(h1, 'CHILD'),
      await addResident(h2),
      await addResident(h3),
    ];
    expect(r1.grid.id).toBe(from.id);
    expect(await residentIdsOf(hub, from.id)).toEqual({ total: 3, ids: [r1.id, r2.id, r3.id].sort() });
    expect(await residentIdsOf(workerClient, to.id)).toEqual({ total: 1, ids: [r4.id] });

    // A building moved to the worker's grid takes its residents into the worker's lists.
    await hub.query(
      `mutation ($b: [ID!]!, $to: ID!) { moveBuildings(input: { buildingIds: $b, toGridId: $to }) { id } }`,
      { b: [from.buildingIds[0]], to: to.id },
    );
    expect(await residentIdsOf(hub, from.id)).toEqual({ total: 1, ids: [r3.id] });
    expect(await residentIdsOf(workerClient, to.id)).toEqual({ total: 3, ids: [r1.id, r2.id, r4.id].sort() });
    const unfiltered = await workerClient.query(`{ residents(first: 100) { totalCount } }`);
    expect(unfiltered.residents.totalCount).toBe(3);

    // A resident moved to a household in another grid goes with it, and the mutation answers with the new grid.
    const moved = await hub.query(
      `mutation ($r: ID!, $h: ID!) { moveResident(input: { residentId: $r, toHouseholdId: $h, relationToHead: SPOUSE }) { grid { id } } }`,
      { r: r3.id, h: h3 },
    );
    expect(moved.moveResident.grid.id).toBe(to.id);
    expect(await residentIdsOf(workerClient, to.id)).toEqual({ total: 4, ids: [r1.id, r2.id, r3.id, r4.id].sort() });

    // Written in the database directly: a household moved between buildings, a grid written over.
    const connection = hub.hub.subgraphs.grid.database.orm.em.getConnection();
    await connection.execute(`update grid.household set building_id = ? where id = ?`, [from.buildingIds[1], h1]);
    await connection.execute(`update grid.resident set grid_id = ? where id = ?`, [from.id, r4.id]);
    expect(await residentIdsOf(hub, from.id)).toEqual({ total: 2, ids: [r1.id, r2.id].sort() });
    expect(await residentIdsOf(workerClient, to.id)).toEqual({ total: 2, ids: [r3.id, r4.id].sort() });
    expect(await disagreements()).toEqual([]);
  });

  it('refuses a resident of a household that does not exist, as a foreign key would', async () => {
    const connection = hub.hub.subgraphs.grid.database.orm.em.getConnection();
    await expect(
      connection.execute(
        `insert into grid.resident (id, name, gender, birth_date, id_number, household_id, relation_to_head, residence_type)
       values (gen_random_uuid(), '无户居民', 'MALE', '1960-03-01', ?, gen_random_uuid(), 'HEAD', 'REGISTERED')`,
        [makeNationalId('370783', '1960-03-01', 990)],
      ),
    ).rejects.toMatchObject({ code: '23503' });
  });
});
