import { demoDistrict } from '../lib/demo-district';
import { ITEMS, place, report } from './support/services-cases';
import { expectListFiltered, idsWhereIn, type IdsWhere } from './support/root-lists';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
const demo = demoDistrict();

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

const ITEM_FIELDS = `id code name version timeLimitHours lists attributes { name type required allowedValues } versions { version timeLimitHours attributes { name } }`;

async function createItem(code: string, extra: Record<string, unknown> = {}) {
  const data = await hub.query(
    `mutation ($input: CreateServiceItemInput!) { createServiceItem(input: $input) { ${ITEM_FIELDS} } }`,
    {
      input: {
        code,
        name: '违章搭建巡查',
        category: '城市管理',
        department: '综合执法局',
        level: 'GRID',
        timeLimitHours: 72,
        lists: ['GRID_ADMITTED'],
        attributes: [{ name: 'area', description: '面积（平方米）', type: 'NUMBER', required: true }],
        ...extra,
      },
    },
  );
  return data.createServiceItem;
}

describe('the item catalogue', () => {
  it('lists the demo items by list, with their intake attribute definitions', async () => {
    const data = await hub.query(`{
      serviceItemList(list: GRID_DUTY) { code }
      serviceItems(list: NOT_FOR_COMMUNITY) { totalCount nodes { code department } }
      serviceItem(id: "${ITEMS.sanitation}") { code attributes { name type required allowedValues } }
    }`);
    expect(data.serviceItemList.map((i: any) => i.code)).toEqual(['GD-01', 'GD-02', 'GD-03', 'GD-04']);
    expect(data.serviceItems).toEqual({ totalCount: 1, nodes: [{ code: 'NC-01', department: '商务局' }] });
    expect(data.serviceItem.attributes).toEqual([
      { name: 'problem', type: 'ENUM', required: true, allowedValues: ['垃圾堆放', '占道经营', '污水外溢', '其他'] },
      { name: 'photoTaken', type: 'BOOLEAN', required: false, allowedValues: [] },
    ]);
  });

  it('versions an item on change; a case keeps the version it was opened with', async () => {
    const item = await createItem('WJ-01');
    expect(item).toMatchObject({
      version: 1,
      versions: [{ version: 1, timeLimitHours: 72, attributes: [{ name: 'area' }] }],
    });
    const before = await report(hub, { itemId: item.id, attributes: [{ name: 'area', value: '35' }] });

    const changed = await hub.query(
      `mutation ($input: UpdateServiceItemInput!) { updateServiceItem(input: $input) { ${ITEM_FIELDS} } }`,
      {
        input: {
          id: item.id,
          expectedVersion: 1,
          timeLimitHours: 24,
          attributes: [{ name: 'floors', type: 'NUMBER', required: true }],
        },
      },
    );
    expect(changed.updateServiceItem).toMatchObject({
      version: 2,
      timeLimitHours: 24,
      attributes: [{ name: 'floors' }],
      versions: [
        { version: 1, timeLimitHours: 72, attributes: [{ name: 'area' }] },
        { version: 2, timeLimitHours: 24, attributes: [{ name: 'floors' }] },
      ],
    });
    const stale = await hub.fail(
      `mutation ($input: UpdateServiceItemInput!) { updateServiceItem(input: $input) { id } }`,
      { input: { id: item.id, expectedVersion: 1, name: '改名' } },
    );
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion' });

    // The old case is dispatched under version 1's 72 h; a new report must follow version 2's attributes.
    const accepted = await hub.query(
      `mutation ($id: ID!) { advanceCase(input: { caseId: $id, expectedVersion: 1, action: ACCEPT }) { version } }`,
      { id: before.id },
    );
    const dispatched = await hub.query(
      `mutation ($id: ID!, $v: Int!) { dispatchCase(input: { caseId: $id, expectedVersion: $v }) { deadline dispatchedAt itemVersion { version timeLimitHours } item { version } } }`,
      { id: before.id, v: accepted.advanceCase.version },
    );
    const d = dispatched.dispatchCase;
    expect(d.itemVersion).toEqual({ version: 1, timeLimitHours: 72 });
    expect(d.item).toEqual({ version: 2 });
    expect(new Date(d.deadline).getTime() - new Date(d.dispatchedAt).getTime()).toBe(72 * 3_600_000);

    const old = await hub.fail(`mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, {
      input: {
        channel: 'GRID_WORKER',
        itemId: item.id,
        gridId: place(0).gridId,
        description: '新搭建',
        attributes: [{ name: 'area', value: '10' }],
      },
    });
    expect(old.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attributes[0]' });
    const fresh = await report(hub, { itemId: item.id, attributes: [{ name: 'floors', value: '2' }] });
    const version = await hub.query(`query ($id: ID!) { case(id: $id) { itemVersion { version } } }`, { id: fresh.id });
    expect(version.case.itemVersion.version).toBe(2);
  });

  it('refuses bad definitions and names the field', async () => {
    const error = await hub.fail(
      `mutation ($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id } }`,
      {
        input: {
          code: 'BAD-01',
          name: 'x',
          category: 'x',
          department: 'x',
          level: 'GRID',
          timeLimitHours: 24,
          lists: ['GRID_DUTY'],
          attributes: [{ name: 'kind', type: 'ENUM', allowedValues: ['only one'] }],
        },
      },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attributes[0].allowedValues' });
  });
});

describe('admission (准入) and assignment into grids', () => {
  const assign = `mutation ($input: AssignItemInput!) { assignItem(input: $input) { item { code } grid { id } community { id } } }`;
  const submit = `mutation ($input: SubmitAdmissionInput!) { submitAdmissionRequest(input: $input) { id status target item { code } } }`;
  const application = (itemId: string, extra: Record<string, unknown> = {}) => ({
    input: {
      department: '综合执法局',
      itemId,
      target: 'GRID',
      reason: '违建发现在网格，网格员最先看到',
      tasks: '巡查发现并上报，不负责拆除',
      authorityConfirmed: true,
      trainingConfirmed: true,
      fundingConfirmed: true,
      ...extra,
    },
  });

  it('refuses to assign an item that was not admitted, saying why, and writes nothing', async () => {
    const before = await hub.count('services', 'services.item_assignment');
    const error = await hub.fail(assign, { input: { itemId: ITEMS.dispute, gridId: place(1).gridId } });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.itemId' });
    expect(error.message).toBe(
      'item GD-02 was not admitted into grids (准入): no department has applied for it; work that was not admitted may be refused (社区有权拒绝)',
    );
    expect(await hub.count('services', 'services.item_assignment')).toBe(before);
  });

  it('refuses a NOT_FOR_COMMUNITY item for a community, and its admission', async () => {
    const error = await hub.fail(assign, {
      input: { itemId: ITEMS.notForCommunity, communityId: demo.communities[0].id },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.itemId' });
    expect(error.message).toContain(
      'NC-01 is on the list of work a community may not be asked to do (社区不应承担事项, NOT_FOR_COMMUNITY)',
    );
    const application_ = await hub.fail(submit, application(ITEMS.notForCommunity, { target: 'COMMUNITY' }));
    expect(application_.message).toContain('社区不应承担事项');
  });

  it('takes an application only with 三到位, then assigns after the committee approves', async () => {
    const item = await createItem('WJ-02');
    const missing = await hub.fail(submit, application(item.id, { fundingConfirmed: false }));
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fundingConfirmed' });
    expect(missing.message).toContain('三到位');

    const submitted = await hub.query(submit, application(item.id));
    expect(submitted.submitAdmissionRequest).toMatchObject({
      status: 'PENDING',
      target: 'GRID',
      item: { code: 'WJ-02' },
    });
    const waiting = await hub.fail(assign, { input: { itemId: item.id, gridId: place(1).gridId } });
    expect(waiting.message).toContain('still waiting for the committee');

    const decided = await hub.query(
      `mutation ($input: DecideAdmissionInput!) { decideAdmissionRequest(input: $input) { status decisionReason decidedBy } }`,
      { input: { id: submitted.submitAdmissionRequest.id, decision: 'APPROVED', reason: '两明确、三到位' } },
    );
    expect(decided.decideAdmissionRequest).toEqual({
      status: 'APPROVED',
      decisionReason: '两明确、三到位',
      decidedBy: 'test-admin',
    });
    const twice = await hub.fail(
      `mutation ($input: DecideAdmissionInput!) { decideAdmissionRequest(input: $input) { status } }`,
      { input: { id: submitted.submitAdmissionRequest.id, decision: 'REJECTED', reason: '改主意' } },
    );
    expect(twice.extensions?.code).toBe('CONFLICT');

    // Admitted into grids, not into communities.
    const community = await hub.fail(assign, { input: { itemId: item.id, communityId: demo.communities[1].id } });
    expect(community.message).toContain('was not admitted into communities');
    const unknownGrid = await hub.fail(assign, {
      input: { itemId: item.id, gridId: '01900000-0000-7000-8000-000000000009' },
    });
    expect(unknownGrid.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.gridId' });

    const assigned = await hub.query(assign, { input: { itemId: item.id, gridId: place(1).gridId } });
    expect(assigned.assignItem).toEqual({ item: { code: 'WJ-02' }, grid: { id: place(1).gridId }, community: null });
    const grids = await hub.query(
      `query ($a: ID!, $b: ID!) { a: grid(id: $a) { name admittedItems { item { code } } } b: grid(id: $b) { admittedItems { item { code } } } }`,
      { a: place(1).gridId, b: place(0).gridId },
    );
    expect(grids.a).toEqual({ name: '东城第二网格', admittedItems: [{ item: { code: 'WJ-02' } }] });
    // Grid 1 has the demo admission of GA-01 (独居老人定期探访).
    expect(grids.b.admittedItems).toEqual([{ item: { code: 'GA-01' } }]);
    const listed = await hub.query(`{ admissionRequests(status: APPROVED) { totalCount nodes { item { code } } } }`);
    expect(listed.admissionRequests.nodes.map((n: any) => n.item.code).sort()).toEqual(['GA-01', 'WJ-02']);
  });
});

describe('the root lists of items and admission requests', () => {
  const sql = <T>(text: string, values: unknown[] = []) =>
    hub.hub.subgraphs.services.database.orm.em.getConnection().execute<T[]>(text, values);
  const idsWhere: IdsWhere = (table, where, values) => idsWhereIn(hub, 'services', 'services')(table, where, values);

  it('narrows items by list, category and department, and requests by status: the rows of the database, in id order, with their total', async () => {
    const [{ category, department, list }] = await sql<{ category: string; department: string; list: string }>(
      `select category, department, lists[1] as list from services.service_item group by 1, 2, 3 order by count(*) desc limit 1`,
    );
    const [{ status }] = await sql<{ status: string }>(
      `select status from services.admission_request group by 1 order by count(*) desc limit 1`,
    );
    // Every item sits on a list: these filters need only match some rows.
    const anyRows = { narrower: false };
    await expectListFiltered(
      hub,
      'serviceItems',
      idsWhere,
      [
        ['$list: ItemList', { list }, 'service_item', '? = any(lists)', [list]],
        ['$category: String', { category }, 'service_item', 'category = ?', [category]],
        [
          '$department: String, $category: String',
          { department, category },
          'service_item',
          'department = ? and category = ?',
          [department, category],
        ],
      ],
      anyRows,
    );
    await expectListFiltered(
      hub,
      'admissionRequests',
      idsWhere,
      [['$status: AdmissionStatus', { status }, 'admission_request', 'status = ?', [status]]],
      anyRows,
    );
  });
});
