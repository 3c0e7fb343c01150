import { demoDistrict, demoId } from '../lib/demo-district';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * 双报到 through the gateway: in-service Party members (party-building) report to the
 * community where they live (grid), claim service posts with a pledge, and are published
 * monthly in the community and quarterly in the unit.
 */
let hub: TestHub;
const d = demoDistrict();
const [dongcheng, xiguan] = [d.communities[0].id, d.communities[1].id];
const taxBureau = demoId(301, 1);
const hospital = demoId(301, 2);
const taxMember = demoId(106, 2); // the demo's in-service member, living in 东城第一网格
const retiredMember = demoId(106, 3);
const branch = demoId(103, 1);
const missing = '0190f000-0000-7000-8000-000000000000';

const REPORT = `mutation ($m: ID!, $u: ID!, $c: ID!, $on: String!) {
  reportMember(input: { memberId: $m, unitId: $u, communityId: $c, reportedOn: $on }) { id status }
}`;
const PLEDGE = `mutation ($m: ID!, $p: ID!, $text: String!) {
  signPledge(input: { memberId: $m, postId: $p, pledgeText: $text, signedOn: "2026-03-01" }) { id status }
}`;

async function createMember(name: string, options: { residentId?: string; kind?: string } = {}): Promise<string> {
  const data = await hub.query(
    `mutation ($name: String, $kind: PartyMemberKind!, $org: ID!, $resident: ID) {
      createPartyMember(input: { name: $name, kind: $kind, organizationId: $org, residentId: $resident, workUnitName: "寿光市人民医院" }) { id }
    }`,
    {
      name: options.residentId ? null : name,
      kind: options.kind ?? 'IN_SERVICE',
      org: branch,
      resident: options.residentId ?? null,
    },
  );
  return data.createPartyMember.id;
}

async function createPost(communityId: string, name: string, capacity: number | null = null): Promise<string> {
  const data = await hub.query(
    `mutation ($c: ID!, $cat: ID!, $name: String!, $cap: Int) { createServicePost(input: { communityId: $c, categoryId: $cat, name: $name, capacity: $cap }) { id } }`,
    { c: communityId, cat: demoId(303, 1), name, cap: capacity },
  );
  return data.createServicePost.id;
}

function residentOfGrid(gridIndex: number, nth = 0): string {
  const grid = d.grids[gridIndex].id;
  const buildings = d.buildings.filter((b) => b.gridId === grid).map((b) => b.id);
  const households = d.households.filter((h) => buildings.includes(h.buildingId)).map((h) => h.id);
  return d.residents.filter((r) => households.includes(r.householdId))[nth].id;
}

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

describe("a community, its units, their reported members, each member's branch and home grid with pledges", () => {
  it('answers in one query across the three subgraphs', async () => {
    const doctor = await createMember('', { residentId: residentOfGrid(1, 1) });
    await hub.query(REPORT, { m: taxMember, u: taxBureau, c: dongcheng, on: '2026-02-01' });
    await hub.query(REPORT, { m: doctor, u: hospital, c: dongcheng, on: '2026-02-15' });
    await hub.query(PLEDGE, { m: taxMember, p: demoId(304, 1), text: '每月宣讲一次惠民政策' });
    await hub.query(PLEDGE, { m: taxMember, p: demoId(304, 2), text: '参与楼院纠纷调解' });
    await hub.query(PLEDGE, { m: doctor, p: demoId(304, 1), text: '开展健康政策宣传' });

    const data = await hub.query(
      `query ($c: ID!) {
        community(id: $c) {
          name
          pairedUnits {
            name
            memberReports {
              totalCount
              nodes {
                reportedOn status
                member {
                  kind workUnitName
                  organization { name level }
                  homeGrid { name }
                  pledges(first: 2) { nodes { pledgeText status post { name holderCount category { name } } } }
                }
              }
            }
          }
        }
      }`,
      { c: dongcheng },
    );
    const gridOfDoctor = d.grids[1].name;
    expect(data.community).toEqual({
      name: '东城社区',
      pairedUnits: [
        {
          name: '寿光市人民医院',
          memberReports: {
            totalCount: 1,
            nodes: [
              {
                reportedOn: '2026-02-15',
                status: 'ACTIVE',
                member: {
                  kind: 'IN_SERVICE',
                  workUnitName: '寿光市人民医院',
                  organization: { name: '东城第一网格党支部', level: 'GRID_BRANCH' },
                  homeGrid: { name: gridOfDoctor },
                  pledges: {
                    nodes: [
                      {
                        pledgeText: '开展健康政策宣传',
                        status: 'ACTIVE',
                        post: { name: '政策宣传岗', holderCount: 2, category: { name: '政策宣传' } },
                      },
                    ],
                  },
                },
              },
            ],
          },
        },
        {
          name: '寿光市税务局',
          memberReports: {
            totalCount: 1,
            nodes: [
              {
                reportedOn: '2026-02-01',
                status: 'ACTIVE',
                member: {
                  kind: 'IN_SERVICE',
                  workUnitName: '寿光市税务局',
                  organization: { name: '东城第一网格党支部', level: 'GRID_BRANCH' },
                  homeGrid: { name: '东城第一网格' },
                  pledges: {
                    nodes: [
                      {
                        pledgeText: '每月宣讲一次惠民政策',
                        status: 'ACTIVE',
                        post: { name: '政策宣传岗', holderCount: 2, category: { name: '政策宣传' } },
                      },
                      {
                        pledgeText: '参与楼院纠纷调解',
                        status: 'ACTIVE',
                        post: { name: '邻里纠纷调解岗', holderCount: 1, category: { name: '民事调解' } },
                      },
                    ],
                  },
                },
              },
            ],
          },
        },
      ],
    });
    const member = await hub.query(
      `query ($m: ID!) { partyMember(id: $m) { name communityReport { community { name } unit { name } pledges { totalCount } } } }`,
      { m: taxMember },
    );
    expect(member.partyMember.communityReport).toEqual({
      community: { name: '东城社区' },
      unit: { name: '寿光市税务局' },
      pledges: { totalCount: 2 },
    });
  });
});

describe('refusals', () => {
  it('refuses a third pledge, naming the rule, and writes nothing', async () => {
    const third = await createPost(dongcheng, '环境卫生监督岗');
    const before = await hub.count('co-building', 'co_building.pledge');
    const error = await hub.fail(PLEDGE, { m: taxMember, p: third, text: '第三个岗位' });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.memberId', rule: 'PLEDGE_LIMIT' });
    expect(error.message).toMatch(/^pledge limit: a member holds at most 2 active pledge\(s\)/);
    expect(await hub.count('co-building', 'co_building.pledge')).toBe(before);
  });

  it('takes a third pledge once the district raises its limit, and frees a place when a pledge ends', async () => {
    await hub.query(`mutation { setPledgeLimit(limit: 3) }`);
    const third = await createPost(dongcheng, '文明劝导岗');
    const pledge = await hub.query(PLEDGE, { m: taxMember, p: third, text: '周末文明劝导' });
    expect(pledge.signPledge.status).toBe('ACTIVE');
    await hub.query(`mutation { setPledgeLimit(limit: 2) }`);
    const ended = await hub.query(
      `mutation ($p: ID!) { endPledge(input: { pledgeId: $p, endedOn: "2026-06-30" }) { status endedOn } }`,
      { p: pledge.signPledge.id },
    );
    expect(ended.endPledge).toEqual({ status: 'ENDED', endedOn: '2026-06-30' });
  });

  it('refuses a full post', async () => {
    const post = await createPost(xiguan, '助老服务岗', 1);
    const [first, second] = [await createMember('孙立'), await createMember('周敏')];
    await hub.query(REPORT, { m: first, u: hospital, c: xiguan, on: '2026-01-05' });
    await hub.query(REPORT, { m: second, u: hospital, c: xiguan, on: '2026-01-05' });
    await hub.query(PLEDGE, { m: first, p: post, text: '每周探访一次独居老人' });
    const error = await hub.fail(PLEDGE, { m: second, p: post, text: '也想认领' });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.postId', rule: 'POST_CAPACITY' });
  });

  it('refuses a member who is not in service, an unknown member and an unknown community, writing nothing', async () => {
    const before = await hub.count('co-building', 'co_building.member_report');
    const retired = await hub.fail(REPORT, { m: retiredMember, u: taxBureau, c: dongcheng, on: '2026-03-01' });
    expect(retired.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberId' });
    expect(retired.message).toBe(
      `Party member ${retiredMember} is RETIRED, not IN_SERVICE: only in-service members report to their residence community`,
    );
    const unknown = await hub.fail(REPORT, { m: missing, u: taxBureau, c: dongcheng, on: '2026-03-01' });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.memberId' });
    expect(unknown.message).toBe(`PartyMember ${missing} does not exist`);
    const member = await createMember('吴刚');
    const noCommunity = await hub.fail(REPORT, { m: member, u: taxBureau, c: missing, on: '2026-03-01' });
    expect(noCommunity.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.communityId' });
    const twice = await hub.fail(REPORT, { m: taxMember, u: taxBureau, c: dongcheng, on: '2026-03-01' });
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.memberId' });
    const elsewhere = await hub.fail(REPORT, {
      m: await createMember('', { residentId: residentOfGrid(2, 1) }),
      u: taxBureau,
      c: dongcheng,
      on: '2026-03-01',
    });
    expect(elsewhere.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.communityId' });
    expect(elsewhere.message).toBe(
      `the member does not live in community ${dongcheng}: in-service members report to the community where they live`,
    );
    expect(await hub.count('co-building', 'co_building.member_report')).toBe(before);
    const unreported = await hub.fail(PLEDGE, { m: member, p: demoId(304, 2), text: '未报到' });
    expect(unreported.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.memberId' });
  });
});

describe('published reports (公示): monthly in the community, quarterly in the unit', () => {
  const wenjia = d.communities[2].id;
  const bank = demoId(301, 3);

  beforeAll(async () => {
    // 文家社区, 圣城农商银行: A from January, B February to 20 March, C from March, D from April;
    // E reports to 文家 from the tax bureau in May.
    const plan: Array<[string, string, string, string | null]> = [
      ['甲', bank, '2026-01-15', null],
      ['乙', bank, '2026-02-10', '2026-03-20'],
      ['丙', bank, '2026-03-05', null],
      ['丁', bank, '2026-04-01', null],
      ['戊', taxBureau, '2026-05-06', null],
    ];
    for (const [name, unit, on, endedOn] of plan) {
      const member = await createMember(`文家党员${name}`);
      const report = await hub.query(REPORT, { m: member, u: unit, c: wenjia, on });
      if (endedOn) {
        await hub.query(
          `mutation ($r: ID!, $on: String!) { endMemberReport(input: { reportId: $r, endedOn: $on }) { status } }`,
          {
            r: report.reportMember.id,
            on: endedOn,
          },
        );
      }
    }
  });

  it("lists the community's reports month by month", async () => {
    const counts: Record<string, number> = {};
    for (const month of ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) {
      const data = await hub.query(
        `query ($c: ID!, $m: String!) { publishedReportsOfCommunity(communityId: $c, month: $m) { totalCount nodes { member { name } } } }`,
        { c: wenjia, m: month },
      );
      counts[month] = data.publishedReportsOfCommunity.totalCount;
      expect(data.publishedReportsOfCommunity.nodes).toHaveLength(counts[month]);
    }
    expect(counts).toEqual({ '2025-12': 0, '2026-01': 1, '2026-02': 2, '2026-03': 3, '2026-04': 3, '2026-05': 4 });
    const march = await hub.query(
      `query ($c: ID!) { publishedReportsOfCommunity(communityId: $c, month: "2026-03") { nodes { member { name } endedOn } } }`,
      { c: wenjia },
    );
    expect(march.publishedReportsOfCommunity.nodes).toEqual([
      { member: { name: '文家党员甲' }, endedOn: null },
      { member: { name: '文家党员乙' }, endedOn: '2026-03-20' },
      { member: { name: '文家党员丙' }, endedOn: null },
    ]);
  });

  it("lists the unit's reports quarter by quarter", async () => {
    const count = async (unitId: string, quarter: string) =>
      (
        await hub.query(
          `query ($u: ID!, $q: String!) { publishedReportsOfUnit(unitId: $u, quarter: $q) { totalCount } }`,
          { u: unitId, q: quarter },
        )
      ).publishedReportsOfUnit.totalCount;
    expect(await count(bank, '2026-Q1')).toBe(3);
    expect(await count(bank, '2026-Q2')).toBe(3);
    expect(await count(bank, '2025-Q4')).toBe(0);
    // The tax bureau's member of 东城 (February) and of 文家 (May).
    expect(await count(taxBureau, '2026-Q1')).toBe(1);
    expect(await count(taxBureau, '2026-Q2')).toBe(2);
    const error = await hub.fail(`{ publishedReportsOfUnit(unitId: "${bank}", quarter: "2026-Q5") { totalCount } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quarter' });
  });

  it("counts reported members and pledges in the unit's yearly figures", async () => {
    const data = await hub.query(
      `mutation ($u: ID!) { computeEvaluation(input: { unitId: $u, year: 2026 }) { membersReported pledgesHeld wishesFulfilled projectsDone } }`,
      { u: hospital },
    );
    // The doctor in 东城 and the two members in 西关; the doctor's pledge and one in 西关.
    expect(data.computeEvaluation).toEqual({ membersReported: 3, pledgesHeld: 2, wishesFulfilled: 0, projectsDone: 0 });
  });
});
