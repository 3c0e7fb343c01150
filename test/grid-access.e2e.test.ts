import { demoDistrict, demoId } from '../lib/demo-district';
import { makeNationalId } from '../lib/national-id';
import { maskIdNumber, maskPhone } from '../lib/personal-data';
import { startTestHub, type TestClient, type TestHub } from './support/test-hub';

/**
 * Who sees what of the governance office's records, through the gateway over the demo district:
 * grid A is 西关第一网格 (grids[2]), served by workers[2] alone; grid B is 东城第二网格 (grids[1]).
 */
let hub: TestHub;
const d = demoDistrict();
const gridOfHousehold = new Map(
  d.households.map((h) => [h.id, d.buildings.find((b) => b.id === h.buildingId)!.gridId]),
);
const gridOfResident = (r: (typeof d.residents)[number]) => gridOfHousehold.get(r.householdId)!;
const idsIn = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();
const residentsIn = (...gridIds: string[]) => d.residents.filter((r) => gridIds.includes(gridOfResident(r)));
const householdsIn = (...gridIds: string[]) => d.households.filter((h) => gridIds.includes(gridOfHousehold.get(h.id)!));

const GRID_A = d.grids[2];
const GRID_B = d.grids[1];
const WORKER_A = d.workers[2];
const inA = residentsIn(GRID_A.id);
const inB = residentsIn(GRID_B.id);
const PURPOSE = '入户走访核实';
const workerIdentity = { role: 'GRID_WORKER' as const, claims: { workerId: WORKER_A.id }, subject: 'worker-a' };

let worker: TestClient;
let auditor: TestClient;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
  worker = await hub.as(workerIdentity);
  auditor = await hub.as({ role: 'AUDITOR', subject: 'auditor-1' });
});
afterAll(() => hub?.stop());

const ACCESS_RECORDS = `query ($r: ID!) { gridPersonalDataAccesses(filter: { recordId: $r }) {
  totalCount nodes { actor role purpose recordType recordId field outcome }
} }`;

async function accessRecordsOf(recordId: string) {
  return (await auditor.query(ACCESS_RECORDS, { r: recordId })).gridPersonalDataAccesses;
}

/** An operation that must be refused with `code`, leaving every named table as it was. */
async function expectRefused(
  client: TestClient,
  query: string,
  variables: Record<string, unknown>,
  code: string,
  tables: string[],
) {
  const before = await Promise.all(tables.map((table) => hub.count('grid', table)));
  const error = await client.fail(query, variables);
  expect(error.extensions?.code).toBe(code);
  expect(await Promise.all(tables.map((table) => hub.count('grid', table)))).toEqual(before);
  return error;
}

describe('a grid worker sees the residents of their grid only', () => {
  it('pins the fixture: worker A serves grid A alone, and both grids hold residents', () => {
    expect(d.assignments.filter((a) => a.workerId === WORKER_A.id).map((a) => a.gridId)).toEqual([GRID_A.id]);
    expect(inA).toHaveLength(10);
    expect(inB).toHaveLength(10);
  });

  it("lists grid A's residents, with totalCount and pages counted within the territory", async () => {
    const all = await worker.query(`{ residents(first: 100) { totalCount nodes { id careTags } } }`);
    expect(idsIn(all.residents.nodes)).toEqual(idsIn(inA));
    expect(all.residents.totalCount).toBe(inA.length);
    const page = await worker.query(`{ residents(first: 4) { totalCount pageInfo { hasNextPage } nodes { id } } }`);
    expect(page.residents).toMatchObject({ totalCount: inA.length, pageInfo: { hasNextPage: true } });
    expect(page.residents.nodes).toHaveLength(4);
    const filtered = await worker.query(`query ($g: ID!) { residents(gridId: $g) { totalCount nodes { id } } }`, {
      g: GRID_B.id,
    });
    expect(filtered.residents).toEqual({ totalCount: 0, nodes: [] });
  });

  it('reads a resident of grid A with care tags, and is refused one of grid B, naming its scope, with the attempt recorded', async () => {
    const mine = inA.find((r) => r.careTags.length) ?? inA[0];
    const data = await worker.query(`query ($id: ID!) { resident(id: $id) { id idNumber phone careTags } }`, {
      id: mine.id,
    });
    expect(data.resident).toEqual({
      id: mine.id,
      idNumber: maskIdNumber(mine.idNumber),
      phone: maskPhone(mine.phone!),
      careTags: mine.careTags,
    });
    const other = inB[3];
    const error = await worker.fail(`query ($id: ID!) { resident(id: $id) { id name } }`, { id: other.id });
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'id',
      scope: `GRID_WORKER:workerId=${WORKER_A.id}`,
    });
    expect((await accessRecordsOf(other.id)).nodes).toEqual([
      {
        actor: 'worker-a',
        role: 'GRID_WORKER',
        purpose: null,
        recordType: 'Resident',
        recordId: other.id,
        field: 'record',
        outcome: 'REFUSED',
      },
    ]);
  });

  it("lists grid A's households, refuses one of grid B, and sees grid B's map without its people", async () => {
    const list = await worker.query(`{ households(first: 100) { totalCount nodes { id residents { totalCount } } } }`);
    expect(idsIn(list.households.nodes)).toEqual(idsIn(householdsIn(GRID_A.id)));
    expect(list.households.totalCount).toBe(householdsIn(GRID_A.id).length);
    const household = householdsIn(GRID_B.id)[0];
    expect(
      (await worker.fail(`query ($id: ID!) { household(id: $id) { id } }`, { id: household.id })).extensions?.code,
    ).toBe('FORBIDDEN');
    const grid = await worker.query(
      `query ($id: ID!) { grid(id: $id) { name householdCount buildings { nodes { code householdCount households { totalCount nodes { id } } } } visits { totalCount } } }`,
      { id: GRID_B.id },
    );
    expect(grid.grid.name).toBe(GRID_B.name);
    expect(grid.grid.householdCount).toBe(householdsIn(GRID_B.id).length);
    expect(
      grid.grid.buildings.nodes.map((b: any) => [b.householdCount, b.households.totalCount, b.households.nodes.length]),
    ).toEqual([
      [4, 0, 0],
      [4, 0, 0],
    ]);
    expect(grid.grid.visits.totalCount).toBe(0);
  });

  it('resolves a resident of grid B referenced by a case in grid A to null', async () => {
    const data = await worker.query(`query ($id: ID!) { case(id: $id) { id grid { id } reporter { id name } } }`, {
      id: demoId(204, 2),
    });
    expect(data.case).toEqual({ id: demoId(204, 2), grid: { id: GRID_A.id }, reporter: null });
    expect(gridOfResident(d.residents[10])).toBe(GRID_B.id);
    const admin = await hub.query(`query ($id: ID!) { case(id: $id) { reporter { id } } }`, { id: demoId(204, 2) });
    expect(admin.case.reporter).toEqual({ id: d.residents[10].id });
  });

  it('resolves the resident behind a Party member to null for a Party organisation, which sees no people records', async () => {
    const branch = await hub.as({ role: 'PARTY_ORG', claims: { organizationId: demoId(103, 1) } });
    const data = await branch.query(`query ($id: ID!) { partyMember(id: $id) { id resident { id name } } }`, {
      id: demoId(106, 1),
    });
    expect(data.partyMember).toEqual({ id: demoId(106, 1), resident: null });
    expect((await branch.fail(`{ residents { totalCount } }`)).extensions).toMatchObject({
      code: 'FORBIDDEN',
      scope: 'people-records',
    });
  });

  it('shows a grid worker who serves no grid no residents at all', async () => {
    const created = await hub.query(
      `mutation { createGridWorker(input: { name: "待岗网格员", kind: PART_TIME, phone: "13700000002" }) { id } }`,
    );
    const idle = await hub.as({ role: 'GRID_WORKER', claims: { workerId: created.createGridWorker.id } });
    const data = await idle.query(
      `{ residents { totalCount nodes { id } } households { totalCount } visits { totalCount } }`,
    );
    expect(data).toEqual({
      residents: { totalCount: 0, nodes: [] },
      households: { totalCount: 0 },
      visits: { totalCount: 0 },
    });
  });

  it('resolves entity references of residents and households outside the territory to null, in the subgraph itself', async () => {
    const territory = { streetIds: [d.streets[0].id], communityIds: [GRID_A.communityId], gridIds: [GRID_A.id] };
    const direct = await hub.direct('grid', {
      subject: 'worker-a',
      role: 'GRID_WORKER',
      claims: { workerId: WORKER_A.id },
      territory,
    });
    const data = await direct.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id name } ... on Household { id room } } }`,
      {
        r: [
          { __typename: 'Resident', id: inA[0].id },
          { __typename: 'Resident', id: inB[0].id },
          { __typename: 'Household', id: inA[0].householdId },
          { __typename: 'Household', id: inB[0].householdId },
        ],
      },
    );
    const householdA = d.households.find((h) => h.id === inA[0].householdId)!;
    expect(data._entities).toEqual([
      { id: inA[0].id, name: inA[0].name },
      null,
      { id: householdA.id, room: householdA.room },
      null,
    ]);
  });

  it('sees the visits of its own grids only', async () => {
    const coordinator = await hub.as({ role: 'GRID_WORKER', claims: { workerId: d.workers[3].id } });
    const servesGrids = [d.grids[3].id, d.grids[4].id];
    const list = await coordinator.query(`{ visits(first: 100) { totalCount nodes { id household { id } } } }`);
    expect(idsIn(list.visits.nodes)).toEqual(idsIn(d.visits.filter((v) => servesGrids.includes(v.gridId))));
    expect(list.visits.totalCount).toBe(2);
    const elsewhere = d.visits.find((v) => v.gridId === d.grids[0].id)!;
    expect(
      (await coordinator.fail(`query ($id: ID!) { visit(id: $id) { id } }`, { id: elsewhere.id })).extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('street and community staff see their territory', () => {
  it("gives a street's staff every resident of the street's grids", async () => {
    const staff = await hub.as({ role: 'STREET_STAFF', claims: { streetId: d.streets[1].id } });
    const data = await staff.query(`{ residents(first: 100) { totalCount nodes { id } } households { totalCount } }`);
    expect(idsIn(data.residents.nodes)).toEqual(idsIn(residentsIn(d.grids[4].id)));
    expect(data.households.totalCount).toBe(householdsIn(d.grids[4].id).length);
  });

  it("gives a community's staff the residents of the community's grids, and refuses others by id", async () => {
    const staff = await hub.as({ role: 'COMMUNITY_STAFF', claims: { communityId: d.communities[1].id } });
    const data = await staff.query(`{ residents(first: 100) { totalCount nodes { id } } }`);
    expect(idsIn(data.residents.nodes)).toEqual(idsIn(residentsIn(d.grids[2].id, d.grids[3].id)));
    expect(data.residents.totalCount).toBe(20);
    expect(
      (await staff.fail(`query ($id: ID!) { resident(id: $id) { id } }`, { id: d.residents[0].id })).extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('a resident sees only themself', () => {
  const me = inA.find((r) => d.residents.filter((o) => o.householdId === r.householdId).length === 2)!;
  const spouse = d.residents.find((r) => r.householdId === me.householdId && r.id !== me.id)!;
  let client: TestClient;
  beforeAll(async () => {
    client = await hub.as({ role: 'RESIDENT', claims: { residentId: me.id } });
  });

  it('reads their own record with care tags, and their household with themself in it', async () => {
    const data = await client.query(
      `query ($id: ID!) { resident(id: $id) { id careTags household { id residents { totalCount nodes { id } } } } residents { totalCount nodes { id } } households { totalCount nodes { id } } }`,
      { id: me.id },
    );
    expect(data.resident).toEqual({
      id: me.id,
      careTags: me.careTags,
      household: { id: me.householdId, residents: { totalCount: 1, nodes: [{ id: me.id }] } },
    });
    expect(data.residents).toEqual({ totalCount: 1, nodes: [{ id: me.id }] });
    expect(data.households).toEqual({ totalCount: 1, nodes: [{ id: me.householdId }] });
  });

  it("finds only their own household in their building's list of households", async () => {
    const buildingId = d.households.find((h) => h.id === me.householdId)!.buildingId;
    expect(d.households.filter((h) => h.buildingId === buildingId).length).toBeGreaterThan(1);
    const data = await client.query(
      `query ($id: ID!) { resident(id: $id) { household { building { households { totalCount nodes { id } } } } } }`,
      { id: me.id },
    );
    expect(data.resident.household.building.households).toEqual({ totalCount: 1, nodes: [{ id: me.householdId }] });
  });

  it("is refused their spouse's record, another household and the visit log", async () => {
    expect(
      (await client.fail(`query ($id: ID!) { resident(id: $id) { id } }`, { id: spouse.id })).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await client.fail(`query ($id: ID!) { household(id: $id) { id } }`, { id: inB[0].householdId })).extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect((await client.fail(`{ visits { totalCount } }`)).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('personal values: masked by default, in full with a purpose in scope, every full read recorded', () => {
  it('gives a worker in scope the full ID number for a stated purpose, and records exactly one granted access', async () => {
    const target = inA[4]; // read by no one else in this file
    const masked = await worker.query(`query ($id: ID!) { resident(id: $id) { idNumber phone } }`, { id: target.id });
    expect(masked.resident).toEqual({ idNumber: maskIdNumber(target.idNumber), phone: maskPhone(target.phone!) });
    expect((await accessRecordsOf(target.id)).totalCount).toBe(0);
    const withPurpose = await hub.as({ ...workerIdentity, purpose: PURPOSE });
    const full = await withPurpose.query(
      `query ($id: ID!) { resident(id: $id) { idNumber } again: resident(id: $id) { idNumber } }`,
      { id: target.id },
    );
    expect(full).toEqual({ resident: { idNumber: target.idNumber }, again: { idNumber: target.idNumber } });
    const records = await accessRecordsOf(target.id);
    expect(records).toEqual({
      totalCount: 1,
      nodes: [
        {
          actor: 'worker-a',
          role: 'GRID_WORKER',
          purpose: PURPOSE,
          recordType: 'Resident',
          recordId: target.id,
          field: 'idNumber',
          outcome: 'GRANTED',
        },
      ],
    });
  });

  it('refuses a worker with a purpose out of scope, and records the refusal once', async () => {
    const target = inB[1];
    const withPurpose = await hub.as({ ...workerIdentity, purpose: PURPOSE });
    const error = await withPurpose.fail(`query ($id: ID!) { resident(id: $id) { idNumber } }`, { id: target.id });
    expect(error.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(error)).not.toContain(target.idNumber);
    expect((await accessRecordsOf(target.id)).nodes).toEqual([
      {
        actor: 'worker-a',
        role: 'GRID_WORKER',
        purpose: PURPOSE,
        recordType: 'Resident',
        recordId: target.id,
        field: 'record',
        outcome: 'REFUSED',
      },
    ]);
  });

  it('refuses an analyst the full value even with a purpose, and records the refusal', async () => {
    const target = inB[2];
    const analyst = await hub.as({ role: 'ANALYST', subject: 'analyst-1', purpose: '统计核对' });
    const error = await analyst.fail(`query ($id: ID!) { resident(id: $id) { idNumber } }`, { id: target.id });
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'idNumber' });
    expect((await accessRecordsOf(target.id)).nodes).toEqual([
      {
        actor: 'analyst-1',
        role: 'ANALYST',
        purpose: '统计核对',
        recordType: 'Resident',
        recordId: target.id,
        field: 'idNumber',
        outcome: 'REFUSED',
      },
    ]);
  });

  it("masks a worker's own phone, and gives it in full to the worker themself and to staff of their grid, not to others", async () => {
    const query = `query ($id: ID!) { gridWorker(id: $id) { name phone } }`;
    expect((await worker.query(query, { id: WORKER_A.id })).gridWorker).toEqual({
      name: WORKER_A.name,
      phone: maskPhone(WORKER_A.phone),
    });
    const self = await hub.as({ ...workerIdentity, purpose: '核对本人联系方式' });
    expect((await self.query(query, { id: WORKER_A.id })).gridWorker.phone).toBe(WORKER_A.phone);
    const staff = await hub.as({
      role: 'COMMUNITY_STAFF',
      claims: { communityId: GRID_A.communityId },
      purpose: '联系网格员',
    });
    expect((await staff.query(query, { id: WORKER_A.id })).gridWorker.phone).toBe(WORKER_A.phone);
    const otherStaff = await hub.as({
      role: 'COMMUNITY_STAFF',
      claims: { communityId: d.communities[2].id },
      purpose: '联系网格员',
    });
    expect((await otherStaff.fail(query, { id: WORKER_A.id })).extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'phone',
    });
  });
});

describe('care tags and the access records', () => {
  it('hides care tags from analysts and auditors, and refuses them a care-tag filter', async () => {
    const tagged = d.residents.find((r) => r.careTags.length)!;
    for (const role of ['ANALYST', 'AUDITOR'] as const) {
      const client = await hub.as({ role });
      const data = await client.query(`query ($id: ID!) { resident(id: $id) { id careTags idNumber } }`, {
        id: tagged.id,
      });
      expect(data.resident).toEqual({ id: tagged.id, careTags: null, idNumber: maskIdNumber(tagged.idNumber) });
      const error = await client.fail(`{ residents(careTags: [OVER_80]) { totalCount } }`);
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'careTags' });
    }
    const admin = await hub.query(`query ($id: ID!) { resident(id: $id) { careTags } }`, { id: tagged.id });
    expect(admin.resident.careTags).toEqual(tagged.careTags);
  });

  it('lets an auditor read the access records and refuses a grid worker', async () => {
    const data = await auditor.query(
      `{ gridPersonalDataAccesses(filter: { outcome: "GRANTED" }) { totalCount nodes { actor field } } }`,
    );
    expect(data.gridPersonalDataAccesses.totalCount).toBeGreaterThanOrEqual(1);
    const error = await worker.fail(`{ gridPersonalDataAccesses { totalCount } }`);
    expect(error.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses changing or deleting an access record in the database itself', async () => {
    const connection = hub.hub.subgraphs.grid.database.orm.em.getConnection();
    const before = await hub.count('grid', 'grid.personal_data_access');
    expect(before).toBeGreaterThan(0);
    await expect(connection.execute(`update grid.personal_data_access set purpose = 'changed'`)).rejects.toThrow(
      /cannot be changed or deleted/,
    );
    await expect(connection.execute(`delete from grid.personal_data_access`)).rejects.toThrow(
      /cannot be changed or deleted/,
    );
    expect(await hub.count('grid', 'grid.personal_data_access')).toBe(before);
    const rows = await connection.execute(
      `select count(*)::int as n from grid.personal_data_access where purpose = 'changed'`,
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('callers without a token', () => {
  it("get the grid's public card and nothing else", async () => {
    const card = await hub.anonymous.query(
      `query ($id: ID!) { gridCard(gridId: $id) { gridCode workers { name publicContact } } }`,
      { id: GRID_A.id },
    );
    expect(card.gridCard).toEqual({
      gridCode: GRID_A.code,
      workers: [{ name: WORKER_A.name, publicContact: WORKER_A.publicContact }],
    });
    for (const query of [
      `{ residents { totalCount } }`,
      `{ grids { totalCount } }`,
      `query ($id: ID!) { resident(id: $id) { name } }`,
    ]) {
      const error = await hub.anonymous.fail(query, { id: inA[0].id });
      expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    await expectRefused(
      hub.anonymous,
      `mutation { createStreet(input: { code: "370783077", name: "匿名街道" }) { id } }`,
      {},
      'UNAUTHENTICATED',
      ['grid.street'],
    );
  });
});

describe("writes outside the caller's scope", () => {
  const CREATE_HOUSEHOLD = `mutation ($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`;
  const CREATE_RESIDENT = `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id careTags grid { id } } }`;
  const people = ['grid.household', 'grid.resident', 'grid.record_change', 'grid.visit'];
  const newcomer = (householdId: string, n: number) => ({
    householdId,
    name: '新住户',
    idNumber: makeNationalId('370783', '1990-03-03', 300 + n),
    relationToHead: 'HEAD',
    residenceType: 'FLOATING',
    careTags: [],
  });
  const vacantIn = (gridId: string) => householdsIn(gridId).find((h) => h.tenure === 'VACANT')!;

  it("refuses a grid worker's household, resident, move and visit in grid B, writing nothing", async () => {
    const buildingB = d.buildings.find((b) => b.gridId === GRID_B.id)!;
    await expectRefused(
      worker,
      CREATE_HOUSEHOLD,
      { input: { buildingId: buildingB.id, unit: '9', room: '901', tenure: 'RENTED' } },
      'FORBIDDEN',
      people,
    );
    await expectRefused(worker, CREATE_RESIDENT, { input: newcomer(vacantIn(GRID_B.id).id, 1) }, 'FORBIDDEN', people);
    await expectRefused(
      worker,
      `mutation ($id: ID!) { updateResident(input: { id: $id, phone: "13900000000" }) { id } }`,
      { id: inB[0].id },
      'FORBIDDEN',
      people,
    );
    const moveOut = await expectRefused(
      worker,
      `mutation ($input: MoveResidentInput!) { moveResident(input: $input) { id } }`,
      { input: { residentId: inA[0].id, toHouseholdId: vacantIn(GRID_B.id).id, relationToHead: 'HEAD' } },
      'FORBIDDEN',
      people,
    );
    // The refusal names the argument and the caller's scope, not the grid the household lies in.
    expect(moveOut.extensions).toMatchObject({
      field: 'input.toHouseholdId',
      scope: `GRID_WORKER:workerId=${WORKER_A.id}`,
    });
    expect(JSON.stringify(moveOut)).not.toContain(GRID_B.id);
    await expectRefused(
      worker,
      `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id } }`,
      {
        input: {
          workerId: WORKER_A.id,
          gridId: GRID_B.id,
          duty: 'POLICY_PUBLICITY',
          visitedAt: '2026-02-01T02:00:00Z',
          note: '越界走访',
        },
      },
      'FORBIDDEN',
      people,
    );
  });

  it("refuses the map to a grid worker, and a street's staff outside their street, writing nothing", async () => {
    const map = [
      'grid.street',
      'grid.community',
      'grid.grid',
      'grid.building',
      'grid.grid_change',
      'grid.grid_assignment',
    ];
    const createGrid = `mutation ($c: ID!) { createGrid(input: { communityId: $c, code: "370783001001099", name: "越界网格", kind: MIXED }) { id } }`;
    await expectRefused(worker, createGrid, { c: GRID_A.communityId }, 'FORBIDDEN', map);
    const street2 = await hub.as({ role: 'STREET_STAFF', claims: { streetId: d.streets[1].id } });
    const error = await expectRefused(street2, createGrid, { c: GRID_A.communityId }, 'FORBIDDEN', map);
    expect(error.extensions).toMatchObject({
      field: 'input.communityId',
      scope: `STREET_STAFF:streetId=${d.streets[1].id}`,
    });
    expect(JSON.stringify(error)).not.toContain(d.streets[0].id);
    await expectRefused(
      street2,
      `mutation ($b: [ID!]!, $g: ID!) { moveBuildings(input: { buildingIds: $b, toGridId: $g }) { id } }`,
      { b: [d.buildings[0].id], g: d.grids[4].id },
      'FORBIDDEN',
      map,
    );
    await expectRefused(
      street2,
      `mutation { createStreet(input: { code: "370783076", name: "新街道" }) { id } }`,
      {},
      'FORBIDDEN',
      map,
    );
    await expectRefused(
      street2,
      `mutation ($w: ID!, $g: ID!) { assignWorker(input: { workerId: $w, gridId: $g, role: PART_TIME }) { id } }`,
      { w: d.workers[6].id, g: GRID_A.id },
      'FORBIDDEN',
      map,
    );
  });

  it('refuses analysts, auditors and residents any write', async () => {
    for (const identity of [
      { role: 'ANALYST' as const },
      { role: 'AUDITOR' as const },
      { role: 'RESIDENT' as const, claims: { residentId: inA[0].id } },
    ]) {
      const client = await hub.as(identity);
      await expectRefused(
        client,
        `mutation ($id: ID!) { updateResident(input: { id: $id, phone: "13900000001" }) { id } }`,
        { id: inA[0].id },
        'FORBIDDEN',
        people,
      );
    }
  });

  it("lets a grid worker register a household and a resident in grid A, and a street's staff add a grid to their street", async () => {
    const buildingA = d.buildings.find((b) => b.gridId === GRID_A.id)!;
    const household = await worker.query(CREATE_HOUSEHOLD, {
      input: { buildingId: buildingA.id, unit: '9', room: '902', tenure: 'RENTED' },
    });
    const resident = await worker.query(CREATE_RESIDENT, { input: newcomer(household.createHousehold.id, 2) });
    expect(resident.createResident).toMatchObject({ careTags: [], grid: { id: GRID_A.id } });
    const changes = await hub.query(
      `query ($id: ID!) { resident(id: $id) { changes { nodes { action changedBy } } } }`,
      { id: resident.createResident.id },
    );
    expect(changes.resident.changes.nodes).toEqual([{ action: 'CREATED', changedBy: 'worker-a' }]);
    const street2 = await hub.as({ role: 'STREET_STAFF', claims: { streetId: d.streets[1].id } });
    const grid = await street2.query(
      `mutation ($c: ID!) { createGrid(input: { communityId: $c, code: "370783002001098", name: "文家第二网格", kind: RESIDENTIAL }) { community { id } } }`,
      {
        c: d.communities[2].id,
      },
    );
    expect(grid.createGrid.community.id).toBe(d.communities[2].id);
  });
});

describe('batching within a territory', () => {
  const batch = { gridId: '', workerId: '', residentIds: [] as string[] };

  beforeAll(async () => {
    const street = await hub.query(
      `mutation { createStreet(input: { code: "370783097", name: "辖区批量街道" }) { id } }`,
    );
    const community = await hub.query(
      `mutation ($s: ID!) { createCommunity(input: { streetId: $s, code: "370783097001", name: "辖区批量社区" }) { id } }`,
      {
        s: street.createStreet.id,
      },
    );
    const grid = await hub.query(
      `mutation ($c: ID!) { createGrid(input: { communityId: $c, code: "370783097001001", name: "辖区批量网格", kind: RESIDENTIAL }) { id } }`,
      {
        c: community.createCommunity.id,
      },
    );
    batch.gridId = grid.createGrid.id;
    const building = await hub.query(
      `mutation ($g: ID!) { createBuilding(input: { gridId: $g, code: "370783097001001B1", address: "辖区路1号" }) { id } }`,
      { g: batch.gridId },
    );
    for (let n = 1; n <= 50; n += 1) {
      const household = await hub.query(CREATE_HOUSEHOLD_ID, {
        input: { buildingId: building.createBuilding.id, unit: '1', room: String(100 + n), tenure: 'OWNER_OCCUPIED' },
      });
      const resident = await hub.query(
        `mutation ($input: CreateResidentInput!) { createResident(input: $input) { id } }`,
        {
          input: {
            householdId: household.createHousehold.id,
            name: `辖区居民${n}`,
            idNumber: makeNationalId('370783', '1950-05-05', 400 + n),
            phone: `1390000${String(n).padStart(4, '0')}`,
            relationToHead: 'HEAD',
            residenceType: 'REGISTERED',
            careTags: n % 2 ? ['LOW_INCOME'] : [],
          },
        },
      );
      batch.residentIds.push(resident.createResident.id);
    }
    const created = await hub.query(
      `mutation { createGridWorker(input: { name: "批量网格员", kind: FULL_TIME, phone: "13700000001" }) { id } }`,
    );
    batch.workerId = created.createGridWorker.id;
    await hub.query(
      `mutation ($w: ID!, $g: ID!) { assignWorker(input: { workerId: $w, gridId: $g, role: FULL_TIME }) { id } }`,
      { w: batch.workerId, g: batch.gridId },
    );
  });
  const CREATE_HOUSEHOLD_ID = `mutation ($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`;

  it('resolves 50 residents in scope for a grid worker in as many statements as 5', async () => {
    const client = await hub.as({ role: 'GRID_WORKER', claims: { workerId: batch.workerId } });
    const query = `query ($g: ID!, $first: Int!) { residents(gridId: $g, first: $first) { totalCount nodes {
      name idNumber phone careTags household { room residents { totalCount } } grid { code } changes { totalCount }
    } } }`;
    const statementsFor = async (first: number) => {
      const before = hub.sql('grid');
      const data = await client.query(query, { g: batch.gridId, first });
      return { data, statements: hub.sql('grid') - before };
    };
    await statementsFor(1); // the gateway resolves the new worker's territory once, then caches it
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(fifty.data.residents.totalCount).toBe(50);
    expect(fifty.data.residents.nodes).toHaveLength(50);
    expect(fifty.data.residents.nodes[0]).toEqual({
      name: '辖区居民1',
      idNumber: maskIdNumber(makeNationalId('370783', '1950-05-05', 401)),
      phone: '139****0001',
      careTags: ['LOW_INCOME'],
      household: { room: '101', residents: { totalCount: 1 } },
      grid: { code: '370783097001001' },
      changes: { totalCount: 1 },
    });
    expect(fifty.statements).toBe(five.statements);
    // The page with its count, households, their residents' pages with their counts, buildings,
    // grids, change logs' pages with their counts (a first page carries its totalCount). No look-up
    // placing the residents in the territory: the scoped list already did.
    expect(fifty.statements).toBe(6);
  });

  it('resolves 50 resident references for a grid worker in as many statements as 5', async () => {
    const territory = { streetIds: [], communityIds: [], gridIds: [batch.gridId] };
    const direct = await hub.direct('grid', {
      subject: 'batch-worker',
      role: 'GRID_WORKER',
      claims: { workerId: batch.workerId },
      territory,
    });
    const resolve = async (ids: string[]) => {
      const before = hub.sql('grid');
      const data = await direct.query(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { name careTags } } }`,
        {
          r: [...ids, d.residents[0].id].map((id) => ({ __typename: 'Resident', id })),
        },
      );
      return { entities: data._entities, statements: hub.sql('grid') - before };
    };
    const five = await resolve(batch.residentIds.slice(0, 5));
    const fifty = await resolve(batch.residentIds);
    expect(fifty.entities).toHaveLength(51);
    expect(fifty.entities[49]).toEqual({ name: '辖区居民50', careTags: [] });
    expect(fifty.entities[50]).toBeNull();
    expect(fifty.statements).toBe(five.statements);
  });
});

describe('the access records list', () => {
  it('narrows by actor, outcome and time: the rows of the database, in id order, with their total; a malformed record id is refused', async () => {
    const sql = <T>(text: string, values: unknown[] = []) =>
      hub.hub.subgraphs.grid.database.orm.em.getConnection().execute<T[]>(text, values);
    const all = await sql<{ id: string; at: Date }>(`select id, at from grid.personal_data_access order by id`);
    expect(all.length).toBeGreaterThan(2);
    const middle = new Date(all[Math.floor(all.length / 2)].at);
    const [{ actor }] = await sql<{ actor: string }>(
      `select actor from grid.personal_data_access group by 1 order by count(*) desc limit 1`,
    );
    const cases: Array<[Record<string, unknown>, string, unknown[]]> = [
      [{ actor }, 'actor = ?', [actor]],
      [{ outcome: 'REFUSED' }, `outcome = 'REFUSED'`, []],
      [{ from: middle.toISOString() }, 'at >= ?', [middle]],
      [{ to: middle.toISOString(), outcome: 'REFUSED' }, `at < ? and outcome = 'REFUSED'`, [middle]],
    ];
    for (const [filter, where, values] of cases) {
      const expected = (
        await sql<{ id: string }>(`select id from grid.personal_data_access where ${where} order by id`, values)
      ).map((row) => row.id);
      const data = await auditor.query(
        `query ($f: PersonalDataAccessFilter) { gridPersonalDataAccesses(filter: $f, first: 100) { totalCount nodes { id } } }`,
        { f: filter },
      );
      expect([filter, data.gridPersonalDataAccesses.nodes.map((node: { id: string }) => node.id)]).toEqual([
        filter,
        expected,
      ]);
      expect(data.gridPersonalDataAccesses.totalCount).toBe(expected.length);
    }
    const error = await auditor.fail(`{ gridPersonalDataAccesses(filter: { recordId: "not-an-id" }) { totalCount } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.recordId' });
  });
});
