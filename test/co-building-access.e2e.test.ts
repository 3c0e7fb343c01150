import { demoDistrict, demoId } from '../lib/demo-district';
import type { InternalIdentity } from '../lib/auth/internal-token';
import { startTestHub, type TestClient, type TestHub } from './support/test-hub';

/**
 * Who sees and changes what in the co-building subgraph, through the gateway: a unit's liaison its
 * own unit's data, a community's staff their community's reports, pledges and wishes, a resident
 * their own wishes, an anonymous caller nothing. Lists leave out what is out of scope (totalCount
 * too), a record asked for by id is FORBIDDEN, a refused change writes nothing.
 */
let hub: TestHub;
const d = demoDistrict();
const [dongcheng, xiguan] = [d.communities[0].id, d.communities[1].id];
const taxBureau = demoId(301, 1);
const hospital = demoId(301, 2);
const taxMember = demoId(106, 2); // in service, lives in 东城第一网格
const branch = demoId(103, 1);
const dongchengPost = demoId(304, 1);
const [residentA, residentB] = [d.residents[0].id, d.residents[1].id]; // both in 东城第一网格

function residentOfGrid(gridIndex: number, nth = 0): string {
  const buildings = d.buildings.filter((b) => b.gridId === d.grids[gridIndex].id).map((b) => b.id);
  const households = d.households.filter((h) => buildings.includes(h.buildingId)).map((h) => h.id);
  return d.residents.filter((r) => households.includes(r.householdId))[nth].id;
}
const xiguanResident = residentOfGrid(2);

const REPORT = `mutation ($m: ID!, $u: ID!, $c: ID!) {
  reportMember(input: { memberId: $m, unitId: $u, communityId: $c, reportedOn: "2026-02-01" }) { id }
}`;
const PLEDGE = `mutation ($m: ID!, $p: ID!) {
  signPledge(input: { memberId: $m, postId: $p, pledgeText: "履岗承诺", signedOn: "2026-02-02" }) { id }
}`;
const RAISE = `mutation ($r: ID!, $title: String!) { raiseWish(input: { residentId: $r, title: $title }) { id status community { id } } }`;
const CLAIM = `mutation ($w: ID!, $u: ID, $m: ID) { claimWish(input: { wishId: $w, unitId: $u, memberId: $m }) { id status claimedByUnit { name } } }`;

async function inServiceMember(name: string, residentId?: string): Promise<string> {
  const data = await hub.query(
    `mutation ($name: String, $org: ID!, $r: ID) {
      createPartyMember(input: { name: $name, kind: IN_SERVICE, organizationId: $org, residentId: $r, workUnitName: "寿光市人民医院" }) { id }
    }`,
    { name: residentId ? null : name, org: branch, r: residentId ?? null },
  );
  return data.createPartyMember.id;
}

/** What the scenario made: reports and posts in 东城 and 西关, wishes in both, claimed or not. */
const ids = {
  taxReport: '',
  doctorReport: '',
  xiguanReport: '',
  doctor: '',
  xiguanMember: '',
  xiguanPost: '',
  openWish: '',
  hospitalWish: '',
  xiguanWish: '',
  residentBWish: '',
};

let liaison: TestClient;
let dongchengStaff: TestClient;
let residentClient: TestClient;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
  ids.doctor = await inServiceMember('', residentOfGrid(1));
  ids.xiguanMember = await inServiceMember('', residentOfGrid(2, 1));
  ids.taxReport = (await hub.query(REPORT, { m: taxMember, u: taxBureau, c: dongcheng })).reportMember.id;
  ids.doctorReport = (await hub.query(REPORT, { m: ids.doctor, u: hospital, c: dongcheng })).reportMember.id;
  ids.xiguanReport = (await hub.query(REPORT, { m: ids.xiguanMember, u: hospital, c: xiguan })).reportMember.id;
  ids.xiguanPost = (
    await hub.query(
      `mutation ($c: ID!, $cat: ID!) { createServicePost(input: { communityId: $c, categoryId: $cat, name: "助老服务岗" }) { id } }`,
      { c: xiguan, cat: demoId(303, 1) },
    )
  ).createServicePost.id;
  await hub.query(PLEDGE, { m: taxMember, p: dongchengPost });
  await hub.query(PLEDGE, { m: ids.doctor, p: dongchengPost });
  await hub.query(PLEDGE, { m: ids.xiguanMember, p: ids.xiguanPost });
  ids.openWish = (await hub.query(RAISE, { r: residentA, title: '想要一台助听器' })).raiseWish.id;
  ids.hospitalWish = (await hub.query(RAISE, { r: residentA, title: '量血压' })).raiseWish.id;
  await hub.query(CLAIM, { w: ids.hospitalWish, u: hospital });
  ids.residentBWish = (await hub.query(RAISE, { r: residentB, title: '修理轮椅' })).raiseWish.id;
  ids.xiguanWish = (await hub.query(RAISE, { r: xiguanResident, title: '辅导孩子功课' })).raiseWish.id;

  liaison = await hub.as({ role: 'UNIT_LIAISON', claims: { unitId: taxBureau }, subject: 'liaison-tax' });
  dongchengStaff = await hub.as({
    role: 'COMMUNITY_STAFF',
    claims: { communityId: dongcheng },
    subject: 'staff-dongcheng',
  });
  residentClient = await hub.as({ role: 'RESIDENT', claims: { residentId: residentA }, subject: 'resident-a' });
});
afterAll(() => hub?.stop());

const REPORTS_OF_UNIT = `query ($u: ID!) { unit(id: $u) { name memberReports { totalCount nodes { id community { id } } } } }`;
const PLEDGES_OF_POST = `query ($p: ID!) { servicePost(id: $p) { name holderCount pledges { totalCount nodes { member { id } } } } }`;
const REPORT_BY_ID = `query ($id: ID!) { memberReport(id: $id) { id } }`;
const WISH_BY_ID = `query ($id: ID!) { wish(id: $id) { id title } }`;

describe("a unit's liaison", () => {
  it("reads every unit, but only its own unit's member reports and pledges", async () => {
    const own = await liaison.query(REPORTS_OF_UNIT, { u: taxBureau });
    expect(own.unit).toEqual({
      name: '寿光市税务局',
      memberReports: { totalCount: 1, nodes: [{ id: ids.taxReport, community: { id: dongcheng } }] },
    });
    const other = await liaison.query(REPORTS_OF_UNIT, { u: hospital });
    expect(other.unit).toEqual({ name: '寿光市人民医院', memberReports: { totalCount: 0, nodes: [] } });
    // Two members hold the 东城 post: the count is a figure of the post, the pledges are the tax bureau's one.
    const post = await liaison.query(PLEDGES_OF_POST, { p: dongchengPost });
    expect(post.servicePost).toEqual({
      name: '政策宣传岗',
      holderCount: 2,
      pledges: { totalCount: 1, nodes: [{ member: { id: taxMember } }] },
    });
    const error = await liaison.fail(REPORT_BY_ID, { id: ids.doctorReport });
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'id',
      scope: `UNIT_LIAISON:unitId=${taxBureau}`,
    });
    expect(error.message).toBe(`MemberReport ${ids.doctorReport} is outside the scope of this UNIT_LIAISON`);
    expect((await liaison.query(REPORT_BY_ID, { id: ids.taxReport })).memberReport).toEqual({ id: ids.taxReport });
  });

  it("reads the open wishes and those its unit claimed, not another unit's claim", async () => {
    const data = await liaison.query(`{ wishes { totalCount nodes { id status } } }`);
    const listed = data.wishes.nodes.map((w: { id: string }) => w.id);
    expect(listed).toEqual(expect.arrayContaining([ids.openWish, ids.residentBWish, ids.xiguanWish]));
    expect(listed).not.toContain(ids.hospitalWish);
    expect(data.wishes.totalCount).toBe(listed.length);
    expect(data.wishes.nodes.every((w: { status: string }) => w.status === 'OPEN')).toBe(true);
    // The same scope on a community's page of wishes, all of them and the open ones.
    const community = (
      await liaison.query(
        `query ($c: ID!) { community(id: $c) { wishes { totalCount nodes { id } } open: wishes(status: OPEN) { totalCount nodes { id } } } }`,
        { c: dongcheng },
      )
    ).community;
    for (const page of [community.wishes, community.open]) {
      const inPage = page.nodes.map((w: { id: string }) => w.id);
      expect(inPage).toEqual(expect.arrayContaining([ids.openWish, ids.residentBWish]));
      expect(inPage).not.toContain(ids.hospitalWish);
      expect(page.totalCount).toBe(inPage.length);
    }
    const error = await liaison.fail(WISH_BY_ID, { id: ids.hospitalWish });
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'id',
      scope: `UNIT_LIAISON:unitId=${taxBureau}`,
    });
  });

  it('claims a wish for its own unit and then still sees it; claiming for another unit is refused and writes nothing', async () => {
    const refused = await liaison.fail(CLAIM, { w: ids.residentBWish, u: hospital });
    expect(refused.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.unitId',
      scope: `UNIT_LIAISON:unitId=${taxBureau}`,
    });
    const forMember = await liaison.fail(CLAIM, { w: ids.residentBWish, m: taxMember });
    expect(forMember.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.memberId' });
    expect(
      (await hub.query(`query ($w: ID!) { wish(id: $w) { status version } }`, { w: ids.residentBWish })).wish,
    ).toEqual({ status: 'OPEN', version: 1 });
    // Another unit's claimed wish: refused without telling who holds it.
    const held = await liaison.fail(CLAIM, { w: ids.hospitalWish, u: taxBureau });
    expect(held.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.wishId' });
    const claimed = await liaison.query(CLAIM, { w: ids.residentBWish, u: taxBureau });
    expect(claimed.claimWish).toEqual({
      id: ids.residentBWish,
      status: 'CLAIMED',
      claimedByUnit: { name: '寿光市税务局' },
    });
    expect((await liaison.query(WISH_BY_ID, { id: ids.residentBWish })).wish).toEqual({
      id: ids.residentBWish,
      title: '修理轮椅',
    });
    const releaseOther = await liaison.fail(`mutation ($w: ID!) { releaseWish(input: { wishId: $w }) { status } }`, {
      w: ids.hospitalWish,
    });
    expect(releaseOther.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.wishId' });
  });

  it("changes its own unit's reports, pledges and resources, and is refused another unit's with nothing written", async () => {
    const counts = async () => ({
      reports: await hub.count('co-building', 'co_building.member_report'),
      pledges: await hub.count('co-building', 'co_building.pledge'),
      resources: await hub.count('co-building', 'co_building.resource'),
    });
    const before = await counts();
    const member = await inServiceMember('王医生');
    const reportForOther = await liaison.fail(REPORT, { m: member, u: hospital, c: dongcheng });
    expect(reportForOther.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.unitId',
      scope: `UNIT_LIAISON:unitId=${taxBureau}`,
    });
    const pledgeForOther = await liaison.fail(PLEDGE, { m: ids.doctor, p: demoId(304, 2) });
    expect(pledgeForOther.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.memberId' });
    const endOther = await liaison.fail(
      `mutation ($r: ID!) { endMemberReport(input: { reportId: $r, endedOn: "2026-06-30" }) { status } }`,
      { r: ids.doctorReport },
    );
    expect(endOther.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.reportId' });
    const RESOURCE = `mutation ($c: ID!, $u: ID) { createResource(input: { communityId: $c, title: "医疗义诊", providerUnitId: $u }) { title providerUnit { name } } }`;
    const resourceOfOther = await liaison.fail(RESOURCE, { c: dongcheng, u: hospital });
    expect(resourceOfOther.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.providerUnitId' });
    const claimForOther = await liaison.fail(
      `mutation ($p: ID!, $u: ID!) { claimProject(input: { projectId: $p, unitId: $u }) { status } }`,
      { p: demoId(999, 1), u: hospital },
    );
    expect(claimForOther.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.unitId' });
    const unitRegister = await liaison.fail(
      `mutation ($u: ID!) { updateUnit(input: { id: $u, name: "改名" }) { name } }`,
      { u: taxBureau },
    );
    expect(unitRegister.extensions).toMatchObject({ code: 'FORBIDDEN', scope: 'CITY_ADMIN' });
    expect(await counts()).toEqual(before);
    const status = await hub.query(`query ($r: ID!) { memberReport(id: $r) { status } }`, { r: ids.doctorReport });
    expect(status.memberReport).toEqual({ status: 'ACTIVE' });

    const own = await liaison.query(RESOURCE, { c: dongcheng, u: taxBureau });
    expect(own.createResource).toEqual({ title: '医疗义诊', providerUnit: { name: '寿光市税务局' } });
    const taxColleague = await inServiceMember('税务党员');
    const report = await liaison.query(REPORT, { m: taxColleague, u: taxBureau, c: dongcheng });
    await liaison.query(PLEDGE, { m: taxColleague, p: demoId(304, 2) });
    expect(await counts()).toEqual({
      reports: before.reports + 1,
      pledges: before.pledges + 1,
      resources: before.resources + 1,
    });
    const ended = await liaison.query(
      `mutation ($r: ID!) { endMemberReport(input: { reportId: $r, endedOn: "2026-06-30" }) { status pledges { nodes { status } } } }`,
      { r: report.reportMember.id },
    );
    expect(ended.endMemberReport).toEqual({ status: 'ENDED', pledges: { nodes: [{ status: 'ENDED' }] } });
  });
});

describe("a community's staff", () => {
  it("sees the reports and pledges of its community, not another's: left out of lists, FORBIDDEN by id", async () => {
    const hospitalReports = await dongchengStaff.query(REPORTS_OF_UNIT, { u: hospital });
    expect(hospitalReports.unit.memberReports).toEqual({
      totalCount: 1,
      nodes: [{ id: ids.doctorReport, community: { id: dongcheng } }],
    });
    const ownPost = await dongchengStaff.query(PLEDGES_OF_POST, { p: dongchengPost });
    expect(ownPost.servicePost.pledges.totalCount).toBe(2);
    const otherPost = await dongchengStaff.query(PLEDGES_OF_POST, { p: ids.xiguanPost });
    expect(otherPost.servicePost).toEqual({
      name: '助老服务岗',
      holderCount: 1,
      pledges: { totalCount: 0, nodes: [] },
    });
    const error = await dongchengStaff.fail(REPORT_BY_ID, { id: ids.xiguanReport });
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'id',
      scope: `COMMUNITY_STAFF:communityId=${dongcheng}`,
    });
    expect((await dongchengStaff.query(REPORT_BY_ID, { id: ids.doctorReport })).memberReport).toEqual({
      id: ids.doctorReport,
    });
  });

  it('reads the published monthly notice of any community, with pledges only where it may read them', async () => {
    const notice = await dongchengStaff.query(
      `query ($c: ID!) { publishedReportsOfCommunity(communityId: $c, month: "2026-02") { totalCount nodes { id pledges { totalCount } } } }`,
      { c: xiguan },
    );
    expect(notice.publishedReportsOfCommunity).toEqual({
      totalCount: 1,
      nodes: [{ id: ids.xiguanReport, pledges: { totalCount: 0 } }],
    });
  });

  it("sees the wishes of its community, not another's", async () => {
    const data = await dongchengStaff.query(`{ wishes { totalCount nodes { id community { id } } } }`);
    expect(data.wishes.nodes.every((w: { community: { id: string } }) => w.community.id === dongcheng)).toBe(true);
    expect(data.wishes.nodes.map((w: { id: string }) => w.id)).toEqual(
      expect.arrayContaining([ids.openWish, ids.hospitalWish, ids.residentBWish]),
    );
    expect(data.wishes.totalCount).toBe(data.wishes.nodes.length);
    const filtered = await dongchengStaff.query(`query ($c: ID!) { wishes(communityId: $c) { totalCount } }`, {
      c: xiguan,
    });
    expect(filtered.wishes.totalCount).toBe(0);
    const error = await dongchengStaff.fail(WISH_BY_ID, { id: ids.xiguanWish });
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'id',
      scope: `COMMUNITY_STAFF:communityId=${dongcheng}`,
    });
  });

  it("reads a Party member's and a resident's co-building fields only within its community (entity references)", async () => {
    const staffIdentity: InternalIdentity = {
      subject: 'staff-dongcheng',
      role: 'COMMUNITY_STAFF',
      claims: { communityId: dongcheng },
      territory: { streetIds: [d.streets[0].id], communityIds: [dongcheng], gridIds: [d.grids[0].id, d.grids[1].id] },
    };
    const direct = await hub.direct('co-building', staffIdentity);
    const data = await direct.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on PartyMember { communityReport { id } pledges { totalCount } }
        ... on Resident { wishes { totalCount } }
      } }`,
      {
        r: [
          { __typename: 'PartyMember', id: ids.doctor },
          { __typename: 'PartyMember', id: ids.xiguanMember },
          { __typename: 'Resident', id: residentA },
          { __typename: 'Resident', id: xiguanResident },
        ],
      },
    );
    expect(data._entities).toEqual([
      { communityReport: { id: ids.doctorReport }, pledges: { totalCount: 1 } },
      { communityReport: null, pledges: { totalCount: 0 } },
      { wishes: { totalCount: 2 } },
      { wishes: { totalCount: 0 } },
    ]);
  });

  it("changes its own community's lists and is refused another's, writing nothing", async () => {
    const POST = `mutation ($c: ID!) { createServicePost(input: { communityId: $c, categoryId: "${demoId(303, 2)}", name: "调解岗" }) { name } }`;
    const before = await hub.count('co-building', 'co_building.service_post');
    const error = await dongchengStaff.fail(POST, { c: xiguan });
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.communityId',
      scope: `COMMUNITY_STAFF:communityId=${dongcheng}`,
    });
    const withdraw = await dongchengStaff.fail(
      `mutation ($w: ID!) { withdrawWish(input: { wishId: $w }) { status } }`,
      { w: ids.xiguanWish },
    );
    expect(withdraw.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.wishId' });
    expect(await hub.count('co-building', 'co_building.service_post')).toBe(before);
    expect((await dongchengStaff.query(POST, { c: dongcheng })).createServicePost).toEqual({ name: '调解岗' });
    expect(await hub.count('co-building', 'co_building.service_post')).toBe(before + 1);
  });
});

describe('a grid worker', () => {
  it('raises a wish for a resident of its own grid, not of another grid of the community', async () => {
    const worker = await hub.as({ role: 'GRID_WORKER', claims: { workerId: d.workers[0].id } }); // 东城第一网格 only
    const raised = await worker.query(RAISE, { r: residentA, title: '代居民提出：换灯泡' });
    expect(raised.raiseWish).toMatchObject({ status: 'OPEN', community: { id: dongcheng } });
    const before = await hub.count('co-building', 'co_building.wish');
    const error = await worker.fail(RAISE, { r: residentOfGrid(1), title: '别的网格' });
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.residentId',
      scope: `GRID_WORKER:workerId=${d.workers[0].id}`,
    });
    expect(await hub.count('co-building', 'co_building.wish')).toBe(before);
  });
});

describe('a resident', () => {
  it('sees only their own wishes, and no member reports', async () => {
    const data = await residentClient.query(`{ wishes(first: 100) { totalCount nodes { id } } }`);
    const mine = (await hub.query(`{ wishes(first: 100) { nodes { id resident { id } } } }`)).wishes.nodes
      .filter((w: { resident: { id: string } }) => w.resident.id === residentA)
      .map((w: { id: string }) => w.id);
    expect(data.wishes.nodes.map((w: { id: string }) => w.id)).toEqual(mine);
    expect(data.wishes.totalCount).toBe(mine.length);
    expect(mine).toEqual(expect.arrayContaining([ids.openWish, ids.hospitalWish]));
    const error = await residentClient.fail(WISH_BY_ID, { id: ids.residentBWish });
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'id',
      scope: `RESIDENT:residentId=${residentA}`,
    });
    const reports = await residentClient.query(REPORTS_OF_UNIT, { u: taxBureau });
    expect(reports.unit.memberReports).toEqual({ totalCount: 0, nodes: [] });
    expect((await residentClient.fail(REPORT_BY_ID, { id: ids.taxReport })).extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('raises and withdraws their own wish, and cannot raise one for a neighbour', async () => {
    const raised = await residentClient.query(RAISE, { r: residentA, title: '想学智能手机' });
    const withdrawn = await residentClient.query(
      `mutation ($w: ID!) { withdrawWish(input: { wishId: $w }) { status } }`,
      { w: raised.raiseWish.id },
    );
    expect(withdrawn.withdrawWish).toEqual({ status: 'WITHDRAWN' });
    const before = await hub.count('co-building', 'co_building.wish');
    const error = await residentClient.fail(RAISE, { r: residentB, title: '替邻居提' });
    expect(error.extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.residentId',
      scope: `RESIDENT:residentId=${residentA}`,
    });
    expect(await hub.count('co-building', 'co_building.wish')).toBe(before);
  });
});

describe('an anonymous caller', () => {
  it('is asked to sign in for every co-building query, the published notices and the category tree included', async () => {
    for (const query of [
      `{ units { totalCount } }`,
      `{ serviceCategories { nodes { name } } }`,
      `{ publishedReportsOfCommunity(communityId: "${dongcheng}", month: "2026-02") { totalCount } }`,
      `{ wishes { totalCount } }`,
      `{ pledgeLimit }`,
    ]) {
      const error = await hub.anonymous.fail(query);
      expect({ query, code: error.extensions?.code }).toEqual({ query, code: 'UNAUTHENTICATED' });
    }
  });

  it('cannot raise a wish, and a Unit reference resolves to null for it', async () => {
    const before = await hub.count('co-building', 'co_building.wish');
    const error = await hub.anonymous.fail(RAISE, { r: residentA, title: '匿名' });
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await hub.count('co-building', 'co_building.wish')).toBe(before);
    const direct = await hub.direct('co-building', { subject: null, role: 'ANONYMOUS', claims: {}, territory: null });
    const data = await direct.query(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { name } } }`,
      {
        r: [{ __typename: 'Unit', id: taxBureau }],
      },
    );
    expect(data._entities).toEqual([null]);
  });
});

describe('batching for scoped callers', () => {
  const batchUnitCode = 'ACCESS-BATCH';
  let batchUnit: string;
  let batchPost: string;
  const batchMembers: string[] = [];
  const unitOrganization = demoId(103, 1); // the unit's Party organisation (单位党组织)

  beforeAll(async () => {
    batchUnit = (
      await hub.query(
        `mutation ($o: ID!) { createUnit(input: { code: "${batchUnitCode}", name: "批量共建单位", kind: SOE, partyOrganizationId: $o }) { id } }`,
        { o: unitOrganization },
      )
    ).createUnit.id;
    batchPost = (
      await hub.query(
        `mutation ($c: ID!, $cat: ID!) { createServicePost(input: { communityId: $c, categoryId: $cat, name: "批量岗" }) { id } }`,
        { c: dongcheng, cat: demoId(303, 1) },
      )
    ).createServicePost.id;
    for (let i = 1; i <= 50; i += 1) {
      const member = await inServiceMember(`批量党员${i}`);
      batchMembers.push(member);
      await hub.query(REPORT, { m: member, u: batchUnit, c: dongcheng });
      await hub.query(PLEDGE, { m: member, p: batchPost });
      await hub.query(RAISE, { r: residentB, title: `批量心愿${i}` });
    }
  });

  async function statements(client: TestClient, query: string, variables: Record<string, unknown>) {
    const before = hub.sql('co-building');
    const data = await client.query(query, variables);
    return { data, statements: hub.sql('co-building') - before };
  }

  it("lists 50 pledges of a post for the community's staff in as many statements as 5", async () => {
    const query = `query ($p: ID!, $n: Int!) { servicePost(id: $p) {
      pledges(first: $n) { totalCount nodes { pledgeText post { name holderCount } report { reportedOn unit { name } pledges { totalCount } } } }
    } }`;
    const five = await statements(dongchengStaff, query, { p: batchPost, n: 5 });
    const fifty = await statements(dongchengStaff, query, { p: batchPost, n: 50 });
    expect(five.data.servicePost.pledges.nodes).toHaveLength(5);
    expect(fifty.data.servicePost.pledges.totalCount).toBe(50);
    expect(fifty.data.servicePost.pledges.nodes).toHaveLength(50);
    expect(fifty.data.servicePost.pledges.nodes[49]).toEqual({
      pledgeText: '履岗承诺',
      post: { name: '批量岗', holderCount: 50 },
      report: { reportedOn: '2026-02-01', unit: { name: '批量共建单位' }, pledges: { totalCount: 1 } },
    });
    expect(fifty.statements).toBe(five.statements);
  });

  it("lists 50 reports with their pledges for the unit's liaison and its Party organisation in as many statements as 5", async () => {
    const batchLiaison = await hub.as({ role: 'UNIT_LIAISON', claims: { unitId: batchUnit } });
    const unitParty = await hub.as({ role: 'PARTY_ORG', claims: { organizationId: unitOrganization } });
    const query = `query ($u: ID!, $n: Int!) { unit(id: $u) {
      memberReports(first: $n) { totalCount nodes { community { id } pledges { totalCount nodes { post { name } } } } }
    } }`;
    for (const client of [batchLiaison, unitParty]) {
      const five = await statements(client, query, { u: batchUnit, n: 5 });
      const fifty = await statements(client, query, { u: batchUnit, n: 50 });
      expect(fifty.data.unit.memberReports.totalCount).toBe(50);
      expect(fifty.data.unit.memberReports.nodes[49]).toEqual({
        community: { id: dongcheng },
        pledges: { totalCount: 1, nodes: [{ post: { name: '批量岗' } }] },
      });
      expect(fifty.statements).toBe(five.statements);
    }
    // The tax bureau's liaison and another Party organisation see none of them.
    expect((await liaison.query(query, { u: batchUnit, n: 50 })).unit.memberReports).toEqual({
      totalCount: 0,
      nodes: [],
    });
    const otherParty = await hub.as({ role: 'PARTY_ORG', claims: { organizationId: demoId(101, 1) } });
    expect((await otherParty.query(query, { u: batchUnit, n: 50 })).unit.memberReports).toEqual({
      totalCount: 0,
      nodes: [],
    });
  });

  it("resolves a member's report for the unit's Party organisation by reference and by id, and refuses another", async () => {
    const identity = (organizationId: string): InternalIdentity => ({
      subject: 'party',
      role: 'PARTY_ORG',
      claims: { organizationId },
      territory: null,
    });
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PartyMember { communityReport { id unit { name } } } } }`;
    const r = [{ __typename: 'PartyMember', id: batchMembers[0] }];
    const own = await (await hub.direct('co-building', identity(unitOrganization))).query(query, { r });
    expect(own._entities).toEqual([{ communityReport: { id: expect.any(String), unit: { name: '批量共建单位' } } }]);
    const other = await (await hub.direct('co-building', identity(demoId(101, 1)))).query(query, { r });
    expect(other._entities).toEqual([{ communityReport: null }]);
    const unitParty = await hub.as({ role: 'PARTY_ORG', claims: { organizationId: unitOrganization } });
    const reportId = own._entities[0].communityReport.id;
    expect((await unitParty.query(REPORT_BY_ID, { id: reportId })).memberReport).toEqual({ id: reportId });
    const refused = await (
      await hub.as({ role: 'PARTY_ORG', claims: { organizationId: demoId(101, 1) } })
    ).fail(REPORT_BY_ID, { id: reportId });
    expect(refused.extensions).toMatchObject({
      code: 'FORBIDDEN',
      scope: `PARTY_ORG:organizationId=${demoId(101, 1)}`,
    });
  });

  it("lists 50 wishes for the community's staff and for the resident in as many statements as 5", async () => {
    const query = `query ($n: Int!) { wishes(first: $n) { totalCount nodes { title status community { id } claimedByUnit { name } } } }`;
    const residentBClient = await hub.as({ role: 'RESIDENT', claims: { residentId: residentB } });
    for (const client of [dongchengStaff, residentBClient]) {
      const five = await statements(client, query, { n: 5 });
      const fifty = await statements(client, query, { n: 50 });
      expect(five.data.wishes.nodes).toHaveLength(5);
      expect(fifty.data.wishes.nodes).toHaveLength(50);
      expect(fifty.data.wishes.totalCount).toBeGreaterThanOrEqual(51);
      expect(fifty.statements).toBe(five.statements);
    }
    const residentBWishes = await residentBClient.query(`{ wishes(first: 100) { totalCount nodes { title } } }`);
    expect(residentBWishes.wishes.totalCount).toBe(51); // 修理轮椅 and the 50 batch wishes
  });
});
