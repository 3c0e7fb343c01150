import { demoDistrict, demoId } from '../lib/demo-district';
import type { InternalIdentity } from '../lib/auth/internal-token';
import { maskIdNumber, maskPhone } from '../lib/personal-data';
import { startTestHub, type TestClient, type TestHub } from './support/test-hub';

/**
 * Who sees which Party records, through the gateway: the demo district has 东城社区党委 (two grid
 * branches, members 1, 2 and 4) and 西关社区党委 (member 3 in its first branch).
 */
let hub: TestHub;
const d = demoDistrict();
const DONGCHENG = demoId(102, 1);
const XIGUAN = demoId(102, 2);
const WENJIA = demoId(102, 3);
const BRANCH = { dongcheng1: demoId(103, 1), dongcheng2: demoId(103, 2), xiguan1: demoId(103, 3) };
const M = { one: demoId(106, 1), two: demoId(106, 2), three: demoId(106, 3), four: demoId(106, 4) };
const PURPOSE = '组织关系转接核查';
const partyOrgOf = (organizationId: string, extra: { purpose?: string; subject?: string } = {}) =>
  hub.as({
    role: 'PARTY_ORG',
    claims: { organizationId },
    subject: extra.subject ?? 'party-org',
    purpose: extra.purpose,
  });
/** A Party organisation's clerk who states a purpose: its access records are told apart by this subject. */
const CLERK = 'party-clerk';

/** The demo resident behind a demo member (members 1–3 are residents; 4 is a floating member). */
let residentOf: Record<string, (typeof d.residents)[number]> = {};

const sorted = (ids: string[]) => [...ids].sort();
const ids = (connection: { nodes: Array<{ id: string }> }) => connection.nodes.map((n) => n.id);

/** The access records of one caller, as the auditor reads them. */
async function accessRecords(filter: { actor: string; recordId?: string }) {
  const auditor = await hub.as({ role: 'AUDITOR', subject: 'auditor-1' });
  const data = await auditor.query(
    `query ($f: PersonalDataAccessFilter!) { partyPersonalDataAccesses(filter: $f) { totalCount nodes { actor role purpose recordType recordId field outcome } } }`,
    { f: filter },
  );
  return data.partyPersonalDataAccesses;
}

async function expectFailure(
  client: TestClient,
  query: string,
  variables: Record<string, unknown>,
  expected: Record<string, unknown>,
) {
  const error = await client.fail(query, variables);
  expect(error.extensions).toMatchObject(expected);
  return error;
}

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
  const data = await hub.query(`{ partyMembers(first: 10) { nodes { id resident { id } } } }`);
  residentOf = Object.fromEntries(
    data.partyMembers.nodes
      .filter((m: any) => m.resident)
      .map((m: any) => {
        const resident = d.residents.find((r) => r.id === m.resident.id)!;
        return [m.id, resident];
      }),
  );
});
afterAll(() => hub?.stop());

describe('a Party organisation', () => {
  it("lists the members of its organisation and the branches below it, and no other community's", async () => {
    const dongcheng = await partyOrgOf(DONGCHENG);
    const all = await dongcheng.query(`{ partyMembers(first: 50) { totalCount nodes { id } } }`);
    expect(all.partyMembers).toEqual({ totalCount: 3, nodes: sorted([M.one, M.two, M.four]).map((id) => ({ id })) });
    // Pages and totalCount count only the visible members.
    const first = await dongcheng.query(
      `{ partyMembers(first: 2) { totalCount pageInfo { hasNextPage } nodes { id } } }`,
    );
    expect(first.partyMembers).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.partyMembers.nodes).toHaveLength(2);
    // A filter naming another community's branch finds nothing, rather than that branch's members.
    const filtered = await dongcheng.query(`query ($o: ID!) { partyMembers(organizationId: $o) { totalCount } }`, {
      o: BRANCH.xiguan1,
    });
    expect(filtered.partyMembers.totalCount).toBe(0);
    const admin = await hub.query(`{ partyMembers(first: 50) { totalCount } }`);
    expect(admin.partyMembers.totalCount).toBe(4);
  });

  it("is refused another community's member by id, naming the scope it lacks", async () => {
    const dongcheng = await partyOrgOf(DONGCHENG);
    const seen = await dongcheng.query(`query ($id: ID!) { partyMember(id: $id) { name kind organization { id } } }`, {
      id: M.two,
    });
    expect(seen.partyMember).toEqual({
      name: residentOf[M.two].name,
      kind: 'IN_SERVICE',
      organization: { id: BRANCH.dongcheng1 },
    });
    await expectFailure(
      dongcheng,
      `query ($id: ID!) { partyMember(id: $id) { name } }`,
      { id: M.three },
      {
        code: 'FORBIDDEN',
        field: 'id',
        scope: `PARTY_ORG:organizationId=${DONGCHENG}`,
      },
    );
  });

  it("reads the whole organisation tree, but another community's members and officers read as none", async () => {
    const dongcheng = await partyOrgOf(DONGCHENG);
    const data = await dongcheng.query(
      `query ($b: ID!, $a: ID!) {
        xiguan: partyOrganization(id: $b) { name level secretary { id } officers { role } members { totalCount nodes { id } } committeeSeats { personName } }
        own: partyOrganization(id: $a) { name secretary { id } officers { role member { id } } members { totalCount nodes { id } } }
      }`,
      { b: BRANCH.xiguan1, a: BRANCH.dongcheng1 },
    );
    expect(data.xiguan).toEqual({
      name: '西关第一网格党支部',
      level: 'GRID_BRANCH',
      secretary: null,
      officers: [],
      members: { totalCount: 0, nodes: [] },
      committeeSeats: [],
    });
    expect(data.own).toEqual({
      name: '东城第一网格党支部',
      secretary: { id: M.one },
      officers: [
        { role: 'SECRETARY', member: { id: M.one } },
        { role: 'COMMITTEE_MEMBER', member: { id: M.two } },
      ],
      members: { totalCount: 2, nodes: sorted([M.one, M.two]).map((id) => ({ id })) },
    });
    // The admin sees the other branch's secretary: the narrowing is the viewer's, not the data's.
    const admin = await hub.query(
      `query ($b: ID!) { partyOrganization(id: $b) { secretary { id } members { totalCount } } }`,
      { b: BRANCH.xiguan1 },
    );
    expect(admin.partyOrganization).toEqual({ secretary: { id: M.three }, members: { totalCount: 1 } });
  });

  it("sees counts everywhere but the members of another community's grid not at all, also from the grid", async () => {
    const dongcheng = await partyOrgOf(DONGCHENG);
    const data = await dongcheng.query(
      `query ($code: String!) { grid(code: $code) { partyMemberCount partyMembers { totalCount nodes { id } } } }`,
      { code: d.grids[2].code },
    );
    expect(data.grid).toEqual({ partyMemberCount: 1, partyMembers: { totalCount: 0, nodes: [] } });
    const perGrid = await dongcheng.query(`query ($g: [ID!]!) { partyMembersPerGrid(gridIds: $g) { members } }`, {
      g: [d.grids[0].id, d.grids[2].id],
    });
    expect(perGrid.partyMembersPerGrid).toEqual([{ members: 2 }, { members: 1 }]);
  });

  it('resolves references to members outside its subtree to null, directly at the subgraph too', async () => {
    const identity: InternalIdentity = {
      subject: 'party-direct',
      role: 'PARTY_ORG',
      claims: { organizationId: DONGCHENG },
      territory: null,
    };
    const direct = await hub.direct('party-building', identity);
    const data = await direct.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PartyMember { id } ... on Resident { partyMembership { id } } } }`,
      {
        r: [
          { __typename: 'PartyMember', id: M.one },
          { __typename: 'PartyMember', id: M.three },
          { __typename: 'Resident', id: residentOf[M.one].id },
          { __typename: 'Resident', id: residentOf[M.three].id },
        ],
      },
    );
    expect(data._entities).toEqual([
      { id: M.one },
      null,
      { partyMembership: { id: M.one } },
      { partyMembership: null },
    ]);
    // An anonymous caller follows no reference into this department, not even to an organisation.
    const anonymous = await hub.direct('party-building', {
      subject: null,
      role: 'ANONYMOUS',
      claims: {},
      territory: null,
    });
    const none = await anonymous.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PartyMember { id } ... on PartyOrganization { id } } }`,
      {
        r: [
          { __typename: 'PartyMember', id: M.one },
          { __typename: 'PartyOrganization', id: DONGCHENG },
        ],
      },
    );
    expect(none._entities).toEqual([null, null]);
  });
});

describe('territorial staff, residents, departments and anonymous callers', () => {
  it('shows a grid worker the members living in the grids they are assigned to, and nothing else', async () => {
    // Worker 1 works grid 1 (members 1 and 2 live there); worker 4 grids 4 and 5 (no members).
    const worker = await hub.as({ role: 'GRID_WORKER', claims: { workerId: d.workers[0].id } });
    const list = await worker.query(`{ partyMembers { totalCount nodes { id homeGrid { id } } } }`);
    expect(list.partyMembers).toEqual({
      totalCount: 2,
      nodes: sorted([M.one, M.two]).map((id) => ({ id, homeGrid: { id: d.grids[0].id } })),
    });
    await expectFailure(
      worker,
      `query ($id: ID!) { partyMember(id: $id) { name } }`,
      { id: M.three },
      {
        code: 'FORBIDDEN',
        scope: `GRID_WORKER:workerId=${d.workers[0].id}`,
      },
    );
    // The floating member lives in no known grid: no territory holds them.
    await expectFailure(
      worker,
      `query ($id: ID!) { partyMember(id: $id) { name } }`,
      { id: M.four },
      { code: 'FORBIDDEN' },
    );
    const other = await hub.as({ role: 'GRID_WORKER', claims: { workerId: d.workers[3].id } });
    expect((await other.query(`{ partyMembers { totalCount } }`)).partyMembers.totalCount).toBe(0);
  });

  it("shows a community's staff the members living in its grids", async () => {
    const staff = await hub.as({ role: 'COMMUNITY_STAFF', claims: { communityId: d.communities[1].id } });
    expect(ids((await staff.query(`{ partyMembers { nodes { id } } }`)).partyMembers)).toEqual([M.three]);
  });

  it('shows a resident their own member record only; a department or a unit none', async () => {
    const resident = await hub.as({ role: 'RESIDENT', claims: { residentId: residentOf[M.one].id } });
    expect(ids((await resident.query(`{ partyMembers { nodes { id } } }`)).partyMembers)).toEqual([M.one]);
    await expectFailure(
      resident,
      `query ($id: ID!) { partyMember(id: $id) { name } }`,
      { id: M.two },
      { code: 'FORBIDDEN' },
    );
    for (const caller of [
      await hub.as({ role: 'DEPARTMENT', claims: { department: '民政局' } }),
      await hub.as({ role: 'UNIT_LIAISON', claims: { unitId: demoId(201, 1) } }),
    ]) {
      const data = await caller.query(`{ partyMembers { totalCount } partyOrganizations(first: 1) { totalCount } }`);
      expect(data.partyMembers.totalCount).toBe(0);
      expect(data.partyOrganizations.totalCount).toBeGreaterThan(0);
      await expectFailure(
        caller,
        `query ($id: ID!) { partyMember(id: $id) { name } }`,
        { id: M.one },
        { code: 'FORBIDDEN' },
      );
    }
  });

  it('asks an anonymous caller to sign in for organisations and members alike', async () => {
    for (const query of [
      '{ partyOrganizations { totalCount } }',
      '{ partyMembers { totalCount } }',
      `{ partyMember(id: "${M.one}") { name } }`,
    ]) {
      expect((await hub.anonymous.fail(query)).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });
});

describe('personal values of members', () => {
  it('are masked by default, for every role, and reading them masked is not recorded', async () => {
    const before = await hub.count('party-building', 'party_building.personal_data_access');
    for (const client of [hub, await partyOrgOf(DONGCHENG), await hub.as({ role: 'ANALYST' })]) {
      const data = await client.query(`query ($id: ID!) { partyMember(id: $id) { idNumber phone } }`, { id: M.one });
      expect(data.partyMember).toEqual({
        idNumber: maskIdNumber(residentOf[M.one].idNumber),
        phone: maskPhone(residentOf[M.one].phone!),
      });
    }
    expect(await hub.count('party-building', 'party_building.personal_data_access')).toBe(before);
  });

  it('are shown in full for a stated purpose in scope, with exactly one access record', async () => {
    const clerk = await partyOrgOf(DONGCHENG, { purpose: PURPOSE, subject: CLERK });
    const data = await clerk.query(
      `query ($id: ID!) { partyMember(id: $id) { idNumber } partyMembers(kind: IN_SERVICE) { nodes { id idNumber } } }`,
      { id: M.two },
    );
    // Read twice in one request (by id and in the list): recorded once.
    expect(data.partyMember.idNumber).toBe(residentOf[M.two].idNumber);
    expect(data.partyMembers.nodes).toEqual([{ id: M.two, idNumber: residentOf[M.two].idNumber }]);
    expect(await accessRecords({ actor: CLERK })).toEqual({
      totalCount: 1,
      nodes: [
        {
          actor: CLERK,
          role: 'PARTY_ORG',
          purpose: PURPOSE,
          recordType: 'PartyMember',
          recordId: M.two,
          field: 'idNumber',
          outcome: 'GRANTED',
        },
      ],
    });
  });

  it('are refused out of scope, and the refusal is recorded', async () => {
    const clerk = await partyOrgOf(DONGCHENG, { purpose: PURPOSE, subject: CLERK });
    await expectFailure(
      clerk,
      `query ($id: ID!) { partyMember(id: $id) { idNumber } }`,
      { id: M.three },
      { code: 'FORBIDDEN' },
    );
    expect((await accessRecords({ actor: CLERK, recordId: M.three })).nodes).toEqual([
      {
        actor: CLERK,
        role: 'PARTY_ORG',
        purpose: PURPOSE,
        recordType: 'PartyMember',
        recordId: M.three,
        field: 'record',
        outcome: 'REFUSED',
      },
    ]);
  });

  it('are refused in full to an analyst even with a purpose, and the refusal is recorded', async () => {
    const analyst = await hub.as({ role: 'ANALYST', subject: 'analyst-1', purpose: PURPOSE });
    await expectFailure(
      analyst,
      `query ($id: ID!) { partyMember(id: $id) { idNumber } }`,
      { id: M.one },
      {
        code: 'FORBIDDEN',
        field: 'idNumber',
        scope: 'personal-data:full',
      },
    );
    expect((await accessRecords({ actor: 'analyst-1' })).nodes).toEqual([
      {
        actor: 'analyst-1',
        role: 'ANALYST',
        purpose: PURPOSE,
        recordType: 'PartyMember',
        recordId: M.one,
        field: 'idNumber',
        outcome: 'REFUSED',
      },
    ]);
  });

  it('leave records the auditor reads, that a Party organisation cannot, and that SQL cannot change or delete', async () => {
    await expectFailure(
      await partyOrgOf(DONGCHENG),
      `{ partyPersonalDataAccesses { totalCount } }`,
      {},
      { code: 'FORBIDDEN' },
    );
    const connection = hub.hub.subgraphs['party-building'].database.orm.em.getConnection();
    const before = await hub.count('party-building', 'party_building.personal_data_access');
    expect(before).toBeGreaterThan(0);
    await expect(
      connection.execute(`update party_building.personal_data_access set outcome = 'GRANTED'`),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(connection.execute(`delete from party_building.personal_data_access`)).rejects.toThrow(
      /cannot be changed or deleted/,
    );
    expect(await hub.count('party-building', 'party_building.personal_data_access')).toBe(before);
    const granted = await connection.execute(
      `select count(*)::int as n from party_building.personal_data_access where outcome = 'GRANTED'`,
    );
    expect(granted[0].n).toBe(1);
  });
});

describe('changes by a Party organisation', () => {
  const counts = async () => ({
    organizations: await hub.count('party-building', 'party_building.party_organization'),
    changes: await hub.count('party-building', 'party_building.organization_change'),
    members: await hub.count('party-building', 'party_building.party_member'),
    periods: await hub.count('party-building', 'party_building.membership_period'),
  });
  const CREATE_ORG = `mutation ($i: CreatePartyOrganizationInput!) { createPartyOrganization(input: $i) { id name parent { id } } }`;

  it('cannot create an organisation outside its subtree, and nothing is written', async () => {
    const dongcheng = await partyOrgOf(DONGCHENG);
    const before = await counts();
    // 西关商业网格 has a branch already; the check refuses before coverage is even looked at.
    await expectFailure(
      dongcheng,
      CREATE_ORG,
      { i: { name: '越权支部', level: 'GRID_BRANCH', parentId: XIGUAN, gridIds: [d.grids[3].id] } },
      {
        code: 'FORBIDDEN',
        field: 'input.parentId',
        scope: `PARTY_ORG:organizationId=${DONGCHENG}`,
      },
    );
    await expectFailure(
      dongcheng,
      CREATE_ORG,
      { i: { name: '新党工委', level: 'STREET_WORKING_COMMITTEE', streetId: d.streets[1].id } },
      {
        code: 'FORBIDDEN',
        field: 'input.parentId',
      },
    );
    await expectFailure(
      dongcheng,
      `mutation ($id: ID!) { dissolvePartyOrganization(input: { id: $id }) { id } }`,
      { id: DONGCHENG },
      {
        code: 'FORBIDDEN',
        field: 'input.id',
      },
    );
    expect(await counts()).toEqual(before);
  });

  it('changes what lies under it, and nothing that would leave its subtree', async () => {
    const dongcheng = await partyOrgOf(DONGCHENG);
    const building = d.buildings.find((b) => b.gridId === d.grids[1].id)!;
    const group = await dongcheng.query(CREATE_ORG, {
      i: {
        name: '东城第二网格1号楼党小组',
        level: 'BUILDING_GROUP',
        parentId: BRANCH.dongcheng2,
        buildingIds: [building.id],
      },
    });
    expect(group.createPartyOrganization).toMatchObject({
      name: '东城第二网格1号楼党小组',
      parent: { id: BRANCH.dongcheng2 },
    });
    const created = await dongcheng.query(
      `mutation ($o: ID!) { createPartyMember(input: { name: "新党员", kind: RETIRED, organizationId: $o }) { id organization { id } } }`,
      { o: BRANCH.dongcheng2 },
    );
    const memberId = created.createPartyMember.id;
    await dongcheng.query(
      `mutation ($m: ID!, $o: ID!) { transferPartyMember(input: { memberId: $m, toOrganizationId: $o }) { id } }`,
      { m: memberId, o: BRANCH.dongcheng1 },
    );

    const before = await counts();
    await expectFailure(
      dongcheng,
      `mutation ($m: ID!, $o: ID!) { transferPartyMember(input: { memberId: $m, toOrganizationId: $o }) { id } }`,
      { m: memberId, o: BRANCH.xiguan1 },
      {
        code: 'FORBIDDEN',
        field: 'input.toOrganizationId',
      },
    );
    await expectFailure(
      dongcheng,
      `mutation ($m: ID!) { updatePartyMember(input: { id: $m, name: "改名" }) { id } }`,
      { m: M.three },
      {
        code: 'FORBIDDEN',
        field: 'input.id',
      },
    );
    await expectFailure(
      dongcheng,
      `mutation ($m: ID!, $o: ID!) { appointPartyRole(input: { memberId: $m, organizationId: $o, role: COMMITTEE_MEMBER, termStart: "2026-01-01" }) { id } }`,
      { m: M.three, o: BRANCH.xiguan1 },
      { code: 'FORBIDDEN', field: 'input.organizationId' },
    );
    await expectFailure(
      dongcheng,
      `mutation ($o: ID!, $p: ID!) { movePartyOrganization(input: { id: $o, parentId: $p }) { id } }`,
      { o: BRANCH.dongcheng2, p: XIGUAN },
      {
        code: 'FORBIDDEN',
        field: 'input.parentId',
      },
    );
    expect(await counts()).toEqual(before);
    const admin = await hub.query(
      `query ($id: ID!) { partyMember(id: $id) { name organization { id } membershipHistory { organization { id } } } }`,
      { id: memberId },
    );
    expect(admin.partyMember).toEqual({
      name: '新党员',
      organization: { id: BRANCH.dongcheng1 },
      membershipHistory: [{ organization: { id: BRANCH.dongcheng2 } }, { organization: { id: BRANCH.dongcheng1 } }],
    });
  });

  it('is refused to other roles, and anonymous callers are asked to sign in', async () => {
    const input = { i: { name: '分析支部', level: 'GRID_BRANCH', parentId: demoId(102, 3), gridIds: [d.grids[4].id] } };
    await expectFailure(await hub.as({ role: 'ANALYST' }), CREATE_ORG, input, {
      code: 'FORBIDDEN',
      scope: 'CITY_ADMIN|PARTY_ORG',
    });
    await expectFailure(
      await hub.as({ role: 'COMMUNITY_STAFF', claims: { communityId: d.communities[2].id } }),
      CREATE_ORG,
      input,
      { code: 'FORBIDDEN' },
    );
    expect((await hub.anonymous.fail(CREATE_ORG, input)).extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe("batching under a Party organisation's scope", () => {
  let wenjiaBranch = '';

  beforeAll(async () => {
    // 文家社区: a branch on its grid with 50 members, the first its secretary.
    const branch = await hub.query(
      `mutation ($p: ID!, $g: ID!) { createPartyOrganization(input: { name: "文家第一网格党支部", level: GRID_BRANCH, parentId: $p, gridIds: [$g] }) { id } }`,
      { p: WENJIA, g: d.grids[4].id },
    );
    wenjiaBranch = branch.createPartyOrganization.id;
    // One after another, so id order (the lists' order) is name order.
    const memberIds: string[] = [];
    for (let n = 1; n <= 50; n += 1) {
      const created = await hub.query(
        `mutation ($o: ID!, $n: String!, $p: String!) { createPartyMember(input: { name: $n, kind: RETIRED, organizationId: $o, phone: $p }) { id } }`,
        { o: wenjiaBranch, n: `文家党员${n}`, p: `1390000${String(n - 1).padStart(4, '0')}` },
      );
      memberIds.push(created.createPartyMember.id);
    }
    await hub.query(
      `mutation ($m: ID!, $o: ID!) { appointPartyRole(input: { memberId: $m, organizationId: $o, role: SECRETARY, termStart: "2024-01-01" }) { id } }`,
      { m: memberIds[0], o: wenjiaBranch },
    );
  });

  it('lists 50 members as a Party organisation with the same SQL statements as 5', async () => {
    const wenjia = await partyOrgOf(WENJIA);
    // Two requests, each measured alone: the list and the tree (two root fields of one request
    // would race over which of them reads the branch first).
    const measured = async (query: string, first: number) => {
      const before = hub.sql('party-building');
      const data = await wenjia.query(query, { first, root: WENJIA });
      return { data, statements: hub.sql('party-building') - before };
    };
    const LIST = `query ($first: Int!) {
      partyMembers(first: $first) {
        totalCount
        nodes { name phone organization { name parent { name } secretary { name } } roles { role organization { name } } membershipHistory { organization { name } } }
      }
    }`;
    const TREE = `query ($first: Int!, $root: ID!) {
      partyOrganization(id: $root) { descendants { officers { role member { name } } members(first: $first) { totalCount nodes { name phone } } } }
    }`;
    const five = { list: await measured(LIST, 5), tree: await measured(TREE, 5) };
    const fifty = { list: await measured(LIST, 50), tree: await measured(TREE, 50) };
    expect(five.list.data.partyMembers.nodes).toHaveLength(5);
    expect(fifty.list.data.partyMembers.totalCount).toBe(50);
    expect(fifty.list.data.partyMembers.nodes).toHaveLength(50);
    expect(fifty.list.data.partyMembers.nodes[0]).toEqual({
      name: '文家党员1',
      phone: maskPhone('13900000000'),
      organization: { name: '文家第一网格党支部', parent: { name: '文家社区党委' }, secretary: { name: '文家党员1' } },
      roles: [{ role: 'SECRETARY', organization: { name: '文家第一网格党支部' } }],
      membershipHistory: [{ organization: { name: '文家第一网格党支部' } }],
    });
    const [branch] = fifty.tree.data.partyOrganization.descendants;
    expect(fifty.tree.data.partyOrganization.descendants).toHaveLength(1);
    expect(branch.officers).toEqual([{ role: 'SECRETARY', member: { name: '文家党员1' } }]);
    expect(branch.members.totalCount).toBe(50);
    expect(branch.members.nodes[49]).toEqual({ name: '文家党员50', phone: maskPhone('13900000049') });
    expect({ list: fifty.list.statements, tree: fifty.tree.statements }).toEqual({
      list: five.list.statements,
      tree: five.tree.statements,
    });
    // List: the caller's subtree (once per request), the page with its count, the members' branch, their
    // offices and periods, the branch's parent, its offices (narrowed to visible holders) and their
    // holder. Tree: the subtree, the root, its descendants, their member pages (carrying their
    // counts), offices, holders.
    expect(fifty.list.statements).toBe(8);
    expect(fifty.tree.statements).toBe(6);
  });
});
