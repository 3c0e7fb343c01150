import fs from 'node:fs';
import { demoDistrict, demoId } from '../lib/demo-district';
import { CASE_FIELDS, caseWrites, ITEMS, place } from './support/services-cases';
import { startTestHub, type TestClient, type TestHub } from './support/test-hub';

/**
 * Who sees and changes which cases, items, admission requests and figures, through the gateway
 * with each role's own token. Demo district: worker 1 serves grid 1 only (grid A); grid 2 (B)
 * is in the same community; street 1 (圣城) holds grids 1–4, street 2 (文家) grid 5. Demo cases:
 * 204/1 in grid 1 (城管局, reported by resident 1), 204/2 in grid 3 (司法所), 204/3 in grid 5
 * (民政局, accepted, not dispatched).
 */
let hub: TestHub;
const demo = demoDistrict();
const A = place(0);
const B = place(1);
const WEN_JIA = place(4);
const residentOne = demo.residents[0].id;
const residentTwo = demo.residents[1].id;

let worker: TestClient;
let cityManagement: TestClient;
let resident: TestClient;
let analyst: TestClient;
let streetStaff: TestClient;

type CaseRef = { id: string; version: number };

async function report(client: TestClient, input: Record<string, unknown> = {}) {
  const data = await client.query(
    `mutation ($input: ReportCaseInput!) { reportCase(input: $input) { ${CASE_FIELDS} reporter { id } grid { id } } }`,
    {
      input: {
        channel: 'APP_PHOTO',
        itemId: ITEMS.sanitation,
        gridId: A.gridId,
        description: '垃圾堆放未清运',
        attributes: [{ name: 'problem', value: '垃圾堆放' }],
        ...input,
      },
    },
  );
  return data.reportCase;
}

const STEP = `mutation ($input: CaseStepInput!) { advanceCase(input: $input) { ${CASE_FIELDS} } }`;
const DISPATCH = `mutation ($input: DispatchCaseInput!) { dispatchCase(input: $input) { ${CASE_FIELDS} } }`;

async function step(client: TestClient, c: CaseRef, action: string) {
  return (await client.query(STEP, { input: { caseId: c.id, expectedVersion: c.version, action } })).advanceCase;
}

async function dispatched(c: CaseRef, department?: string) {
  const accepted = await step(hub, c, 'ACCEPT');
  return (await hub.query(DISPATCH, { input: { caseId: accepted.id, expectedVersion: accepted.version, department } }))
    .dispatchCase;
}

const scopeOf = (error: { extensions?: Record<string, any> }) => ({
  code: error.extensions?.code,
  scope: error.extensions?.scope,
  field: error.extensions?.field,
});

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
  worker = await hub.as({ role: 'GRID_WORKER', claims: { workerId: demo.workers[0].id }, subject: 'worker-1' });
  cityManagement = await hub.as({ role: 'DEPARTMENT', claims: { department: '城管局' }, subject: 'cgj-1' });
  resident = await hub.as({ role: 'RESIDENT', claims: { residentId: residentOne }, subject: 'resident-1' });
  analyst = await hub.as({ role: 'ANALYST', subject: 'analyst-1' });
  streetStaff = await hub.as({ role: 'STREET_STAFF', claims: { streetId: A.streetId }, subject: 'street-1' });
});
afterAll(() => hub?.stop());

describe('a grid worker', () => {
  let inA: string[];
  let inB: string;

  beforeAll(async () => {
    inA = [(await report(hub, { description: 'A 1' })).id, (await report(hub, { description: 'A 2' })).id];
    inB = (await report(hub, { gridId: B.gridId, description: 'B 1' })).id;
  });

  it("lists only grid A's cases, with the total and pages of that list", async () => {
    const all = await hub.query(`query ($g: ID!) { cases(gridId: $g, first: 100) { totalCount nodes { id } } }`, {
      g: A.gridId,
    });
    const data = await worker.query(
      `{ cases(first: 100) { totalCount nodes { id grid { id } timeline { action } } } }`,
    );
    expect(data.cases.nodes.every((c: any) => c.grid.id === A.gridId)).toBe(true);
    expect(data.cases.nodes.map((c: any) => c.id).sort()).toEqual(all.cases.nodes.map((c: any) => c.id).sort());
    expect(data.cases.totalCount).toBe(all.cases.totalCount);
    expect(data.cases.nodes.map((c: any) => c.id)).toEqual(expect.arrayContaining([...inA, demoId(204, 1)]));
    expect(data.cases.nodes.map((c: any) => c.id)).not.toContain(inB);
    const page = await worker.query(`{ cases(first: 2) { totalCount pageInfo { hasNextPage } nodes { id } } }`);
    expect(page.cases).toMatchObject({ totalCount: all.cases.totalCount, pageInfo: { hasNextPage: true } });
    expect(page.cases.nodes).toHaveLength(2);
    // Asking for grid B by filter, or through grid B and its community, gives none of B's cases.
    const other = await worker.query(
      `query ($b: ID!) { cases(gridId: $b) { totalCount } grid(id: $b) { cases { totalCount } community { cases(first: 100) { totalCount } } } }`,
      { b: B.gridId },
    );
    expect(other.cases.totalCount).toBe(0);
    expect(other.grid.cases.totalCount).toBe(0);
    expect(other.grid.community.cases.totalCount).toBe(all.cases.totalCount);
  });

  it("gets the mobile app's home screen: its dispatched cases from the root list are its grids' own, each naming its grid", async () => {
    const home = fs.readFileSync('gateway/persisted-queries/mobile/grid-worker-home.graphql', 'utf8');
    const mine = await dispatched(await report(hub, { description: 'A 派遣' }));
    const notMine = await dispatched(await report(hub, { gridId: B.gridId, description: 'B 派遣' }));
    const data = await worker.query(home, { worker: demo.workers[0].id, grid: A.gridId });
    // The same cases as asking each of the worker's grids for its dispatched cases.
    const perGrid = await worker.query(
      `query ($w: ID!) { gridWorker(id: $w) { grids { id cases(state: DISPATCHED, first: 100) { nodes { id } } } } }`,
      { w: demo.workers[0].id },
    );
    const expected = perGrid.gridWorker.grids
      .flatMap((grid: any) => grid.cases.nodes.map((c: any) => ({ id: c.id, grid: { id: grid.id } })))
      .sort((a: any, b: any) => a.id.localeCompare(b.id));
    expect(data.gridWorker.grids.map((grid: any) => grid.id)).toEqual([A.gridId]);
    expect(data.myCases.nodes.map((c: any) => ({ id: c.id, grid: c.grid }))).toEqual(expected);
    expect(data.myCases.totalCount).toBe(expected.length);
    expect(data.myCases.nodes.map((c: any) => c.id)).toContain(mine.id);
    expect(data.myCases.nodes.map((c: any) => c.id)).not.toContain(notMine.id);
    expect(data.myCases.nodes.find((c: any) => c.id === mine.id)).toMatchObject({
      overdue: false,
      item: { name: expect.any(String) },
    });
    // Residents in care only: each has at least one of the care tags asked for.
    expect(data.residents.nodes.length).toBeGreaterThan(0);
    for (const resident of data.residents.nodes) {
      expect(
        resident.careTags.some((tag: string) => ['OVER_80', 'DISABLED', 'LOW_INCOME', 'LIVING_ALONE'].includes(tag)),
      ).toBe(true);
    }
  });

  it("is refused grid B's case by id, naming the grid it lacks, and gets a null reference to it", async () => {
    const error = await worker.fail(`query ($id: ID!) { case(id: $id) { id description } }`, { id: inB });
    expect(scopeOf(error)).toEqual({ code: 'FORBIDDEN', scope: `grid:${B.gridId}`, field: 'id' });
    const own = await worker.query(`query ($id: ID!) { case(id: $id) { id timeline { action actor } } }`, {
      id: inA[0],
    });
    expect(own.case.timeline).toEqual([{ action: 'REPORT', actor: 'test-admin' }]);
    // Around the gateway, as the subgraph sees the same worker: an entity reference out of scope is null.
    const direct = await hub.direct('services', {
      subject: 'worker-1',
      role: 'GRID_WORKER',
      claims: { workerId: demo.workers[0].id },
      territory: { streetIds: [A.streetId], communityIds: [A.communityId], gridIds: [A.gridId] },
    });
    const refs = await direct.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id } } }`, {
      r: [
        { __typename: 'Case', id: inA[0] },
        { __typename: 'Case', id: inB },
      ],
    });
    expect(refs._entities).toEqual([{ id: inA[0] }, null]);
  });

  it('reports and works cases in grid A only; nothing is written for grid B', async () => {
    const mine = await report(worker, {
      channel: 'GRID_WORKER',
      reporterResidentId: residentTwo,
      description: '代办上报',
    });
    expect(mine.reporter).toEqual({ id: residentTwo });
    expect((await step(worker, mine, 'ACCEPT')).state).toBe('ACCEPTED');
    const before = await caseWrites(hub);
    const elsewhere = await worker.fail(`mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, {
      input: {
        channel: 'GRID_WORKER',
        itemId: ITEMS.sanitation,
        gridId: B.gridId,
        description: 'x',
        attributes: [{ name: 'problem', value: '其他' }],
      },
    });
    expect(scopeOf(elsewhere)).toEqual({ code: 'FORBIDDEN', scope: `grid:${B.gridId}`, field: 'input.gridId' });
    const caseB = (await hub.query(`query ($id: ID!) { case(id: $id) { id version } }`, { id: inB })).case;
    const accept = await worker.fail(STEP, {
      input: { caseId: inB, expectedVersion: caseB.version, action: 'ACCEPT' },
    });
    // A refused step names the caller's scope, not the grid the case lies in.
    expect(scopeOf(accept)).toEqual({
      code: 'FORBIDDEN',
      scope: `GRID_WORKER:workerId=${demo.workers[0].id}`,
      field: 'input.caseId',
    });
    expect(JSON.stringify(accept)).not.toContain(B.gridId);
    expect(await caseWrites(hub)).toEqual(before);
  });
});

describe('a department', () => {
  let ours: CaseRef & { department: string };
  let notYetDispatched: string;
  let theirs: CaseRef;

  beforeAll(async () => {
    ours = await dispatched(await report(hub, { gridId: B.gridId, description: '城管局的' }));
    notYetDispatched = (await report(hub, { gridId: B.gridId, description: '尚未派遣' })).id;
    theirs = await dispatched(await report(hub, { gridId: B.gridId, description: '派给司法所' }), '司法所');
  });

  it('sees only the cases dispatched to it', async () => {
    expect(ours.department).toBe('城管局');
    const data = await cityManagement.query(
      `{ cases(first: 100) { totalCount nodes { id department dispatchedAt } } }`,
    );
    const ids = data.cases.nodes.map((c: any) => c.id);
    expect(ids).toEqual(expect.arrayContaining([ours.id, demoId(204, 1)]));
    expect(ids).not.toContain(notYetDispatched);
    expect(ids).not.toContain(theirs.id);
    expect(data.cases.nodes.every((c: any) => c.department === '城管局' && c.dispatchedAt)).toBe(true);
    expect(data.cases.totalCount).toBe(ids.length);
    const error = await cityManagement.fail(`query ($id: ID!) { case(id: $id) { id } }`, { id: theirs.id });
    expect(scopeOf(error)).toEqual({ code: 'FORBIDDEN', scope: 'department:司法所', field: 'id' });
  });

  it("takes up and resolves its case, and may not touch another department's or verify its own", async () => {
    const started = await step(cityManagement, ours, 'START');
    const resolved = await step(cityManagement, started, 'RESOLVE');
    expect(resolved.state).toBe('RESOLVED');
    expect(resolved.timeline.slice(-2)).toEqual([
      expect.objectContaining({ action: 'START', actor: 'cgj-1' }),
      expect.objectContaining({ action: 'RESOLVE', actor: 'cgj-1' }),
    ]);
    const before = await caseWrites(hub);
    const other = await cityManagement.fail(STEP, {
      input: { caseId: theirs.id, expectedVersion: theirs.version, action: 'START' },
    });
    // The caller's own scope, not the department the case was dispatched to.
    expect(scopeOf(other)).toEqual({ code: 'FORBIDDEN', scope: 'DEPARTMENT:department=城管局', field: 'input.caseId' });
    expect(JSON.stringify(other)).not.toContain('司法所');
    const verify = await cityManagement.fail(STEP, {
      input: { caseId: resolved.id, expectedVersion: resolved.version, action: 'VERIFY' },
    });
    expect(verify.extensions).toMatchObject({
      code: 'FORBIDDEN',
      scope: 'CITY_ADMIN|STREET_STAFF|COMMUNITY_STAFF|GRID_WORKER',
    });
    expect(await caseWrites(hub)).toEqual(before);
    const still = await hub.query(`query ($id: ID!) { case(id: $id) { state version } }`, { id: theirs.id });
    expect(still.case).toEqual({ state: 'DISPATCHED', version: theirs.version });
  });

  it('sees its own admission requests and submits in its own name; the district decides', async () => {
    const civilAffairs = await hub.as({ role: 'DEPARTMENT', claims: { department: '民政局' } });
    const list = `{ admissionRequests(first: 50) { totalCount nodes { id department } } serviceItem(id: "${ITEMS.admitted}") { admissionRequests { id } } }`;
    const own = await civilAffairs.query(list);
    expect(own.admissionRequests.nodes).toEqual([{ id: demoId(202, 1), department: '民政局' }]);
    expect(own.serviceItem.admissionRequests).toEqual([{ id: demoId(202, 1) }]);
    const none = await cityManagement.query(list);
    expect(none.admissionRequests).toEqual({ totalCount: 0, nodes: [] });
    expect(none.serviceItem.admissionRequests).toEqual([]);
    expect((await analyst.query(list)).admissionRequests.totalCount).toBe(1);

    const submit = `mutation ($input: SubmitAdmissionInput!) { submitAdmissionRequest(input: $input) { id department status } }`;
    const application = {
      itemId: ITEMS.sanitation,
      target: 'GRID',
      reason: '占道经营巡查需网格协助',
      tasks: '每日巡查一次',
      authorityConfirmed: true,
      trainingConfirmed: true,
      fundingConfirmed: true,
    };
    const before = await hub.count('services', 'services.admission_request');
    const forOther = await cityManagement.fail(submit, { input: { ...application, department: '民政局' } });
    expect(scopeOf(forOther)).toEqual({ code: 'FORBIDDEN', scope: 'department:民政局', field: 'input.department' });
    expect(await hub.count('services', 'services.admission_request')).toBe(before);
    const submitted = (await cityManagement.query(submit, { input: { ...application, department: '城管局' } }))
      .submitAdmissionRequest;
    expect(submitted).toMatchObject({ department: '城管局', status: 'PENDING' });
    const decide = `mutation ($input: DecideAdmissionInput!) { decideAdmissionRequest(input: $input) { status } }`;
    const input = { id: submitted.id, decision: 'APPROVED', reason: '两明确、三到位' };
    expect((await cityManagement.fail(decide, { input })).extensions).toMatchObject({
      code: 'FORBIDDEN',
      scope: 'CITY_ADMIN',
    });
    expect((await hub.query(decide, { input })).decideAdmissionRequest).toEqual({ status: 'APPROVED' });
  });
});

describe('a resident', () => {
  it('reports a case for themselves and sees only their own cases', async () => {
    const mine = await report(resident, { channel: 'APP_PHOTO', gridId: WEN_JIA.gridId, description: '楼道堆放杂物' });
    expect(mine.reporter).toEqual({ id: residentOne });
    expect(mine.timeline[0]).toMatchObject({ action: 'REPORT', actor: 'resident-1' });
    const someoneElses = await report(hub, { reporterResidentId: residentTwo, description: '别人的' });
    const data = await resident.query(`{ cases(first: 100) { totalCount nodes { id reporter { id } } } }`);
    expect(data.cases.nodes.map((c: any) => c.id)).toEqual(expect.arrayContaining([mine.id, demoId(204, 1)]));
    expect(data.cases.nodes.every((c: any) => c.reporter.id === residentOne)).toBe(true);
    expect(data.cases.totalCount).toBe(data.cases.nodes.length);
    const error = await resident.fail(`query ($id: ID!) { case(id: $id) { id } }`, { id: someoneElses.id });
    expect(scopeOf(error)).toEqual({ code: 'FORBIDDEN', scope: 'reporter:self', field: 'id' });
    // The catalogue is theirs to read (to choose an item); the figures are not.
    expect((await resident.query(`{ serviceItemList(list: GRID_DUTY) { code } }`)).serviceItemList).toHaveLength(4);
    expect((await resident.fail(`{ caseIndicators(groupBy: STREET) { key } }`)).extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('cannot report for another resident, and nothing is written', async () => {
    const before = await caseWrites(hub);
    const error = await resident.fail(`mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, {
      input: {
        channel: 'APP_PHOTO',
        itemId: ITEMS.sanitation,
        gridId: A.gridId,
        reporterResidentId: residentTwo,
        description: 'x',
        attributes: [{ name: 'problem', value: '其他' }],
      },
    });
    expect(scopeOf(error)).toEqual({ code: 'FORBIDDEN', scope: 'reporter:self', field: 'input.reporterResidentId' });
    expect(await caseWrites(hub)).toEqual(before);
  });

  it('rates their own closed case, not another', async () => {
    const own = await report(hub, { reporterResidentId: residentOne, description: '评价用' });
    let c = await dispatched(own);
    for (const action of ['START', 'RESOLVE', 'VERIFY', 'CLOSE']) c = await step(hub, c, action);
    const rate = `mutation ($input: RateCaseInput!) { rateCase(input: $input) { satisfaction } }`;
    expect(
      (await resident.query(rate, { input: { caseId: c.id, expectedVersion: c.version, satisfaction: 'SATISFIED' } }))
        .rateCase,
    ).toEqual({ satisfaction: 'SATISFIED' });
    const other = await dispatched(await report(hub, { reporterResidentId: residentTwo, description: '别人的评价' }));
    const error = await resident.fail(rate, {
      input: { caseId: other.id, expectedVersion: other.version, satisfaction: 'SATISFIED' },
    });
    expect(scopeOf(error)).toEqual({
      code: 'FORBIDDEN',
      scope: `RESIDENT:residentId=${residentOne}`,
      field: 'input.caseId',
    });
  });
});

describe('an analyst', () => {
  it('sees the district figures but cannot change a case', async () => {
    const query = `{ caseIndicators(groupBy: STREET) { key indicators { received accepted closed } } }`;
    const figures = await analyst.query(query);
    expect(figures.caseIndicators.map((row: any) => row.key).sort()).toEqual([A.streetId, WEN_JIA.streetId].sort());
    expect(figures).toEqual(await hub.query(query));
    const c = await report(hub, { description: '分析员不可办理' });
    const before = await caseWrites(hub);
    const error = await analyst.fail(STEP, { input: { caseId: c.id, expectedVersion: c.version, action: 'ACCEPT' } });
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(error.message).toBe(
      'ACCEPT on a case is for CITY_ADMIN, STREET_STAFF, COMMUNITY_STAFF, GRID_WORKER; the caller is ANALYST',
    );
    const intake = await analyst.fail(`mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, {
      input: {
        channel: 'HOTLINE',
        itemId: ITEMS.sanitation,
        gridId: A.gridId,
        description: 'x',
        attributes: [{ name: 'problem', value: '其他' }],
      },
    });
    expect(intake.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await caseWrites(hub)).toEqual(before);
  });
});

describe("a street's staff", () => {
  it("gets its street's figures only, and is refused another street's", async () => {
    const byStreet = `{ caseIndicators(groupBy: STREET) { key indicators { received accepted closed overdueNow } } }`;
    const district = (await hub.query(byStreet)).caseIndicators;
    const own = (await streetStaff.query(byStreet)).caseIndicators;
    expect(own).toEqual(district.filter((row: any) => row.key === A.streetId));
    expect(own[0].indicators.received).toBeGreaterThan(0);
    const communities = await streetStaff.query(`{ caseIndicators(groupBy: COMMUNITY) { key } }`);
    const streetOne = demo.communities.filter((c) => c.streetId === A.streetId).map((c) => c.id);
    expect(communities.caseIndicators.every((row: any) => streetOne.includes(row.key))).toBe(true);

    const other = await streetStaff.fail(`query ($s: ID!) { caseIndicators(groupBy: GRID, streetId: $s) { key } }`, {
      s: WEN_JIA.streetId,
    });
    expect(scopeOf(other)).toEqual({ code: 'FORBIDDEN', scope: `street:${WEN_JIA.streetId}`, field: 'streetId' });
    const grid = await streetStaff.fail(`query ($g: ID!) { grid(id: $g) { caseIndicators { received } } }`, {
      g: WEN_JIA.gridId,
    });
    expect(scopeOf(grid)).toMatchObject({ code: 'FORBIDDEN', scope: `grid:${WEN_JIA.gridId}` });
  });
});

describe('callers with no cases', () => {
  it('asks a caller without a token to sign in, and shows a Party organisation no cases and no figures', async () => {
    for (const query of [
      '{ cases { totalCount } }',
      '{ serviceItems { totalCount } }',
      '{ admissionRequests { totalCount } }',
    ]) {
      expect([query, (await hub.anonymous.fail(query)).extensions?.code]).toEqual([query, 'UNAUTHENTICATED']);
    }
    const party = await hub.as({ role: 'PARTY_ORG', claims: { organizationId: demoId(101, 1) } });
    expect((await party.query(`{ cases { totalCount nodes { id } } }`)).cases).toEqual({ totalCount: 0, nodes: [] });
    expect((await party.fail(`{ caseIndicators(groupBy: STREET) { key } }`)).extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (
        await party.fail(
          `mutation { createServiceItem(input: { code: "X-1", name: "x", category: "x", department: "x", level: GRID, timeLimitHours: 1, lists: [GRID_DUTY] }) { id } }`,
        )
      ).extensions,
    ).toMatchObject({ code: 'FORBIDDEN', scope: 'CITY_ADMIN' });
  });
});

describe('batching as a grid worker', () => {
  it('lists 50 of its cases with items, timelines and grids in as many statements as 5', async () => {
    for (let i = 0; i < 50; i += 1) await step(hub, await report(hub, { description: `batch ${i}` }), 'ACCEPT');
    const query = `query ($first: Int!) {
      cases(first: $first, state: ACCEPTED) { totalCount nodes { id item { code } timeline { action } grid { name } } }
    }`;
    await worker.query(query, { first: 1 });
    const run = async (first: number) => {
      const before = { services: hub.sql('services'), grid: hub.sql('grid') };
      const data = await worker.query(query, { first });
      return {
        nodes: data.cases.nodes,
        services: hub.sql('services') - before.services,
        grid: hub.sql('grid') - before.grid,
      };
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(five.nodes).toHaveLength(5);
    expect(fifty.nodes).toHaveLength(50);
    expect(fifty.nodes.every((n: any) => n.grid.name === '东城第一网格' && n.timeline.length === 2)).toBe(true);
    expect({ services: fifty.services, grid: fifty.grid }).toEqual({ services: five.services, grid: five.grid });
  });
});
