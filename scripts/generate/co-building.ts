import { Faker, base, zh_CN } from '@faker-js/faker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DEFAULT_PLEDGE_LIMIT } from '../../subgraphs/co-building/member-report/pledge.rules';
import { itemAt } from '../../lib/lists';
import { tableWriter } from './bulk-insert';
import { IdSequence } from './generated-ids';
import type { GridDistrict } from './grid-district';
import type { PartyDistrict } from './party-building';
import type { Progress } from './progress';
import { DAY, HOUR, Random, day } from './random';
import type { Scale } from './scales';
import type { PlannedUnit } from './units';

/**
 * The co-building part of a generated district: the units and their pairings with communities,
 * in-service members' reports to their residence communities (from the unit they work in), the
 * service post categories (寿光: 7 大类, 37 小类 in all) and each community's posts, the members'
 * pledges (at most the default limit per member, never past a post's capacity), residents' wishes
 * in every state, each community's demands, resources and projects, and last year's evaluations
 * computed from those rows the way the subgraph computes them.
 */
const CATEGORIES: Array<[string, string[]]> = [
  ['政策宣传', ['理论宣讲', '惠民政策宣传', '法治宣传', '文明风尚宣传']],
  ['民事调解', ['邻里纠纷调解', '家庭矛盾调解', '物业纠纷调解', '心理疏导']],
  ['环境整治', ['垃圾分类督导', '楼道清理', '绿化养护', '文明养犬劝导', '违停劝导']],
  ['平安巡防', ['治安巡逻', '消防安全检查', '反诈宣传']],
  ['关爱帮扶', ['独居老人陪护', '困难家庭帮扶', '留守儿童关爱', '残疾人助残', '助医助餐']],
  ['文明实践', ['文化活动组织', '志愿服务组织', '四点半课堂', '科普讲座']],
  ['便民服务', ['义诊服务', '法律咨询', '家电维修', '理发服务', '代办服务']],
];
const WISHES = [
  '为独居老人更换门锁',
  '希望有人陪同去医院复查',
  '孩子需要一套学习桌椅',
  '想要一台收音机',
  '家里灯泡需要更换',
  '希望学习使用智能手机',
  '轮椅需要维修',
  '想要几本大字版书籍',
  '冬季需要一床厚被子',
  '希望有人帮忙代购药品',
  '孩子希望有一个新书包',
  '老人想拍一张全家福',
  '厨房水龙头漏水需维修',
  '需要一副老花镜',
];
const DEMANDS = [
  '老旧小区楼道照明改造',
  '儿童托管服务',
  '老年食堂助餐',
  '小区停车秩序整治',
  '健身器材更新',
  '便民理发',
  '四点半课堂志愿者',
  '社区图书角图书更新',
  '电动车集中充电设施',
  '雨污管网疏通',
];
const RESOURCES = [
  '党员志愿服务队',
  '义诊医疗队',
  '法律顾问团',
  '青年突击队',
  '文艺宣传队',
  '技能培训讲师团',
  '爱心企业捐赠物资',
];
const COMMENTS: Record<string, string> = {
  A: '共建成效突出',
  B: '积极参与共建',
  C: '参与度有待提高',
  D: '报到履职不到位',
};
const AS_OF = new Date('2026-11-23T00:00:00Z');
const CREATED = new Date('2025-01-01T00:00:00Z');

export interface CoBuildingTotals {
  pledges: number;
  reports: number;
}

export async function generateCoBuilding(
  orm: MikroORM,
  scale: Scale,
  seed: number,
  progress: Progress,
  grid: GridDistrict,
  party: PartyDistrict,
  units: PlannedUnit[],
): Promise<CoBuildingTotals> {
  const faker = new Faker({ locale: [zh_CN, base], seed: seed + 27 });
  const random = new Random(seed + 26);
  const ids = {
    pairing: new IdSequence(26),
    category: new IdSequence(27),
    post: new IdSequence(28),
    report: new IdSequence(29),
    pledge: new IdSequence(30),
    wish: new IdSequence(31),
    demand: new IdSequence(32),
    resource: new IdSequence(33),
    project: new IdSequence(34),
    evaluation: new IdSequence(35),
  };
  const dateBetween = (from: string, to: string) =>
    day(Date.parse(from) + Math.floor((random.float() * (Date.parse(to) - Date.parse(from) + DAY)) / DAY) * DAY);
  const gridCommunity = new Map(grid.grids.map((g) => [g.id, g.communityId]));
  const communityIndex = new Map(grid.communities.map((c, i) => [c.id, i]));

  const unitRows = units.map((unit) => [unit.id, unit.code, unit.name, unit.kind, CREATED, null]);
  const pairings: unknown[][] = [];
  const unitsOfCommunity = new Map<number, number[]>();
  units.forEach((unit, u) => {
    for (const c of unit.communities) {
      unitsOfCommunity.set(c, [...(unitsOfCommunity.get(c) ?? []), u]);
      const community = itemAt(grid.communities, c);
      pairings.push([
        ids.pairing.next(),
        unit.id,
        community.id,
        dateBetween('2022-03-01', '2025-06-30'),
        null,
        `${unit.name}与${community.name}结对共建协议：每季度共同开展不少于一次为民服务活动，共享场地与志愿服务资源`,
        faker.person.fullName().replace(/\s/g, '').slice(0, 50),
        'ACTIVE',
      ]);
    }
  });

  const categories: unknown[][] = [];
  const subcategories: Array<{ id: string; name: string }> = [];
  for (const [name, subs] of CATEGORIES) {
    const id = ids.category.next();
    categories.push([id, name, null, CREATED]);
    for (const sub of subs) {
      const subId = ids.category.next();
      categories.push([subId, sub, id, CREATED]);
      subcategories.push({ id: subId, name: sub });
    }
  }
  const posts: unknown[][] = [];
  const postsOfCommunity = new Map<
    number,
    Array<{ id: string; name: string; capacity: number | null; held: number }>
  >();
  grid.communities.forEach((community, c) => {
    const list = random
      .shuffle([...subcategories])
      .slice(0, random.int(18, 28))
      .map((category, i) => {
        const capacity = i < 4 || random.chance(0.35) ? null : random.int(8, 40);
        const post = { id: ids.post.next(), name: `${category.name}岗`, capacity, held: 0 };
        posts.push([
          post.id,
          community.id,
          category.id,
          post.name,
          `在${community.name}开展${category.name}服务`,
          capacity,
          CREATED,
        ]);
        return post;
      });
    postsOfCommunity.set(c, list);
  });

  // 双报到: most in-service members report from their unit to the community they live in.
  const reports: unknown[][] = [];
  const pledges: unknown[][] = [];
  const activeReport = new Map<string, { id: string; unit: number; reportedOn: string; community: number }>();
  const reportsOfUnit = new Map<number, Array<{ reportedOn: string; endedOn: string | null }>>();
  const reportedIn = new Map<number, string[]>();
  const pledgeFacts: Array<{ unit: number; signedOn: string; endedOn: string | null }> = [];
  const noteReport = (unit: number, reportedOn: string, endedOn: string | null) =>
    reportsOfUnit.set(unit, [...(reportsOfUnit.get(unit) ?? []), { reportedOn, endedOn }]);
  for (const member of party.members) {
    if (member.kind !== 'IN_SERVICE' || member.unitIndex < 0 || !random.chance(0.98)) continue;
    const c = communityIndex.get(gridCommunity.get(member.homeGridId)!)!;
    const reportedOn = dateBetween('2023-03-01', '2026-10-31');
    if (random.chance(0.04)) {
      const local = grid.communities
        .map((x, i) => (x.district === itemAt(grid.communities, c).district && i !== c ? i : -1))
        .filter((i) => i >= 0);
      if (local.length) {
        const endedOn = day(Date.parse(reportedOn) - random.int(1, 60) * DAY);
        const earlier = day(Date.parse(endedOn) - random.int(180, 900) * DAY);
        reports.push([
          ids.report.next(),
          member.id,
          itemAt(units, member.unitIndex).id,
          itemAt(grid.communities, random.pick(local)).id,
          earlier,
          'ENDED',
          endedOn,
          CREATED,
        ]);
        noteReport(member.unitIndex, earlier, endedOn);
      }
    }
    const report = { id: ids.report.next(), unit: member.unitIndex, reportedOn, community: c };
    reports.push([
      report.id,
      member.id,
      itemAt(units, member.unitIndex).id,
      itemAt(grid.communities, c).id,
      reportedOn,
      'ACTIVE',
      null,
      CREATED,
    ]);
    noteReport(member.unitIndex, reportedOn, null);
    activeReport.set(member.id, report);
    reportedIn.set(c, [...(reportedIn.get(c) ?? []), member.id]);

    const wanted = Math.min(
      DEFAULT_PLEDGE_LIMIT,
      random.weighted([
        [2, 95],
        [1, 4],
        [0, 1],
      ]),
    );
    const open = random.shuffle(
      (postsOfCommunity.get(c) ?? []).filter((post) => post.capacity === null || post.held < post.capacity),
    );
    const signedOn = day(Math.min(Date.parse(reportedOn) + random.int(0, 60) * DAY, AS_OF.getTime() - DAY));
    for (const post of open.slice(0, wanted)) {
      post.held += 1;
      pledges.push([
        ids.pledge.next(),
        report.id,
        member.id,
        post.id,
        `本人自愿认领${post.name}，每月参加服务不少于两次，亮身份、作表率`,
        signedOn,
        'ACTIVE',
        null,
        CREATED,
      ]);
      pledgeFacts.push({ unit: report.unit, signedOn, endedOn: null });
    }
    if (random.chance(0.08) && signedOn > reportedOn) {
      const post = random.pick(postsOfCommunity.get(c) ?? []);
      if (post) {
        pledges.push([
          ids.pledge.next(),
          report.id,
          member.id,
          post.id,
          `本人自愿认领${post.name}`,
          reportedOn,
          'ENDED',
          signedOn,
          CREATED,
        ]);
        pledgeFacts.push({ unit: report.unit, signedOn: reportedOn, endedOn: signedOn });
      }
    }
  }

  // 微心愿: most from older residents; old wishes are mostly fulfilled, recent ones still open.
  const wishes: unknown[][] = [];
  const wishFacts: Array<{ unit: number; member: string | null; fulfilledOn: string }> = [];
  const firstWish = Date.parse('2025-01-01T00:00:00Z');
  const wishCount = scale.wishesPerDistrict * scale.districts;
  for (let w = 0; w < wishCount; w += 1) {
    let index = random.int(0, grid.residentIds.length - 1);
    for (
      let tries = 0;
      tries < 5 && 2026 - itemAt(grid.residentBirthYears, index) < 60 && random.chance(0.8);
      tries += 1
    ) {
      index = random.int(0, grid.residentIds.length - 1);
    }
    const c = communityIndex.get(gridCommunity.get(itemAt(grid.residentGrid, index))!)!;
    const createdAt = new Date(firstWish + Math.floor(random.float() * (AS_OF.getTime() - 3 * DAY - firstWish)));
    const ageDays = (AS_OF.getTime() - createdAt.getTime()) / DAY;
    const status = random.weighted<string>(
      ageDays < 30
        ? [
            ['OPEN', 50],
            ['CLAIMED', 35],
            ['FULFILLED', 10],
            ['WITHDRAWN', 5],
          ]
        : [
            ['OPEN', 8],
            ['CLAIMED', 10],
            ['FULFILLED', 72],
            ['WITHDRAWN', 10],
          ],
    );
    const claimed = status === 'CLAIMED' || status === 'FULFILLED' || (status === 'WITHDRAWN' && random.chance(0.4));
    const reporters = (reportedIn.get(c) ?? []).filter((id) => activeReport.get(id)!.reportedOn <= day(createdAt));
    const pairedUnits = unitsOfCommunity.get(c) ?? [];
    let member: string | null = null;
    let unit = -1;
    if (claimed) {
      if (reporters.length && (random.chance(0.65) || !pairedUnits.length)) member = random.pick(reporters);
      else if (pairedUnits.length) unit = random.pick(pairedUnits);
    }
    const hasClaimant = member !== null || unit >= 0;
    const finalStatus = claimed && !hasClaimant ? 'OPEN' : status;
    const claimedAt = hasClaimant ? new Date(createdAt.getTime() + random.int(2, 240) * HOUR) : null;
    const fulfilledAt =
      finalStatus === 'FULFILLED' && claimedAt
        ? new Date(Math.min(claimedAt.getTime() + random.int(1, 30) * DAY, AS_OF.getTime() - HOUR))
        : null;
    const withdrawnAt =
      finalStatus === 'WITHDRAWN'
        ? new Date(Math.min((claimedAt ?? createdAt).getTime() + random.int(1, 20) * DAY, AS_OF.getTime() - HOUR))
        : null;
    const version = 1 + (hasClaimant ? 1 : 0) + (fulfilledAt || withdrawnAt ? 1 : 0);
    wishes.push([
      ids.wish.next(),
      grid.residentIds[index],
      itemAt(grid.communities, c).id,
      random.pick(WISHES),
      null,
      random.chance(0.3) ? `网格员${faker.person.fullName().replace(/\s/g, '')}`.slice(0, 50) : null,
      finalStatus,
      finalStatus === 'OPEN' ? null : member,
      finalStatus === 'OPEN' || unit < 0 ? null : itemAt(units, unit).id,
      finalStatus === 'OPEN' ? null : claimedAt,
      fulfilledAt,
      fulfilledAt ? '已送达，居民表示感谢' : null,
      withdrawnAt,
      version,
      createdAt,
    ]);
    if (fulfilledAt) {
      const fulfilledOn = day(fulfilledAt.getTime() + 8 * HOUR);
      wishFacts.push({ unit: member ? activeReport.get(member)!.unit : unit, member, fulfilledOn });
    }
  }

  // Each community's demand and resource lists, and the projects that match them.
  const demands: unknown[][] = [];
  const resources: unknown[][] = [];
  const projects: unknown[][] = [];
  const projectFacts: Array<{ unit: number; doneOn: string }> = [];
  grid.communities.forEach((community, c) => {
    const demandIds = random
      .shuffle([...DEMANDS])
      .slice(0, random.int(3, 5))
      .map((title) => {
        const id = ids.demand.next();
        demands.push([id, community.id, title, `${community.name}居民反映：${title}`, CREATED]);
        return { id, title };
      });
    const paired = unitsOfCommunity.get(c) ?? [];
    const resourceIds = random
      .shuffle([...RESOURCES])
      .slice(0, random.int(2, 4))
      .map((title) => {
        const id = ids.resource.next();
        const provider = paired.length && random.chance(0.8) ? random.pick(paired) : -1;
        const providerUnit = provider >= 0 ? itemAt(units, provider) : null;
        resources.push([
          id,
          community.id,
          providerUnit ? `${providerUnit.name}${title}` : title,
          null,
          providerUnit?.id ?? null,
          CREATED,
        ]);
        return id;
      });
    for (let p = 0, n = random.int(2, 4); p < n; p += 1) {
      const answers = random.shuffle([...demandIds]).slice(0, random.int(1, 2));
      let status = random.weighted<string>([
        ['PROPOSED', 15],
        ['CLAIMED', 10],
        ['AGREED', 10],
        ['IN_PROGRESS', 20],
        ['DONE', 38],
        ['CANCELLED', 7],
      ]);
      if (!paired.length && status !== 'CANCELLED') status = 'PROPOSED';
      const unit =
        status === 'PROPOSED' || (status === 'CANCELLED' && random.chance(0.5)) || !paired.length
          ? -1
          : random.pick(paired);
      const createdAt = new Date(Date.parse('2024-09-01T00:00:00Z') + Math.floor(random.float() * 700) * DAY);
      const claimedAt = unit >= 0 ? new Date(createdAt.getTime() + random.int(3, 30) * DAY) : null;
      const agreed =
        ['AGREED', 'IN_PROGRESS', 'DONE'].includes(status) ||
        (status === 'CANCELLED' && unit >= 0 && random.chance(0.5));
      const oneSide = status === 'CLAIMED' && random.chance(0.5);
      const communityConfirmedAt =
        claimedAt && (agreed || oneSide) ? new Date(claimedAt.getTime() + random.int(1, 7) * DAY) : null;
      const unitConfirmedAt = claimedAt && agreed ? new Date(claimedAt.getTime() + random.int(1, 10) * DAY) : null;
      const doneOn =
        status === 'DONE'
          ? day(Math.min((unitConfirmedAt ?? createdAt).getTime() + random.int(20, 200) * DAY, AS_OF.getTime() - DAY))
          : null;
      const version =
        1 +
        (unit >= 0 ? 1 : 0) +
        (communityConfirmedAt ? 1 : 0) +
        (unitConfirmedAt ? 1 : 0) +
        (status === 'IN_PROGRESS' || status === 'DONE' ? 1 : 0) +
        (status === 'DONE' || status === 'CANCELLED' ? 1 : 0);
      projects.push([
        ids.project.next(),
        community.id,
        `${itemAt(answers, 0).title}共建项目`,
        `对接${answers.map((a) => a.title).join('、')}`,
        answers.map((a) => a.id),
        resourceIds.slice(0, random.int(0, Math.min(2, resourceIds.length))),
        status,
        unit >= 0 ? itemAt(units, unit).id : null,
        claimedAt,
        communityConfirmedAt,
        unitConfirmedAt,
        doneOn,
        version,
        createdAt,
      ]);
      if (doneOn && unit >= 0) projectFacts.push({ unit, doneOn });
    }
  });

  // 年度评价 for last year, figured as the subgraph's computeEvaluation does; most units graded by their street.
  const year = 2025;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const inForce = (start: string, end: string | null) => start <= to && (end === null || end >= from);
  const evaluations: unknown[][] = [];
  units.forEach((unit, u) => {
    if (!random.chance(0.9)) return;
    const membersReported = (reportsOfUnit.get(u) ?? []).filter((r) => inForce(r.reportedOn, r.endedOn)).length;
    const pledgesHeld = pledgeFacts.filter((p) => p.unit === u && inForce(p.signedOn, p.endedOn)).length;
    const wishesFulfilled = wishFacts.filter(
      (w) =>
        w.unit === u &&
        w.fulfilledOn >= from &&
        w.fulfilledOn <= to &&
        (w.member === null || activeReport.get(w.member)!.reportedOn <= w.fulfilledOn),
    ).length;
    const projectsDone = projectFacts.filter((p) => p.unit === u && p.doneOn >= from && p.doneOn <= to).length;
    const score = membersReported + pledgesHeld / 2 + wishesFulfilled * 3 + projectsDone * 10;
    const graded = random.chance(0.85);
    const grade = score >= 60 ? 'A' : score >= 25 ? 'B' : score >= 8 ? 'C' : 'D';
    const street = grid.streetIds.indexOf(itemAt(grid.communities, itemAt(unit.communities, 0)).streetId);
    evaluations.push([
      ids.evaluation.next(),
      unit.id,
      year,
      membersReported,
      pledgesHeld,
      wishesFulfilled,
      projectsDone,
      new Date('2026-01-10T02:00:00Z'),
      graded ? grade : null,
      graded ? COMMENTS[grade] : null,
      graded ? party.streetCommitteeIds[street] : null,
      graded ? new Date('2026-01-20T02:00:00Z') : null,
    ]);
  });

  const write = tableWriter(orm, 'co_building', progress);
  await write(
    'unit',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['created_at', 'timestamptz'],
      ['party_organization_id', 'uuid'],
    ],
    unitRows,
  );
  await write(
    'pairing',
    [
      ['id', 'uuid'],
      ['unit_id', 'uuid'],
      ['community_id', 'uuid'],
      ['started_on', 'date'],
      ['ended_on', 'date'],
      ['agreement', 'text'],
      ['instructor_name', 'text'],
      ['status', 'text'],
    ],
    pairings,
  );
  await write(
    'service_category',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['parent_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    categories,
  );
  await write(
    'service_post',
    [
      ['id', 'uuid'],
      ['community_id', 'uuid'],
      ['category_id', 'uuid'],
      ['name', 'text'],
      ['description', 'text'],
      ['capacity', 'int'],
      ['created_at', 'timestamptz'],
    ],
    posts,
  );
  await write(
    'member_report',
    [
      ['id', 'uuid'],
      ['member_id', 'uuid'],
      ['unit_id', 'uuid'],
      ['community_id', 'uuid'],
      ['reported_on', 'date'],
      ['status', 'text'],
      ['ended_on', 'date'],
      ['created_at', 'timestamptz'],
    ],
    reports,
  );
  await write(
    'pledge',
    [
      ['id', 'uuid'],
      ['report_id', 'uuid'],
      ['member_id', 'uuid'],
      ['post_id', 'uuid'],
      ['pledge_text', 'text'],
      ['signed_on', 'date'],
      ['status', 'text'],
      ['ended_on', 'date'],
      ['created_at', 'timestamptz'],
    ],
    pledges,
  );
  await write(
    'wish',
    [
      ['id', 'uuid'],
      ['resident_id', 'uuid'],
      ['community_id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['raised_on_behalf_by', 'text'],
      ['status', 'text'],
      ['claimed_by_member_id', 'uuid'],
      ['claimed_by_unit_id', 'uuid'],
      ['claimed_at', 'timestamptz'],
      ['fulfilled_at', 'timestamptz'],
      ['fulfilment_note', 'text'],
      ['withdrawn_at', 'timestamptz'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
    ],
    wishes,
  );
  await write(
    'demand',
    [
      ['id', 'uuid'],
      ['community_id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['created_at', 'timestamptz'],
    ],
    demands,
  );
  await write(
    'resource',
    [
      ['id', 'uuid'],
      ['community_id', 'uuid'],
      ['title', 'text'],
      ['description', 'text'],
      ['provider_unit_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ],
    resources,
  );
  await write(
    'project',
    [
      ['id', 'uuid'],
      ['community_id', 'uuid'],
      ['name', 'text'],
      ['description', 'text'],
      ['demand_ids', 'text[]'],
      ['resource_ids', 'text[]'],
      ['status', 'text'],
      ['unit_id', 'uuid'],
      ['claimed_at', 'timestamptz'],
      ['community_confirmed_at', 'timestamptz'],
      ['unit_confirmed_at', 'timestamptz'],
      ['done_on', 'date'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
    ],
    projects,
  );
  await write(
    'evaluation',
    [
      ['id', 'uuid'],
      ['unit_id', 'uuid'],
      ['year', 'int'],
      ['members_reported', 'int'],
      ['pledges_held', 'int'],
      ['wishes_fulfilled', 'int'],
      ['projects_done', 'int'],
      ['computed_at', 'timestamptz'],
      ['grade', 'text'],
      ['comment', 'text'],
      ['graded_by_organization_id', 'uuid'],
      ['graded_at', 'timestamptz'],
    ],
    evaluations,
  );
  return { pledges: pledges.length, reports: reports.length };
}
