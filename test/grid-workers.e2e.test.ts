import { demoDistrict } from '../lib/demo-district';
import { maskPhone } from '../lib/personal-data';
import { startTestHub, type TestHub } from './support/test-hub';

/** Grid workers (网格员), their assignments, visits and the grid's public card, through the gateway. */
let hub: TestHub;
const d = demoDistrict();
const [w0, , , w3, w4, w5, w6] = d.workers;
const ALL_SIX = [
  { duty: 'INFORMATION_COLLECTION', label: '信息采集员' },
  { duty: 'SANITATION_SUPERVISION', label: '环境卫生监督员' },
  { duty: 'DISPUTE_MEDIATION', label: '矛盾纠纷调解员' },
  { duty: 'POLICY_PUBLICITY', label: '政策法规宣传员' },
  { duty: 'CITY_MANAGEMENT_PATROL', label: '城市管理巡查员' },
  { duty: 'AFFAIRS_ON_BEHALF', label: '便民服务代办员' },
];
const label = (duty: string) => ALL_SIX.find((entry) => entry.duty === duty)!;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  code: string,
  field: string,
  tables: string[],
) {
  const before = await Promise.all(tables.map((table) => hub.count('grid', table)));
  const error = await hub.fail(query, variables);
  expect({ code: error.extensions?.code, field: error.extensions?.field }).toEqual({ code, field });
  expect(await Promise.all(tables.map((table) => hub.count('grid', table)))).toEqual(before);
  return error;
}

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();

describe("the demo district's workers", () => {
  it('returns a worker with the personal phone masked, the public contact, grids, assignments and visits', async () => {
    const data = await hub.query(
      `query ($id: ID!) { gridWorker(id: $id) {
        name kind department phone publicContact active
        assignments { role roleLabel duties endedAt grid { code } worker { id } }
        grids { code }
        visits { totalCount nodes { duty dutyLabel note household { id } grid { code } } }
      } }`,
      { id: w0.id },
    );
    expect(data.gridWorker).toEqual({
      name: w0.name,
      kind: 'FULL_TIME',
      department: null,
      phone: maskPhone(w0.phone),
      publicContact: '0536-5221001',
      active: true,
      assignments: [
        {
          role: 'FULL_TIME',
          roleLabel: '专职网格员',
          duties: ALL_SIX.map((entry) => entry.duty),
          endedAt: null,
          grid: { code: d.grids[0].code },
          worker: { id: w0.id },
        },
      ],
      grids: [{ code: d.grids[0].code }],
      visits: {
        totalCount: 2,
        nodes: [
          {
            duty: 'INFORMATION_COLLECTION',
            dutyLabel: '信息采集员',
            note: '入户核对实有人口信息',
            household: { id: d.households[0].id },
            grid: { code: d.grids[0].code },
          },
          {
            duty: 'AFFAIRS_ON_BEHALF',
            dutyLabel: '便民服务代办员',
            note: '代办高龄津贴申请材料',
            household: { id: d.households[1].id },
            grid: { code: d.grids[0].code },
          },
        ],
      },
    });
    expect(data.gridWorker.phone).toMatch(/^13\d\*{4}\d{4}$/);
  });

  it.each([
    ['kind', { kind: 'COORDINATOR' }, [w5, w6]],
    ['current grid (several persons one grid)', { gridId: d.grids[0].id }, [w0, w4, w5, w6]],
    ['current grid (one person several grids)', { gridId: d.grids[4].id }, [w3, w5]],
    ['kind and grid', { gridId: d.grids[0].id, kind: 'FULL_TIME' }, [w0]],
  ])('filters workers by %s', async (_name, filter, expected) => {
    const data = await hub.query(
      `query ($kind: WorkerKind, $gridId: ID, $active: Boolean) { gridWorkers(kind: $kind, gridId: $gridId, active: $active) { totalCount nodes { id } } }`,
      filter,
    );
    expect(ids(data.gridWorkers.nodes)).toEqual(ids(expected));
    expect(data.gridWorkers.totalCount).toBe(expected.length);
  });

  it.each([
    ['grid', { gridId: d.grids[0].id }, [1, 2, 3, 4]],
    ['worker', { workerId: w3.id }, [5, 6]],
    ['duty', { duty: 'DISPUTE_MEDIATION' }, [3]],
    ['period', { from: '2026-01-15T00:00:00Z', to: '2026-01-21T00:00:00Z' }, [3, 4, 5]],
    ['grid and period', { gridId: d.grids[0].id, from: '2026-01-15T11:00:00Z' }, [3, 4]],
  ])('filters visits by %s', async (_name, filter, numbers) => {
    const data = await hub.query(
      `query ($gridId: ID, $workerId: ID, $duty: WorkerDuty, $from: DateTimeISO, $to: DateTimeISO) {
        visits(gridId: $gridId, workerId: $workerId, duty: $duty, from: $from, to: $to) { totalCount nodes { id } }
      }`,
      filter,
    );
    expect(ids(data.visits.nodes)).toEqual(numbers.map((n) => d.visits[n - 1].id).sort());
    expect(data.visits.totalCount).toBe(numbers.length);
  });

  it('refuses a visit period that ends before it starts', async () => {
    const error = await hub.fail(`{ visits(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { totalCount } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});

describe('the public card (网格公示牌)', () => {
  it("shows names, roles, duties and work contacts of the grid's team, chief first", async () => {
    const data = await hub.query(
      `query ($code: String!) { gridCard(code: $code) {
      gridCode gridName communityName workers { name role roleLabel department duties { duty label } publicContact }
    } }`,
      { code: d.grids[0].code },
    );
    expect(data.gridCard).toEqual({
      gridCode: d.grids[0].code,
      gridName: '东城第一网格',
      communityName: '东城社区',
      workers: [
        {
          name: w0.name,
          role: 'FULL_TIME',
          roleLabel: '专职网格员',
          department: null,
          duties: ALL_SIX,
          publicContact: '0536-5221001',
        },
        {
          name: w4.name,
          role: 'PART_TIME',
          roleLabel: '兼职网格员',
          department: null,
          duties: ['INFORMATION_COLLECTION', 'DISPUTE_MEDIATION', 'POLICY_PUBLICITY'].map(label),
          publicContact: '0536-5221005',
        },
        {
          name: w5.name,
          role: 'COORDINATOR',
          roleLabel: '协管员',
          department: '公安派出所',
          duties: ['INFORMATION_COLLECTION', 'DISPUTE_MEDIATION', 'POLICY_PUBLICITY'].map(label),
          publicContact: '0536-5221006',
        },
        {
          name: w6.name,
          role: 'COORDINATOR',
          roleLabel: '协管员',
          department: '城市管理局',
          duties: ['SANITATION_SUPERVISION', 'CITY_MANAGEMENT_PATROL'].map(label),
          publicContact: '0536-5221007',
        },
      ],
    });
  });

  it('carries no personal phone and no resident data, and needs no login', async () => {
    const response = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query ($id: ID!) { gridCard(gridId: $id) { gridCode workers { name publicContact } } }`,
        variables: { id: d.grids[4].id },
      }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.gridCard.workers).toEqual([
      { name: w3.name, publicContact: '0536-5221004' },
      { name: w5.name, publicContact: '0536-5221006' },
    ]);
    const text = JSON.stringify(body);
    for (const worker of d.workers) expect(text).not.toContain(worker.phone);
    for (const resident of d.residents) expect(text).not.toContain(resident.name);
  });

  it('returns null for an unknown grid and asks for a grid when none is named', async () => {
    expect((await hub.query(`{ gridCard(code: "NOPE") { gridCode } }`)).gridCard).toBeNull();
    const error = await hub.fail(`{ gridCard { gridCode } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'gridId' });
  });
});

describe('managing workers and assignments', () => {
  const grids = { a: '', b: '', c: '', retired: '' };
  const workers: Record<string, string> = {};
  const CREATE_WORKER = `mutation ($input: CreateGridWorkerInput!) { createGridWorker(input: $input) { id name kind department phone publicContact active } }`;
  const ASSIGN = `mutation ($input: AssignWorkerInput!) { assignWorker(input: $input) { id role duties endedAt worker { id } grid { id } } }`;
  const RECORD_VISIT = `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id duty visitedAt note worker { id } grid { id } household { id } } }`;
  const assignments: Record<string, string> = {};

  beforeAll(async () => {
    const street = await hub.query(`mutation { createStreet(input: { code: "370783097", name: "配置街道" }) { id } }`);
    const community = await hub.query(
      `mutation ($s: ID!) { createCommunity(input: { streetId: $s, code: "370783097001", name: "配置社区" }) { id } }`,
      { s: street.createStreet.id },
    );
    for (const [key, n] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['retired', 4],
    ] as const) {
      const grid = await hub.query(
        `mutation ($c: ID!, $code: String!) { createGrid(input: { communityId: $c, code: $code, name: $code, kind: RESIDENTIAL }) { id } }`,
        { c: community.createCommunity.id, code: `370783097001${String(n).padStart(3, '0')}` },
      );
      grids[key] = grid.createGrid.id;
    }
    await hub.query(`mutation ($g: ID!) { retireGrid(input: { gridId: $g }) { status } }`, { g: grids.retired });
  });

  it('creates workers with a validated phone; the personal phone comes back masked', async () => {
    const plan: Array<[string, string, string | null, string]> = [
      ['chief', 'FULL_TIME', null, '13700000001'],
      ['roamer', 'FULL_TIME', null, '13700000002'],
      ['steward', 'PART_TIME', null, '13700000003'],
      ['patrol', 'COORDINATOR', '城市管理局', '13700000004'],
      ['single', 'FULL_TIME', null, '13700000005'],
    ];
    for (const [key, kind, department, phone] of plan) {
      const data = await hub.query(CREATE_WORKER, {
        input: { name: `网格员${key}`, kind, department, phone, publicContact: '12345' },
      });
      expect(data.createGridWorker).toMatchObject({
        name: `网格员${key}`,
        kind,
        department,
        phone: maskPhone(phone),
        publicContact: '12345',
        active: true,
      });
      workers[key] = data.createGridWorker.id;
    }
  });

  it.each([
    ['a phone that is no mobile number', { phone: '0536522123' }, 'input.phone'],
    ['a coordinator without a department', { kind: 'COORDINATOR' }, 'input.department'],
    ['a public contact that is no number', { publicContact: '找物业' }, 'input.publicContact'],
    ['an empty name', { name: '' }, 'input.name'],
  ])('refuses a worker with %s and writes nothing', async (_name, change, field) => {
    const input = { name: '周敏', kind: 'PART_TIME', phone: '13600000000', ...change };
    await expectRefused(CREATE_WORKER, { input }, 'BAD_USER_INPUT', field, ['grid.grid_worker']);
  });

  it('assigns in all three shapes: one person one grid, one person several grids, several persons one grid', async () => {
    const plan: Array<[string, string, string, string[] | null]> = [
      ['chief', 'a', 'GRID_CHIEF', null],
      ['roamer', 'a', 'FULL_TIME', null],
      ['roamer', 'b', 'FULL_TIME', null],
      ['steward', 'a', 'PART_TIME', null],
      ['patrol', 'a', 'COORDINATOR', ['CITY_MANAGEMENT_PATROL', 'SANITATION_SUPERVISION']],
      ['single', 'c', 'FULL_TIME', ['INFORMATION_COLLECTION']],
    ];
    for (const [worker, grid, role, duties] of plan) {
      const data = await hub.query(ASSIGN, {
        input: { workerId: workers[worker], gridId: grids[grid as keyof typeof grids], role, duties },
      });
      expect(data.assignWorker).toMatchObject({
        role,
        endedAt: null,
        worker: { id: workers[worker] },
        grid: { id: grids[grid as keyof typeof grids] },
      });
      assignments[`${worker}@${grid}`] = data.assignWorker.id;
    }
    // Duties left out are the role's default.
    expect(
      (await hub.query(ASSIGN, { input: { workerId: workers.steward, gridId: grids.b, role: 'PART_TIME' } }))
        .assignWorker.duties,
    ).toEqual(['INFORMATION_COLLECTION', 'DISPUTE_MEDIATION', 'POLICY_PUBLICITY']);

    const data = await hub.query(
      `query ($a: ID!, $b: ID!, $c: ID!, $roamer: ID!, $single: ID!) {
        team: grid(id: $a) { assignments { role duties worker { name } } }
        teamB: grid(id: $b) { assignments { role worker { name } } }
        teamC: grid(id: $c) { assignments { role worker { name } } }
        workersOfA: gridWorkers(gridId: $a) { nodes { id } }
        roamer: gridWorker(id: $roamer) { grids { id } }
        single: gridWorker(id: $single) { grids { id } }
      }`,
      { a: grids.a, b: grids.b, c: grids.c, roamer: workers.roamer, single: workers.single },
    );
    expect(data.team.assignments).toEqual([
      { role: 'GRID_CHIEF', duties: ALL_SIX.map((e) => e.duty), worker: { name: '网格员chief' } },
      { role: 'FULL_TIME', duties: ALL_SIX.map((e) => e.duty), worker: { name: '网格员roamer' } },
      {
        role: 'PART_TIME',
        duties: ['INFORMATION_COLLECTION', 'DISPUTE_MEDIATION', 'POLICY_PUBLICITY'],
        worker: { name: '网格员steward' },
      },
      {
        role: 'COORDINATOR',
        duties: ['SANITATION_SUPERVISION', 'CITY_MANAGEMENT_PATROL'],
        worker: { name: '网格员patrol' },
      },
    ]);
    // Three grids' teams asked in one request are read together: each gets its own.
    expect(data.teamB.assignments).toEqual([
      { role: 'FULL_TIME', worker: { name: '网格员roamer' } },
      { role: 'PART_TIME', worker: { name: '网格员steward' } },
    ]);
    expect(data.teamC.assignments).toEqual([{ role: 'FULL_TIME', worker: { name: '网格员single' } }]);
    expect(ids(data.workersOfA.nodes)).toEqual([workers.chief, workers.roamer, workers.steward, workers.patrol].sort());
    expect(data.roamer.grids.map((g: any) => g.id).sort()).toEqual([grids.a, grids.b].sort());
    expect(data.single.grids).toEqual([{ id: grids.c }]);
  });

  it.each([
    [
      'the same worker to the same grid twice',
      () => ({ workerId: workers.roamer, gridId: grids.a, role: 'FULL_TIME' }),
      'CONFLICT',
      'input.workerId',
    ],
    [
      'a second grid chief',
      () => ({ workerId: workers.single, gridId: grids.a, role: 'GRID_CHIEF' }),
      'CONFLICT',
      'input.role',
    ],
    [
      'a coordinator as grid chief',
      () => ({ workerId: workers.patrol, gridId: grids.b, role: 'GRID_CHIEF' }),
      'BAD_USER_INPUT',
      'input.role',
    ],
    [
      'a full-time worker as coordinator',
      () => ({ workerId: workers.single, gridId: grids.b, role: 'COORDINATOR' }),
      'BAD_USER_INPUT',
      'input.role',
    ],
    [
      'a retired grid',
      () => ({ workerId: workers.single, gridId: grids.retired, role: 'FULL_TIME' }),
      'CONFLICT',
      'input.gridId',
    ],
    [
      'an unknown worker',
      () => ({ workerId: grids.a, gridId: grids.b, role: 'FULL_TIME' }),
      'NOT_FOUND',
      'input.workerId',
    ],
    [
      'an unknown grid',
      () => ({ workerId: workers.single, gridId: workers.single, role: 'FULL_TIME' }),
      'NOT_FOUND',
      'input.gridId',
    ],
    [
      'an empty list of duties',
      () => ({ workerId: workers.single, gridId: grids.b, role: 'FULL_TIME', duties: [] }),
      'BAD_USER_INPUT',
      'input.duties',
    ],
  ])('refuses assigning %s and writes nothing', async (_name, input, code, field) => {
    await expectRefused(ASSIGN, { input: input() }, code, field, ['grid.grid_assignment']);
  });

  it('unassigns by closing the period, keeps the history, and refuses unassigning twice', async () => {
    const UNASSIGN = `mutation ($id: ID!) { unassignWorker(assignmentId: $id) { id endedAt } }`;
    const closed = await hub.query(UNASSIGN, { id: assignments['chief@a'] });
    expect(Date.parse(closed.unassignWorker.endedAt)).toBeLessThanOrEqual(Date.now());
    await expectRefused(UNASSIGN, { id: assignments['chief@a'] }, 'CONFLICT', 'assignmentId', ['grid.grid_assignment']);
    const data = await hub.query(
      `query ($id: ID!) { gridWorker(id: $id) { assignments { id } grids { id } assignmentHistory { id role endedAt } } }`,
      { id: workers.chief },
    );
    expect(data.gridWorker).toEqual({
      assignments: [],
      grids: [],
      assignmentHistory: [{ id: assignments['chief@a'], role: 'GRID_CHIEF', endedAt: closed.unassignWorker.endedAt }],
    });
    // The grid may have a chief again, and a worker may return to a grid after leaving it.
    const newChief = await hub.query(ASSIGN, {
      input: { workerId: workers.single, gridId: grids.a, role: 'GRID_CHIEF' },
    });
    expect(newChief.assignWorker.role).toBe('GRID_CHIEF');
  });

  it('refuses retiring a worker who still serves a grid, or a kind their roles do not fit', async () => {
    const UPDATE = `mutation ($input: UpdateGridWorkerInput!) { updateGridWorker(input: $input) { id kind active phone publicContact } }`;
    await expectRefused(UPDATE, { input: { id: workers.roamer, active: false } }, 'CONFLICT', 'input.active', [
      'grid.grid_worker',
    ]);
    await expectRefused(
      UPDATE,
      { input: { id: workers.steward, kind: 'COORDINATOR', department: '环卫处' } },
      'CONFLICT',
      'input.kind',
      ['grid.grid_worker'],
    );
    await expectRefused(UPDATE, { input: { id: workers.steward, phone: '110' } }, 'BAD_USER_INPUT', 'input.phone', [
      'grid.grid_worker',
    ]);
    const steward = await hub.query(`query ($id: ID!) { gridWorker(id: $id) { kind department phone } }`, {
      id: workers.steward,
    });
    expect(steward.gridWorker).toEqual({ kind: 'PART_TIME', department: null, phone: '137****0003' });

    const retired = await hub.query(UPDATE, {
      input: { id: workers.chief, active: false, publicContact: null, phone: '13811112222' },
    });
    expect(retired.updateGridWorker).toEqual({
      id: workers.chief,
      kind: 'FULL_TIME',
      active: false,
      phone: '138****2222',
      publicContact: null,
    });
    const inactive = await hub.query(`{ gridWorkers(active: false) { nodes { id } } }`);
    expect(inactive.gridWorkers.nodes).toEqual([{ id: workers.chief }]);
    await expectRefused(
      ASSIGN,
      { input: { workerId: workers.chief, gridId: grids.b, role: 'FULL_TIME' } },
      'CONFLICT',
      'input.workerId',
      ['grid.grid_assignment'],
    );
  });

  describe('visits', () => {
    const place = { householdInB: '', householdInA: '' };

    beforeAll(async () => {
      for (const [key, grid] of [
        ['householdInB', grids.b],
        ['householdInA', grids.a],
      ] as const) {
        const building = await hub.query(
          `mutation ($g: ID!, $code: String!) { createBuilding(input: { gridId: $g, code: $code, address: "配置路1号" }) { id } }`,
          {
            g: grid,
            code: `${key.toUpperCase().replace(/[^A-Z]/g, '')}-1`,
          },
        );
        const household = await hub.query(
          `mutation ($b: ID!) { createHousehold(input: { buildingId: $b, unit: "1", room: "101", tenure: OWNER_OCCUPIED }) { id } }`,
          { b: building.createBuilding.id },
        );
        place[key] = household.createHousehold.id;
      }
    });

    it('records a visit by a worker serving the grid, with a household of that grid', async () => {
      const visitedAt = new Date(Date.now() - 3600_000).toISOString();
      const data = await hub.query(RECORD_VISIT, {
        input: {
          workerId: workers.roamer,
          gridId: grids.b,
          duty: 'AFFAIRS_ON_BEHALF',
          visitedAt,
          note: ' 代办居住证明 ',
          householdId: place.householdInB,
        },
      });
      expect(data.recordVisit).toMatchObject({
        duty: 'AFFAIRS_ON_BEHALF',
        visitedAt,
        note: '代办居住证明',
        worker: { id: workers.roamer },
        grid: { id: grids.b },
        household: { id: place.householdInB },
      });
      const listed = await hub.query(`query ($g: ID!) { grid(id: $g) { visits { totalCount nodes { id } } } }`, {
        g: grids.b,
      });
      expect(listed.grid.visits).toEqual({ totalCount: 1, nodes: [{ id: data.recordVisit.id }] });
    });

    it.each([
      [
        'a worker not serving the grid',
        () => ({ workerId: workers.patrol, gridId: grids.b }),
        'CONFLICT',
        'input.gridId',
      ],
      [
        'a worker whose assignment ended',
        () => ({ workerId: workers.chief, gridId: grids.a }),
        'CONFLICT',
        'input.gridId',
      ],
      [
        'a household of another grid',
        () => ({ householdId: place.householdInA }),
        'BAD_USER_INPUT',
        'input.householdId',
      ],
      ['an unknown household', () => ({ householdId: grids.b }), 'NOT_FOUND', 'input.householdId'],
      [
        'a time in the future',
        () => ({ visitedAt: new Date(Date.now() + 86400_000).toISOString() }),
        'BAD_USER_INPUT',
        'input.visitedAt',
      ],
      ['an empty note', () => ({ note: '  ' }), 'BAD_USER_INPUT', 'input.note'],
      ['an unknown worker', () => ({ workerId: grids.a }), 'NOT_FOUND', 'input.workerId'],
    ])('refuses a visit with %s and writes nothing', async (_name, change, code, field) => {
      const input = {
        workerId: workers.roamer,
        gridId: grids.b,
        duty: 'INFORMATION_COLLECTION',
        visitedAt: new Date(Date.now() - 60_000).toISOString(),
        note: '入户走访',
        householdId: place.householdInB,
        ...change(),
      };
      await expectRefused(RECORD_VISIT, { input }, code, field, ['grid.visit']);
    });
  });
});

describe('batching workers', () => {
  const batch = { gridId: '' };

  beforeAll(async () => {
    const street = await hub.query(
      `mutation { createStreet(input: { code: "370783096", name: "批量网格员街道" }) { id } }`,
    );
    const community = await hub.query(
      `mutation ($s: ID!) { createCommunity(input: { streetId: $s, code: "370783096001", name: "批量网格员社区" }) { id } }`,
      { s: street.createStreet.id },
    );
    const gridIds: string[] = [];
    for (let g = 0; g <= 5; g += 1) {
      const grid = await hub.query(
        `mutation ($c: ID!, $code: String!) { createGrid(input: { communityId: $c, code: $code, name: $code, kind: MIXED }) { id } }`,
        { c: community.createCommunity.id, code: `370783096001${String(g).padStart(3, '0')}` },
      );
      gridIds.push(grid.createGrid.id);
    }
    batch.gridId = gridIds[0];
    for (let n = 1; n <= 50; n += 1) {
      const worker = await hub.query(
        `mutation ($input: CreateGridWorkerInput!) { createGridWorker(input: $input) { id } }`,
        {
          input: {
            name: `批量${n}`,
            kind: 'PART_TIME',
            phone: `1360000${String(n).padStart(4, '0')}`,
            publicContact: `0536-52${String(n).padStart(5, '0')}`,
          },
        },
      );
      // Every worker serves the shared grid and one of five others (多人一网 and 一人多网 at once).
      for (const gridId of [gridIds[0], gridIds[1 + (n % 5)]]) {
        await hub.query(
          `mutation ($w: ID!, $g: ID!) { assignWorker(input: { workerId: $w, gridId: $g, role: PART_TIME }) { id } }`,
          {
            w: worker.createGridWorker.id,
            g: gridId,
          },
        );
      }
    }
  });

  it('resolves 50 workers with assignments, grids and visits in as many statements as 5', async () => {
    const query = `query ($g: ID!, $first: Int!) { gridWorkers(gridId: $g, first: $first) { nodes {
      name phone publicContact
      assignments { role grid { code community { name } } worker { name } }
      grids { code }
      visits(first: 3) { totalCount nodes { id } }
    } } }`;
    const run = async (first: number) => {
      const before = hub.sql('grid');
      const data = await hub.query(query, { g: batch.gridId, first });
      return { nodes: data.gridWorkers.nodes, statements: hub.sql('grid') - before };
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(five.nodes).toHaveLength(5);
    expect(fifty.nodes).toHaveLength(50);
    expect(fifty.nodes[49]).toEqual({
      name: '批量50',
      phone: '136****0050',
      publicContact: '0536-5200050',
      assignments: [
        {
          role: 'PART_TIME',
          grid: { code: '370783096001000', community: { name: '批量网格员社区' } },
          worker: { name: '批量50' },
        },
        {
          role: 'PART_TIME',
          grid: { code: '370783096001001', community: { name: '批量网格员社区' } },
          worker: { name: '批量50' },
        },
      ],
      grids: [{ code: '370783096001000' }, { code: '370783096001001' }],
      visits: { totalCount: 0, nodes: [] },
    });
    expect(fifty.statements).toBe(five.statements);
  });

  it('builds the card of a grid with 50 workers in four statements', async () => {
    const before = hub.sql('grid');
    const data = await hub.query(
      `query ($g: ID!) { gridCard(gridId: $g) { workers { name roleLabel duties { label } publicContact } } }`,
      { g: batch.gridId },
    );
    const statements = hub.sql('grid') - before;
    expect(data.gridCard.workers).toHaveLength(50);
    expect(data.gridCard.workers[0]).toEqual({
      name: '批量1',
      roleLabel: '兼职网格员',
      duties: [{ label: '信息采集员' }, { label: '矛盾纠纷调解员' }, { label: '政策法规宣传员' }],
      publicContact: '0536-5200001',
    });
    // grid, community, assignments, workers.
    expect(statements).toBe(4);
  });
});
