import { createHash } from 'node:crypto';
import { Faker, base, zh_CN } from '@faker-js/faker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { CaseAction, CaseState, Satisfaction, nextState } from '../../subgraphs/services/case/case-state-machine.rules';
import { CaseLevel, nextLevel } from '../../subgraphs/services/case/case-escalation.rules';
import { checkValues, type AttributeValueData } from '../../subgraphs/services/item/item-attributes.rules';
import { intakeFingerprint } from '../../subgraphs/services/case/case-intake-fingerprint.rules';
import { itemAt } from '../../lib/lists';
import { bulkInsert, tableWriter, type Column } from './bulk-insert';
import { IdSequence } from './generated-ids';
import type { GridDistrict } from './grid-district';
import type { Progress } from './progress';
import { DAY, HOUR, Random } from './random';
import type { Scale } from './scales';
import { ADMITTED_SHARE, CATALOGUE, ITEM_VERSION_CHANGED_AT, type CatalogueItem } from './service-catalogue';

/**
 * The services part of a generated district: the item catalogue with its versions, the admitted
 * items' requests and assignments, and a year of cases up to `SERVICES_AS_OF`, each with the
 * timeline the state machine allows. A case's fate is drawn when it is reported (cancelled,
 * handled on time or late, returned, parked, extended, escalated, rated, reopened, stuck); its
 * steps are taken one by one through the services domain's own rules and stop at "today", so
 * the recent cases are still open and the stuck ones overdue.
 */
export const SERVICES_AS_OF = new Date('2026-11-23T00:00:00Z');

const CHANNELS: Array<[string, number]> = [
  ['GRID_WORKER', 35],
  ['HOTLINE', 25],
  ['APP_PHOTO', 20],
  ['WECHAT', 12],
  ['WALK_IN', 8],
];
const MINUTE = 60_000;
/** Beijing is UTC+8: a day's reports fall between 07:00 and 22:00 there, most in office hours. */
const HOURS: Array<[number, number]> = [
  [7, 3],
  [8, 8],
  [9, 12],
  [10, 12],
  [11, 9],
  [12, 4],
  [13, 5],
  [14, 9],
  [15, 10],
  [16, 9],
  [17, 6],
  [18, 4],
  [19, 4],
  [20, 3],
  [21, 2],
];

interface Version {
  id: string;
  timeLimitHours: number;
  category: string;
  department: string;
}

interface CaseRow {
  state: CaseState;
  level: CaseLevel;
  version: number;
  reopenCount: number;
  satisfaction: Satisfaction | null;
  acceptedAt: Date | null;
  dispatchedAt: Date | null;
  deadline: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  parkedAt: Date | null;
  updatedAt: Date;
}

export interface ServicesTotals {
  cases: number;
  events: number;
}

export async function generateServices(
  orm: MikroORM,
  scale: Scale,
  seed: number,
  progress: Progress,
  grid: GridDistrict,
): Promise<ServicesTotals> {
  const faker = new Faker({ locale: [zh_CN, base], seed: seed + 17 });
  const random = new Random(seed + 17);
  const ids = {
    item: new IdSequence(17),
    version: new IdSequence(18),
    serviceCase: new IdSequence(19),
    event: new IdSequence(20),
    extension: new IdSequence(21),
    notice: new IdSequence(22),
    assignment: new IdSequence(23),
    admission: new IdSequence(24),
  };
  const created = new Date('2025-01-01T00:00:00Z');
  const write = tableWriter(orm, 'services', progress);

  const items: unknown[][] = [];
  const versions: unknown[][] = [];
  const versionsOf = new Map<CatalogueItem, { id: string; first: Version; current: Version }>();
  for (const item of CATALOGUE) {
    const id = ids.item.next();
    const first: Version = {
      id: ids.version.next(),
      timeLimitHours: item.timeLimitHours,
      category: item.category,
      department: item.department,
    };
    const row = (v: Version, version: number, at: Date) => [
      v.id,
      id,
      version,
      item.name,
      item.category,
      item.department,
      item.level,
      v.timeLimitHours,
      item.homeService,
      item.lists,
      JSON.stringify(item.attributes),
      at,
    ];
    versions.push(row(first, 1, created));
    let current = first;
    if (item.change) {
      current = { ...first, id: ids.version.next(), timeLimitHours: item.change.timeLimitHours };
      versions.push(row(current, 2, ITEM_VERSION_CHANGED_AT));
    }
    items.push([
      id,
      item.code,
      item.name,
      item.category,
      item.department,
      item.level,
      current.timeLimitHours,
      item.homeService,
      item.lists,
      JSON.stringify(item.attributes),
      item.change ? 2 : 1,
      created,
      item.change ? ITEM_VERSION_CHANGED_AT : created,
    ]);
    versionsOf.set(item, { id, first, current });
  }
  await write(
    'service_item',
    [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
      ['category', 'text'],
      ['department', 'text'],
      ['level', 'text'],
      ['time_limit_hours', 'int'],
      ['home_service', 'boolean'],
      ['lists', 'text[]'],
      ['attributes', 'jsonb'],
      ['version', 'int'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    items,
  );
  await write(
    'service_item_version',
    [
      ['id', 'uuid'],
      ['item_id', 'uuid'],
      ['version', 'int'],
      ['name', 'text'],
      ['category', 'text'],
      ['department', 'text'],
      ['level', 'text'],
      ['time_limit_hours', 'int'],
      ['home_service', 'boolean'],
      ['lists', 'text[]'],
      ['attributes', 'jsonb'],
      ['created_at', 'timestamptz'],
    ],
    versions,
  );

  // 入格事项: each admitted item went through the admission committee, then into some grids.
  const admissions: unknown[][] = [];
  const assignments: unknown[][] = [];
  const admittedGrids = new Map<CatalogueItem, Set<string>>();
  for (const item of CATALOGUE.filter((i) => i.lists.includes('GRID_ADMITTED'))) {
    const itemId = versionsOf.get(item)!.id;
    admissions.push([
      ids.admission.next(),
      item.department,
      itemId,
      'GRID',
      `${item.name}需要网格员就近开展`,
      `按时完成${item.name}并记入台账`,
      true,
      true,
      true,
      'APPROVED',
      '两明确、三到位，同意入格',
      '社区工作准入委员会',
      new Date('2025-01-10T02:00:00Z'),
      new Date('2025-01-05T02:00:00Z'),
    ]);
    const gridsIn = new Set(grid.grids.filter(() => random.chance(ADMITTED_SHARE[item.code] ?? 0.5)).map((g) => g.id));
    admittedGrids.set(item, gridsIn);
    for (const gridId of gridsIn)
      assignments.push([
        ids.assignment.next(),
        itemId,
        gridId,
        null,
        '社区工作准入委员会',
        new Date('2025-01-11T02:00:00Z'),
      ]);
  }
  await write(
    'admission_request',
    [
      ['id', 'uuid'],
      ['department', 'text'],
      ['item_id', 'uuid'],
      ['target', 'text'],
      ['reason', 'text'],
      ['tasks', 'text'],
      ['authority_confirmed', 'boolean'],
      ['training_confirmed', 'boolean'],
      ['funding_confirmed', 'boolean'],
      ['status', 'text'],
      ['decision_reason', 'text'],
      ['decided_by', 'text'],
      ['decided_at', 'timestamptz'],
      ['submitted_at', 'timestamptz'],
    ],
    admissions,
  );
  await write(
    'item_assignment',
    [
      ['id', 'uuid'],
      ['item_id', 'uuid'],
      ['grid_id', 'uuid'],
      ['community_id', 'uuid'],
      ['assigned_by', 'text'],
      ['assigned_at', 'timestamptz'],
    ],
    assignments,
  );

  // Where cases come from: grids in proportion to their households; a reporter from the grid's residents.
  const communityOf = new Map(grid.communities.map((c) => [c.id, c]));
  const gridCumulative: number[] = [];
  grid.grids.forEach((g) => gridCumulative.push((gridCumulative[gridCumulative.length - 1] ?? 0) + g.households));
  const residentRange = new Map<string, [number, number]>();
  grid.residentGrid.forEach((gridId, i) => {
    const range = residentRange.get(gridId);
    if (range) range[1] = i;
    else residentRange.set(gridId, [i, i]);
  });
  const pickGrid = () => {
    const r = random.float() * (gridCumulative.at(-1) ?? 0);
    let lo = 0;
    let hi = gridCumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (itemAt(gridCumulative, mid) > r) hi = mid;
      else lo = mid + 1;
    }
    return itemAt(grid.grids, lo);
  };
  const reportable = CATALOGUE.filter((item) => item.weight > 0).map((item) => [item, item.weight] as const);
  const places = Array.from({ length: 400 }, () => faker.location.street());
  const workers = Array.from({ length: 200 }, () => faker.person.fullName().replace(/\s/g, ''));

  // Reports per day: fewer at weekends, more in summer; the total is exact.
  const total = scale.casesPerDistrict * scale.districts;
  const firstDay = SERVICES_AS_OF.getTime() - 365 * DAY;
  const dayWeights = Array.from({ length: 365 }, (_, d) => {
    const date = new Date(firstDay + d * DAY + 8 * HOUR);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const month = date.getUTCMonth();
    return (weekend ? 0.7 : 1) * (month >= 5 && month <= 7 ? 1.15 : 1) * (0.9 + 0.2 * random.float());
  });
  const weightSum = dayWeights.reduce((a, b) => a + b, 0);
  let carry = 0;
  const perDay = dayWeights.map((w) => {
    const exact = (total * w) / weightSum + carry;
    const n = Math.round(exact);
    carry = exact - n;
    return n;
  });

  const caseColumns: Array<[string, string]> = [
    ['id', 'uuid'],
    ['channel', 'text'],
    ['item_id', 'uuid'],
    ['item_version_id', 'uuid'],
    ['category', 'text'],
    ['department', 'text'],
    ['grid_id', 'uuid'],
    ['community_id', 'uuid'],
    ['street_id', 'uuid'],
    ['reporter_resident_id', 'uuid'],
    ['description', 'text'],
    ['location', 'text'],
    ['attributes', 'jsonb'],
    ['state', 'text'],
    ['level', 'text'],
    ['version', 'int'],
    ['reopen_count', 'int'],
    ['satisfaction', 'text'],
    ['idempotency_key', 'text'],
    ['intake_fingerprint', 'text'],
    ['reported_at', 'timestamptz'],
    ['accepted_at', 'timestamptz'],
    ['dispatched_at', 'timestamptz'],
    ['deadline', 'timestamptz'],
    ['resolved_at', 'timestamptz'],
    ['closed_at', 'timestamptz'],
    ['parked_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ];
  const eventColumns: Array<[string, string]> = [
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['action', 'text'],
    ['from_state', 'text'],
    ['to_state', 'text'],
    ['from_level', 'text'],
    ['to_level', 'text'],
    ['actor', 'text'],
    ['note', 'text'],
    ['occurred_at', 'timestamptz'],
  ];
  const extensionColumns: Array<[string, string]> = [
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['hours', 'int'],
    ['reason', 'text'],
    ['requested_by', 'text'],
    ['requested_at', 'timestamptz'],
    ['status', 'text'],
    ['decided_by', 'text'],
    ['decision_note', 'text'],
    ['decided_at', 'timestamptz'],
  ];
  const noticeColumns: Array<[string, string]> = [
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['department', 'text'],
    ['deadline', 'timestamptz'],
    ['overdue_hours', 'float8'],
    ['issued_by', 'text'],
    ['note', 'text'],
    ['issued_at', 'timestamptz'],
  ];
  const asColumns = (list: Array<[string, string]>): Column[] => list.map(([name, type]) => ({ name, type }));
  const caseBar = progress.bar('service_case', total);
  const eventBar = progress.bar('case_event', total * 8);
  const extensionBar = progress.bar('case_extension', 0);
  const noticeBar = progress.bar('supervision_notice', 0);
  const totals = { cases: 0, events: 0, extensions: 0, notices: 0 };

  let cases: unknown[][] = [];
  let events: unknown[][] = [];
  let extensions: unknown[][] = [];
  let notices: unknown[][] = [];
  const flush = async () => {
    await bulkInsert(orm, 'services.service_case', asColumns(caseColumns), cases, caseBar);
    await bulkInsert(orm, 'services.case_event', asColumns(eventColumns), events, eventBar);
    extensionBar.setTotal(totals.extensions);
    await bulkInsert(orm, 'services.case_extension', asColumns(extensionColumns), extensions, extensionBar);
    noticeBar.setTotal(totals.notices);
    await bulkInsert(orm, 'services.supervision_notice', asColumns(noticeColumns), notices, noticeBar);
    cases = [];
    events = [];
    extensions = [];
    notices = [];
  };

  let serial = 0;
  for (let d = 0; d < 365; d += 1) {
    const dayStart = firstDay + d * DAY - 8 * HOUR;
    const times = Array.from(
      { length: itemAt(perDay, d) },
      () => dayStart + random.weighted(HOURS) * HOUR + Math.floor(random.float() * 60 * MINUTE),
    ).sort((a, b) => a - b);
    for (const reportedTime of times) {
      serial += 1;
      const reportedAt = new Date(reportedTime);
      const place = pickGrid();
      let item = random.weighted(reportable);
      if (item.lists.includes('GRID_ADMITTED') && !admittedGrids.get(item)!.has(place.id)) item = itemAt(CATALOGUE, 2);
      const catalogued = versionsOf.get(item)!;
      const version = item.change && reportedAt >= ITEM_VERSION_CHANGED_AT ? catalogued.current : catalogued.first;
      const channel = item.lists.includes('CERTIFICATE') ? 'WALK_IN' : random.weighted(CHANNELS);
      const range = residentRange.get(place.id);
      const withReporter = range && random.chance(channel === 'GRID_WORKER' ? 0.1 : channel === 'WALK_IN' ? 1 : 0.72);
      const reporter = withReporter ? grid.residentIds[random.int(range[0], range[1])] : null;
      const description = random.pick(item.descriptions);
      const location = random.chance(0.55) ? `${random.pick(places)}${random.int(1, 199)}号附近` : null;
      const attributes = checkValues(item.attributes, attributeValues(item, random));
      const community = communityOf.get(place.communityId)!;
      const caseId = ids.serviceCase.next();
      const keyed = channel === 'APP_PHOTO' || channel === 'WECHAT';
      const key = keyed ? uuidFrom(`${seed}:${serial}`) : null;
      const fingerprint = key
        ? intakeFingerprint({
            channel,
            itemId: catalogued.id,
            gridId: place.id,
            reporterResidentId: reporter,
            description,
            location,
            attributes,
          })
        : null;

      const row: CaseRow = {
        state: CaseState.REPORTED,
        level: CaseLevel.GRID,
        version: 1,
        reopenCount: 0,
        satisfaction: null,
        acceptedAt: null,
        dispatchedAt: null,
        deadline: null,
        resolvedAt: null,
        closedAt: null,
        parkedAt: null,
        updatedAt: reportedAt,
      };
      events.push([
        ids.event.next(),
        caseId,
        CaseAction.REPORT,
        null,
        CaseState.REPORTED,
        null,
        CaseLevel.GRID,
        channel === 'GRID_WORKER' ? random.pick(workers) : channel === 'HOTLINE' ? '12345热线' : 'resident',
        channel,
        reportedAt,
      ]);
      totals.events += 1;
      const department = version.department;
      /** One step through the domain's state machine; false once "today" is reached and the case stops there. */
      const step = (
        action: CaseAction,
        at: number,
        actor: string,
        note: string | null,
        effect?: (c: CaseRow, now: Date) => string | void,
        satisfaction?: Satisfaction,
      ): boolean => {
        if (at >= SERVICES_AS_OF.getTime()) return false;
        const now = new Date(at);
        const fromState = row.state;
        const fromLevel = row.level;
        const toState = nextState(fromState, action, { satisfaction });
        const detail = effect?.(row, now);
        row.state = toState;
        row.version += 1;
        row.updatedAt = now;
        events.push([
          ids.event.next(),
          caseId,
          action,
          fromState,
          toState,
          fromLevel,
          row.level,
          actor,
          [note, detail].filter(Boolean).join(' — ') || null,
          now,
        ]);
        totals.events += 1;
        return true;
      };
      const dispatchEffect = (c: CaseRow, now: Date) => {
        c.dispatchedAt = now;
        c.deadline = new Date(now.getTime() + version.timeLimitHours * HOUR);
        return `to ${department}, deadline ${c.deadline.toISOString()}`;
      };
      const limit = version.timeLimitHours * HOUR;
      const desk = channel === 'GRID_WORKER' ? '网格管理中心' : '街道综治中心';
      const runCase = (): void => {
        let t = reportedTime;
        const fate = random.float();
        if (fate < 0.02) {
          step(
            CaseAction.CANCEL,
            t + random.int(10, 180) * MINUTE,
            desk,
            random.pick(['重复上报', '不属于受理范围', '信息不实']),
          );
          return;
        }
        t += (channel === 'GRID_WORKER' ? random.int(1, 15) : random.int(5, 120)) * MINUTE;
        if (
          !step(CaseAction.ACCEPT, t, desk, null, (c, now) => {
            c.acceptedAt = now;
          })
        )
          return;
        if (fate < 0.03) {
          step(CaseAction.CANCEL, t + random.int(30, 600) * MINUTE, desk, '经核实已自行解决');
          return;
        }
        // 小事不出格: about one case in twelve goes up a level before it is dispatched, a few two.
        const climbs = random.chance(0.08) ? (random.chance(0.2) ? 2 : 1) : 0;
        for (let i = 0; i < climbs; i += 1) {
          t += random.int(30, 24 * 60) * MINUTE;
          if (
            !step(CaseAction.ESCALATE, t, desk, '网格内无法解决，提请上级', (c) => {
              const from = c.level;
              c.level = nextLevel(c.level);
              c.deadline = null;
              return `${from} → ${c.level}`;
            })
          )
            return;
        }
        t += random.int(10, 240) * MINUTE;
        if (!step(CaseAction.DISPATCH, t, desk, null, dispatchEffect)) return;
        if (fate < 0.034) return; // stuck: dispatched, never taken up
        if (random.chance(0.03)) {
          t += random.int(60, 8 * 60) * MINUTE;
          if (!step(CaseAction.RETURN, t, department, '非本部门职责，申请改派')) return;
          if (fate < 0.036) return; // stuck: returned, never dispatched again
          t += random.int(60, 6 * 60) * MINUTE;
          if (!step(CaseAction.DISPATCH, t, desk, null, dispatchEffect)) return;
        }
        for (let round = 0; ; round += 1) {
          t += random.int(10, 6 * 60) * MINUTE;
          if (!step(CaseAction.START, t, department, null)) return;
          const stuck = round === 0 && fate > 0.985;
          const late = round === 0 && random.chance(0.08);
          if (random.chance(0.02) || (stuck && fate > 0.996)) {
            t += Math.floor(random.float() * limit * 0.5);
            if (
              !step(
                CaseAction.PARK,
                t,
                department,
                random.pick(['等待产权单位答复', '需协调多部门会商', '当事人外出暂无法处理']),
                (c, now) => {
                  c.parkedAt = now;
                },
              )
            )
              return;
            if (stuck) return;
            t += random.int(1, 10) * DAY;
            if (
              !step(CaseAction.RESUME, t, department, null, (c, now) => {
                c.deadline = c.deadline
                  ? new Date(c.deadline.getTime() + Math.max(0, now.getTime() - (c.parkedAt ?? now).getTime()))
                  : null;
                c.parkedAt = null;
              })
            )
              return;
          }
          if (random.chance(0.025)) {
            const hours = random.pick([24, 48, 72, 120]);
            const reason = random.pick(['需等待配件到货', '涉及多户协调，时间较长', '天气原因暂缓施工']);
            t += Math.floor(random.float() * limit * 0.4);
            const requestedAt = new Date(t);
            const extensionId = ids.extension.next();
            if (!step(CaseAction.REQUEST_EXTENSION, t, department, reason, () => `+${hours} h requested`)) return;
            const approve = random.chance(0.8);
            t += random.int(2, 24) * HOUR;
            const decided = step(
              CaseAction.DECIDE_EXTENSION,
              t,
              '街道综治中心',
              approve ? '同意延期' : '不同意延期，请按期办结',
              (c, now) => {
                if (!approve) return `extension of ${hours} h rejected`;
                c.deadline = new Date((c.deadline ?? now).getTime() + hours * HOUR);
                return `extension of ${hours} h approved, deadline ${c.deadline.toISOString()}`;
              },
            );
            extensions.push([
              extensionId,
              caseId,
              hours,
              reason,
              department,
              requestedAt,
              decided ? (approve ? 'APPROVED' : 'REJECTED') : 'PENDING',
              decided ? '街道综治中心' : null,
              decided ? (approve ? '同意延期' : '不同意延期，请按期办结') : null,
              decided ? new Date(t) : null,
            ]);
            totals.extensions += 1;
            if (!decided) return;
          }
          const sinceDispatch = t - row.dispatchedAt!.getTime();
          const remaining = row.deadline!.getTime() - row.dispatchedAt!.getTime();
          const target =
            row.dispatchedAt!.getTime() +
            (late
              ? remaining * (1.05 + 1.5 * random.float())
              : Math.max(sinceDispatch, remaining * 0.95) * (0.15 + 0.8 * random.float()));
          const resolveAt = stuck ? Infinity : Math.max(t + 20 * MINUTE, target);
          // 督办: an open case a day past its deadline gets a notice.
          const noticeAt = row.deadline!.getTime() + DAY;
          if (resolveAt > noticeAt && noticeAt > t) {
            const deadline = row.deadline!;
            const overdueHours = Math.round(((noticeAt - deadline.getTime()) / HOUR) * 100) / 100;
            if (
              step(
                CaseAction.SUPERVISE,
                noticeAt,
                '区委督查室',
                '请尽快办结并反馈',
                () => `督办 ${department}, ${overdueHours} h overdue`,
              )
            ) {
              notices.push([
                ids.notice.next(),
                caseId,
                department,
                deadline,
                overdueHours,
                '区委督查室',
                '请尽快办结并反馈',
                new Date(noticeAt),
              ]);
              totals.notices += 1;
            }
          }
          if (stuck) return;
          t = resolveAt;
          if (
            !step(
              CaseAction.RESOLVE,
              t,
              department,
              random.pick(['已处理完毕', '已现场整改', '已协调解决', '已办结并回复当事人']),
              (c, now) => {
                c.resolvedAt = now;
              },
            )
          )
            return;
          t += random.int(30, 20 * 60) * MINUTE;
          if (
            !step(
              CaseAction.VERIFY,
              t,
              channel === 'GRID_WORKER' ? random.pick(workers) : '街道综治中心',
              '现场核查属实',
            )
          )
            return;
          t += random.int(10, 12 * 60) * MINUTE;
          if (
            !step(CaseAction.CLOSE, t, desk, null, (c, now) => {
              c.closedAt = now;
              c.satisfaction = null;
            })
          )
            return;
          if (!random.chance(0.86)) return;
          t += random.int(60, 72 * 60) * MINUTE;
          const satisfaction =
            round > 0
              ? random.weighted([
                  [Satisfaction.SATISFIED, 80],
                  [Satisfaction.BASIC, 20],
                ])
              : random.weighted([
                  [Satisfaction.SATISFIED, 84],
                  [Satisfaction.BASIC, 12],
                  [Satisfaction.UNSATISFIED, 4],
                ]);
          if (
            !step(
              CaseAction.RATE,
              t,
              reporter ? 'resident' : '回访员',
              null,
              (c, now) => {
                c.satisfaction = satisfaction;
                if (satisfaction !== Satisfaction.UNSATISFIED) return satisfaction;
                c.reopenCount += 1;
                c.resolvedAt = null;
                c.closedAt = null;
                dispatchEffect(c, now);
                return `UNSATISFIED: reopened (rework ${c.reopenCount}), deadline ${c.deadline!.toISOString()}`;
              },
              satisfaction,
            )
          )
            return;
          if (satisfaction !== Satisfaction.UNSATISFIED) return;
        }
      };
      runCase();
      totals.cases += 1;
      cases.push([
        caseId,
        channel,
        catalogued.id,
        version.id,
        version.category,
        department,
        place.id,
        place.communityId,
        community.streetId,
        reporter,
        description,
        location,
        JSON.stringify(attributes),
        row.state,
        row.level,
        row.version,
        row.reopenCount,
        row.satisfaction,
        key,
        fingerprint,
        reportedAt,
        row.acceptedAt,
        row.dispatchedAt,
        row.deadline,
        row.resolvedAt,
        row.closedAt,
        row.parkedAt,
        row.updatedAt,
      ]);
    }
    if (cases.length >= 20_000 || d === 364) await flush();
  }
  eventBar.setTotal(totals.events);
  for (const bar of [caseBar, eventBar, extensionBar, noticeBar]) progress.done(bar);
  return { cases: totals.cases, events: totals.events };
}

function attributeValues(item: CatalogueItem, random: Random): AttributeValueData[] {
  const values: AttributeValueData[] = [];
  for (const definition of item.attributes) {
    if (!definition.required && random.chance(0.4)) continue;
    let value: string;
    switch (definition.type) {
      case 'ENUM':
        value = random.pick(definition.allowedValues);
        break;
      case 'NUMBER':
        value = String(random.int(2, 6));
        break;
      case 'BOOLEAN':
        value = String(random.chance(0.7));
        break;
      case 'DATE':
        value = `${random.int(1930, 1945)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
        break;
      default:
        value = random.pick(item.samples?.[definition.name] ?? ['其他']);
    }
    values.push({ name: definition.name, value });
  }
  return values;
}

/** A UUID-shaped idempotency key, as a mobile client makes one, derived from the seed so runs repeat. */
function uuidFrom(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
