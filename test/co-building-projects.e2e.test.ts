import { demoDistrict, demoId } from '../lib/demo-district';
import { startTestHub, type TestHub } from './support/test-hub';

/** Units, pairings, service posts, the demand and resource lists, projects and yearly evaluations. */
let hub: TestHub;
const d = demoDistrict();
const dongcheng = d.communities[0].id;
const wenjia = d.communities[2].id;
const taxBureau = demoId(301, 1);
const bank = demoId(301, 3);
const missing = '0190f000-0000-7000-8000-000000000000';

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

describe('units and pairings (结对共建)', () => {
  it('registers a unit with its Party organisation and pairs it with two communities', async () => {
    const streetCommittee = demoId(101, 1);
    const unit = await hub.query(
      `mutation ($org: ID!) {
        createUnit(input: { code: "12370783MB0099", name: "寿光市第一中学", kind: SCHOOL, partyOrganizationId: $org }) {
          id name kind partyOrganization { id name level }
        }
      }`,
      { org: streetCommittee },
    );
    expect(unit.createUnit).toMatchObject({
      name: '寿光市第一中学',
      kind: 'SCHOOL',
      partyOrganization: { id: streetCommittee, name: '圣城街道党工委', level: 'STREET_WORKING_COMMITTEE' },
    });
    for (const community of [dongcheng, wenjia]) {
      await hub.query(
        `mutation ($u: ID!, $c: ID!) {
          createPairing(input: { unitId: $u, communityId: $c, agreement: "共建协议：开展法治宣传", instructorName: "赵明", startedOn: "2026-03-01", endedOn: "2027-02-28" }) { id status }
        }`,
        { u: unit.createUnit.id, c: community },
      );
    }
    const data = await hub.query(
      `query ($id: ID!, $c: ID!) {
        unit(id: $id) { pairings { totalCount nodes { agreement instructorName status startedOn endedOn community { name } } } }
        community(id: $c) { pairedUnits { name } pairings { totalCount } }
      }`,
      { id: unit.createUnit.id, c: wenjia },
    );
    expect(data.unit.pairings.totalCount).toBe(2);
    expect(data.unit.pairings.nodes.map((p: any) => p.community.name)).toEqual(['东城社区', '文家社区']);
    expect(data.unit.pairings.nodes[0]).toMatchObject({
      agreement: '共建协议：开展法治宣传',
      instructorName: '赵明',
      status: 'ACTIVE',
      startedOn: '2026-03-01',
      endedOn: '2027-02-28',
    });
    expect(data.community.pairedUnits.map((u: any) => u.name)).toEqual(['圣城农商银行', '寿光市第一中学']);
    expect(data.community.pairings.totalCount).toBe(2);
  });

  it('drops an ended pairing from pairedUnits but keeps it in the history', async () => {
    const unit = await hub.query(
      `mutation { createUnit(input: { code: "91370783MA0100", name: "寿光蔬菜集团", kind: SOE }) { id } }`,
    );
    const pairing = await hub.query(
      `mutation ($u: ID!, $c: ID!) { createPairing(input: { unitId: $u, communityId: $c, agreement: "共建", instructorName: "钱进", startedOn: "2026-01-10" }) { id } }`,
      { u: unit.createUnit.id, c: wenjia },
    );
    const ended = await hub.query(
      `mutation ($p: ID!) { endPairing(input: { pairingId: $p, endedOn: "2026-06-30" }) { status endedOn } }`,
      { p: pairing.createPairing.id },
    );
    expect(ended.endPairing).toEqual({ status: 'ENDED', endedOn: '2026-06-30' });
    const data = await hub.query(
      `query ($c: ID!) { community(id: $c) { pairedUnits { name } pairings { totalCount } } }`,
      { c: wenjia },
    );
    expect(data.community.pairedUnits.map((u: any) => u.name)).not.toContain('寿光蔬菜集团');
    expect(data.community.pairings.totalCount).toBe(3);
  });

  it('refuses an unknown community or Party organisation and writes nothing', async () => {
    const pairingsBefore = await hub.count('co-building', 'co_building.pairing');
    const unitsBefore = await hub.count('co-building', 'co_building.unit');
    const error = await hub.fail(
      `mutation ($u: ID!, $c: ID!) { createPairing(input: { unitId: $u, communityId: $c, agreement: "x", instructorName: "y", startedOn: "2026-01-01" }) { id } }`,
      { u: taxBureau, c: missing },
    );
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.communityId' });
    expect(error.message).toBe(`Community ${missing} does not exist`);
    const orgError = await hub.fail(
      `mutation ($o: ID!) { createUnit(input: { code: "X1", name: "无名单位", kind: SOE, partyOrganizationId: $o }) { id } }`,
      { o: missing },
    );
    expect(orgError.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.partyOrganizationId' });
    expect(await hub.count('co-building', 'co_building.pairing')).toBe(pairingsBefore);
    expect(await hub.count('co-building', 'co_building.unit')).toBe(unitsBefore);
  });
});

describe('service posts (为民服务岗位)', () => {
  it("lists the named categories, adds a subcategory, and shows a community's posts", async () => {
    const categories = await hub.query(`{ serviceCategories { totalCount nodes { id name parent { id } } } }`);
    expect(categories.serviceCategories.nodes.map((c: any) => c.name)).toEqual(['政策宣传', '民事调解']);
    const sub = await hub.query(
      `mutation ($p: ID!) { createServiceCategory(input: { name: "邻里纠纷调解", parentId: $p }) { name parent { name } } }`,
      { p: demoId(303, 2) },
    );
    expect(sub.createServiceCategory).toEqual({ name: '邻里纠纷调解', parent: { name: '民事调解' } });
    const tooDeep = await hub.query(`query ($p: ID!) { serviceCategories(parentId: $p) { nodes { id } } }`, {
      p: demoId(303, 2),
    });
    const error = await hub.fail(
      `mutation ($p: ID!) { createServiceCategory(input: { name: "第三级", parentId: $p }) { id } }`,
      { p: tooDeep.serviceCategories.nodes[0].id },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
    const posts = await hub.query(
      `query ($c: ID!) { community(id: $c) { servicePosts { nodes { name capacity holderCount category { name } } } } }`,
      { c: dongcheng },
    );
    expect(posts.community.servicePosts.nodes).toEqual([
      { name: '政策宣传岗', capacity: 3, holderCount: 0, category: { name: '政策宣传' } },
      { name: '邻里纠纷调解岗', capacity: null, holderCount: 0, category: { name: '民事调解' } },
    ]);
  });

  it('starts with the district pledge limit of 2 and lets the district change it', async () => {
    expect((await hub.query(`{ pledgeLimit }`)).pledgeLimit).toBe(2);
    expect((await hub.query(`mutation { setPledgeLimit(limit: 3) }`)).setPledgeLimit).toBe(3);
    expect((await hub.query(`{ pledgeLimit }`)).pledgeLimit).toBe(3);
    await hub.query(`mutation { setPledgeLimit(limit: 2) }`);
    const error = await hub.fail(`mutation { setPledgeLimit(limit: 0) }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });
});

describe('demand and resource lists, projects (双向认领)', () => {
  let projectId: string;

  it('matches a demand with a resource into a project that a paired unit claims and both sides confirm', async () => {
    const demand = await hub.query(
      `mutation ($c: ID!) { createDemand(input: { communityId: $c, title: "老年人智能手机培训" }) { id } }`,
      { c: dongcheng },
    );
    const resource = await hub.query(
      `mutation ($c: ID!, $u: ID!) { createResource(input: { communityId: $c, title: "税务局青年志愿者", providerUnitId: $u }) { id providerUnit { name } } }`,
      { c: dongcheng, u: taxBureau },
    );
    expect(resource.createResource.providerUnit).toEqual({ name: '寿光市税务局' });
    const project = await hub.query(
      `mutation ($c: ID!, $d: [ID!]!, $r: [ID!]!) {
        createProject(input: { communityId: $c, name: "银龄数字课堂", demandIds: $d, resourceIds: $r }) { id status }
      }`,
      { c: dongcheng, d: [demand.createDemand.id, demoId(305, 1)], r: [resource.createResource.id] },
    );
    projectId = project.createProject.id;
    expect(project.createProject.status).toBe('PROPOSED');

    const unpaired = await hub.fail(
      `mutation ($p: ID!, $u: ID!) { claimProject(input: { projectId: $p, unitId: $u }) { id } }`,
      { p: projectId, u: bank },
    );
    expect(unpaired.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.unitId' });

    const steps = [
      [`claimProject(input: { projectId: $p, unitId: "${taxBureau}" })`, 'CLAIMED'],
      [`confirmProject(input: { projectId: $p, party: UNIT })`, 'CLAIMED'],
      [`confirmProject(input: { projectId: $p, party: COMMUNITY })`, 'AGREED'],
      [`startProject(input: { projectId: $p })`, 'IN_PROGRESS'],
      [`completeProject(input: { projectId: $p, doneOn: "2026-09-30" })`, 'DONE'],
    ];
    for (const [mutation, status] of steps) {
      const result = await hub.query(`mutation ($p: ID!) { step: ${mutation} { status } }`, { p: projectId });
      expect(result.step.status).toBe(status);
    }
    const data = await hub.query(
      `query ($c: ID!) {
        community(id: $c) {
          demands { totalCount nodes { title } }
          resources { totalCount }
          projects { nodes { name status doneOn unit { name } demands { title } resources { title } unitConfirmedAt communityConfirmedAt } }
        }
      }`,
      { c: dongcheng },
    );
    expect(data.community.demands.nodes.map((n: any) => n.title)).toEqual([
      '老年人智能手机培训',
      '老旧小区楼道照明改造',
    ]); // id order: new ids (UUIDv7) before the demo's d0000000-…
    expect(data.community.resources.totalCount).toBe(2);
    const [done] = data.community.projects.nodes;
    expect(done).toMatchObject({
      name: '银龄数字课堂',
      status: 'DONE',
      doneOn: '2026-09-30',
      unit: { name: '寿光市税务局' },
      demands: [{ title: '老年人智能手机培训' }, { title: '老旧小区楼道照明改造' }],
      resources: [{ title: '税务局青年志愿者' }],
    });
    expect(done.unitConfirmedAt).toBeTruthy();
    expect(done.communityConfirmedAt).toBeTruthy();
  });

  it('refuses a demand of another community and a second claim', async () => {
    const foreign = await hub.query(
      `mutation ($c: ID!) { createDemand(input: { communityId: $c, title: "文家需求" }) { id } }`,
      { c: wenjia },
    );
    const before = await hub.count('co-building', 'co_building.project');
    const error = await hub.fail(
      `mutation ($c: ID!, $d: [ID!]!) { createProject(input: { communityId: $c, name: "跨社区", demandIds: $d, resourceIds: [] }) { id } }`,
      { c: dongcheng, d: [demoId(305, 1), foreign.createDemand.id] },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.demandIds[1]' });
    expect(await hub.count('co-building', 'co_building.project')).toBe(before);
    const again = await hub.fail(
      `mutation ($p: ID!, $u: ID!) { claimProject(input: { projectId: $p, unitId: $u }) { id } }`,
      { p: projectId, u: demoId(301, 2) },
    );
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.projectId' });
  });
});

describe('yearly evaluation (年度评价)', () => {
  const grade = `mutation ($u: ID!, $o: ID!, $y: Int!) {
    gradeEvaluation(input: { unitId: $u, year: $y, grade: A, comment: "积极参与共建", gradedByOrganizationId: $o }) { grade comment gradedBy { id name } }
  }`;

  it("refuses a grade before the year's figures exist, writing nothing", async () => {
    const error = await hub.fail(grade, { u: taxBureau, o: demoId(101, 1), y: 2026 });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.year' });
    expect(error.message).toBe(
      `no figures for unit ${taxBureau} in 2026 yet: run computeEvaluation for that year before grading`,
    );
    expect(await hub.count('co-building', 'co_building.evaluation')).toBe(0);
  });

  it("computes the figures from the data, then takes the street working committee's grade", async () => {
    const computed = await hub.query(
      `mutation ($u: ID!) { computeEvaluation(input: { unitId: $u, year: 2026 }) { year membersReported pledgesHeld wishesFulfilled projectsDone grade } }`,
      { u: taxBureau },
    );
    expect(computed.computeEvaluation).toEqual({
      year: 2026,
      membersReported: 0,
      pledgesHeld: 0,
      wishesFulfilled: 0,
      projectsDone: 1,
      grade: null,
    });
    const other = await hub.query(
      `mutation ($u: ID!) { computeEvaluation(input: { unitId: $u, year: 2025 }) { projectsDone } }`,
      { u: taxBureau },
    );
    expect(other.computeEvaluation.projectsDone).toBe(0);

    const notStreet = await hub.fail(grade, { u: taxBureau, o: demoId(102, 1), y: 2026 });
    expect(notStreet.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.gradedByOrganizationId' });
    const graded = await hub.query(grade, { u: taxBureau, o: demoId(101, 1), y: 2026 });
    expect(graded.gradeEvaluation).toEqual({
      grade: 'A',
      comment: '积极参与共建',
      gradedBy: { id: demoId(101, 1), name: '圣城街道党工委' },
    });
    const listed = await hub.query(
      `query ($u: ID!) { unit(id: $u) { evaluations { nodes { year grade projectsDone } } } evaluation(unitId: $u, year: 2026) { grade } }`,
      { u: taxBureau },
    );
    expect(listed.unit.evaluations.nodes).toEqual([
      { year: 2026, grade: 'A', projectsDone: 1 },
      { year: 2025, grade: null, projectsDone: 0 },
    ]);
    expect(listed.evaluation.grade).toBe('A');
  });
});
