import { randomUUID } from 'node:crypto';
import {
  advance,
  caseWrites,
  dispatch,
  dispatchAndStart,
  finish,
  ITEMS,
  place,
  rate,
  report,
  setCaseColumn,
} from './support/services-cases';
import { startTestHub, type TestHub } from './support/test-hub';
import { demoDistrict } from '../lib/demo-district';
import { newId } from '../lib/ids';
import { CaseEvent } from '../subgraphs/services/case/case-event.entity';
import { ServiceCase } from '../subgraphs/services/case/case.entity';
import { CaseAction, CaseChannel, CaseState } from '../subgraphs/services/shared/enums';
import { intakeStore } from '../subgraphs/services/case/case-intake.store';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

const HOUR = 3_600_000;
const steps = (timeline: any[]) => timeline.map((e) => `${e.action}:${e.fromState ?? '-'}>${e.toState}`);

describe('the closed loop (六步闭环)', () => {
  it('runs a report from intake to a satisfied closing, every step on the timeline', async () => {
    const reported = await report(hub, {
      channel: 'APP_PHOTO',
      location: '东门',
      attributes: [
        { name: 'problem', value: '垃圾堆放' },
        { name: 'photoTaken', value: 'true' },
      ],
    });
    expect(reported).toMatchObject({
      state: 'REPORTED',
      level: 'GRID',
      version: 1,
      department: '城管局',
      category: '城市管理',
      deadline: null,
      allowedActions: ['ACCEPT', 'CANCEL'],
    });
    // Grid, community and street come from the grid subgraph through the gateway.
    const placed = await hub.query(
      `query ($id: ID!) { case(id: $id) { grid { name } community { name } street { name } item { code } itemVersion { version timeLimitHours } attributes { name value } location } }`,
      { id: reported.id },
    );
    expect(placed.case).toEqual({
      grid: { name: '东城第一网格' },
      community: { name: '东城社区' },
      street: { name: '圣城街道' },
      item: { code: 'GD-03' },
      itemVersion: { version: 1, timeLimitHours: 24 },
      attributes: [
        { name: 'problem', value: '垃圾堆放' },
        { name: 'photoTaken', value: 'true' },
      ],
      location: '东门',
    });

    const accepted = await advance(hub, reported, 'ACCEPT');
    const dispatched = await dispatch(hub, accepted);
    expect(dispatched).toMatchObject({ state: 'DISPATCHED', version: 3, department: '城管局', overdue: false });
    expect(new Date(dispatched.deadline).getTime() - new Date(dispatched.dispatchedAt).getTime()).toBe(24 * HOUR);
    const started = await advance(hub, dispatched, 'START');
    const closed = await finish(hub, started);
    expect(closed).toMatchObject({ state: 'CLOSED', version: 7, allowedActions: ['RATE'], satisfaction: null });
    const rated = await rate(hub, closed, 'SATISFIED');
    expect(rated).toMatchObject({ state: 'CLOSED', version: 8, satisfaction: 'SATISFIED', reopenCount: 0 });
    expect(steps(rated.timeline)).toEqual([
      'REPORT:->REPORTED',
      'ACCEPT:REPORTED>ACCEPTED',
      'DISPATCH:ACCEPTED>DISPATCHED',
      'START:DISPATCHED>IN_PROGRESS',
      'RESOLVE:IN_PROGRESS>RESOLVED',
      'VERIFY:RESOLVED>VERIFIED',
      'CLOSE:VERIFIED>CLOSED',
      'RATE:CLOSED>CLOSED',
    ]);
    expect(rated.timeline.every((e: any) => e.actor === 'test-admin')).toBe(true);
    expect(rated.timeline[2].note).toContain('to 城管局, deadline');

    const again = await hub.fail(`mutation ($input: RateCaseInput!) { rateCase(input: $input) { id } }`, {
      input: { caseId: rated.id, expectedVersion: rated.version, satisfaction: 'BASIC' },
    });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.caseId' });
    expect(again.message).toContain('already rated SATISFIED');
  });

  it('reopens a case rated unsatisfied (推倒重来), counts the rework and closes it again', async () => {
    const closed = await finish(hub, await dispatchAndStart(hub, await advance(hub, await report(hub), 'ACCEPT')));
    const firstDeadline = closed.deadline;
    const reopened = await rate(hub, closed, 'UNSATISFIED');
    expect(reopened).toMatchObject({
      state: 'DISPATCHED',
      reopenCount: 1,
      satisfaction: 'UNSATISFIED',
      allowedActions: expect.arrayContaining(['START']),
    });
    expect(new Date(reopened.deadline).getTime()).toBeGreaterThan(new Date(firstDeadline).getTime());
    const last = reopened.timeline[reopened.timeline.length - 1];
    expect(last).toMatchObject({ action: 'RATE', fromState: 'CLOSED', toState: 'DISPATCHED' });
    expect(last.note).toContain('UNSATISFIED: reopened (rework 1)');

    const reclosed = await finish(hub, await advance(hub, reopened, 'START'));
    expect(reclosed.satisfaction).toBeNull();
    const rated = await rate(hub, reclosed, 'BASIC');
    expect(rated).toMatchObject({ state: 'CLOSED', satisfaction: 'BASIC', reopenCount: 1 });
    expect(steps(rated.timeline).slice(7)).toEqual([
      'RATE:CLOSED>DISPATCHED',
      'START:DISPATCHED>IN_PROGRESS',
      'RESOLVE:IN_PROGRESS>RESOLVED',
      'VERIFY:RESOLVED>VERIFIED',
      'CLOSE:VERIFIED>CLOSED',
      'RATE:CLOSED>CLOSED',
    ]);
  });

  it('returns a case to the dispatcher, parks and resumes it with a note, and cancels an invalid report', async () => {
    const started = await dispatchAndStart(hub, await advance(hub, await report(hub), 'ACCEPT'));
    const parked = await advance(hub, started, 'PARK', '等待管网施工');
    // No extension waits for a decision, and the case is not overdue: neither is offered.
    expect(parked).toMatchObject({ state: 'PARKED', allowedActions: ['RESUME'] });
    const resumed = await advance(hub, parked, 'RESUME');
    expect(new Date(resumed.deadline).getTime()).toBeGreaterThanOrEqual(new Date(started.deadline).getTime());
    const returned = await advance(hub, resumed, 'RETURN', '不属本部门职责');
    expect(returned).toMatchObject({ state: 'RETURNED', allowedActions: ['DISPATCH', 'ESCALATE'] });
    const redispatched = await dispatch(hub, returned, '环卫处');
    expect(redispatched).toMatchObject({ state: 'DISPATCHED', department: '环卫处' });

    const noNote = await hub.fail(`mutation ($input: CaseStepInput!) { advanceCase(input: $input) { id } }`, {
      input: { caseId: (await report(hub)).id, expectedVersion: 1, action: 'CANCEL' },
    });
    expect(noNote.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    const cancelled = await advance(hub, await report(hub, { description: '重复上报' }), 'CANCEL', '重复上报，作废');
    expect(cancelled).toMatchObject({ state: 'CANCELLED', allowedActions: [] });
  });

  it('grants a deadline extension on approval, one request at a time', async () => {
    const started = await dispatchAndStart(hub, await advance(hub, await report(hub), 'ACCEPT'));
    const requested = await hub.query(
      `mutation ($input: RequestExtensionInput!) { requestCaseExtension(input: $input) { id hours status case { version } } }`,
      { input: { caseId: started.id, expectedVersion: started.version, hours: 48, reason: '需协调物业' } },
    );
    expect(requested.requestCaseExtension).toMatchObject({
      hours: 48,
      status: 'PENDING',
      case: { version: started.version + 1 },
    });
    const second = await hub.fail(
      `mutation ($input: RequestExtensionInput!) { requestCaseExtension(input: $input) { id } }`,
      { input: { caseId: started.id, expectedVersion: started.version + 1, hours: 24, reason: '再延' } },
    );
    expect(second.message).toContain('already has an extension request waiting');
    const decided = await hub.query(
      `mutation ($input: DecideExtensionInput!) { decideCaseExtension(input: $input) { status decidedBy case { deadline version timeline { action note } } } }`,
      {
        input: {
          caseId: started.id,
          expectedVersion: started.version + 1,
          extensionId: requested.requestCaseExtension.id,
          approve: true,
        },
      },
    );
    expect(decided.decideCaseExtension.status).toBe('APPROVED');
    expect(new Date(decided.decideCaseExtension.case.deadline).getTime() - new Date(started.deadline).getTime()).toBe(
      48 * HOUR,
    );
    expect(decided.decideCaseExtension.case.timeline.slice(-2).map((e: any) => e.action)).toEqual([
      'REQUEST_EXTENSION',
      'DECIDE_EXTENSION',
    ]);
  });
});

describe('the list of cases', () => {
  it('narrows by street, community, grid, department and state: the rows of the database, in id order, with their total', async () => {
    for (const gridIndex of [0, 2, 4]) await report(hub, { gridId: place(gridIndex).gridId });
    await dispatch(hub, await advance(hub, await report(hub, { gridId: place(4).gridId }), 'ACCEPT'));
    const connection = hub.hub.subgraphs.services.database.orm.em.getConnection();
    const idsWhere = async (where: string, values: unknown[]) =>
      (
        await connection.execute<Array<{ id: string }>>(
          `select id from services.service_case where ${where} order by id`,
          values,
        )
      ).map((row) => row.id);
    const all = await idsWhere('true', []);
    const filters: Array<[Record<string, string>, string, unknown[]]> = [
      [{ streetId: place(4).streetId }, 'street_id = ?', [place(4).streetId]],
      [{ communityId: place(2).communityId }, 'community_id = ?', [place(2).communityId]],
      [{ gridId: place(0).gridId }, 'grid_id = ?', [place(0).gridId]],
      [{ department: '城管局', state: 'DISPATCHED' }, 'department = ? and state = ?', ['城管局', 'DISPATCHED']],
      [
        { streetId: place(0).streetId, state: 'REPORTED' },
        'street_id = ? and state = ?',
        [place(0).streetId, 'REPORTED'],
      ],
    ];
    for (const [filter, where, values] of filters) {
      const expected = await idsWhere(where, values);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(all.length);
      const data = await hub.query(
        `query ($streetId: ID, $communityId: ID, $gridId: ID, $department: String, $state: CaseState) {
          cases(first: 100, streetId: $streetId, communityId: $communityId, gridId: $gridId, department: $department, state: $state) { totalCount nodes { id } }
        }`,
        filter,
      );
      expect(data.cases.nodes.map((c: { id: string }) => c.id)).toEqual(expected);
      expect(data.cases.totalCount).toBe(expected.length);
    }
  });

  it('refuses a territory that is not an id, naming the argument', async () => {
    for (const field of ['streetId', 'communityId', 'gridId']) {
      const error = await hub.fail(`query ($v: ID) { cases(${field}: $v) { totalCount } }`, { v: 'not-an-id' });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toBe(`${field} is not an id`);
    }
  });
});

describe('escalation (小事不出格、大事不出网)', () => {
  it('climbs from the grid to a department, which gets the case dispatched with its own deadline', async () => {
    let c = await advance(
      hub,
      await report(hub, { itemId: ITEMS.dispute, attributes: [{ name: 'disputeKind', value: '物业纠纷' }] }),
      'ACCEPT',
    );
    c = await dispatch(hub, c);
    expect(c).toMatchObject({ level: 'GRID', department: '司法所' });
    for (const level of ['COMMUNITY', 'STREET', 'DEPARTMENT']) {
      c = await advance(hub, c, 'ESCALATE', '本级无法解决');
      expect(c).toMatchObject({ state: 'ACCEPTED', level, deadline: null });
    }
    c = await dispatch(hub, c, '市住建局');
    expect(c).toMatchObject({ state: 'DISPATCHED', level: 'DEPARTMENT', department: '市住建局' });
    expect(new Date(c.deadline).getTime() - new Date(c.dispatchedAt).getTime()).toBe(48 * HOUR);
    const escalations = c.timeline.filter((e: any) => e.action === 'ESCALATE');
    expect(escalations.map((e: any) => `${e.fromLevel}>${e.toLevel}`)).toEqual([
      'GRID>COMMUNITY',
      'COMMUNITY>STREET',
      'STREET>DEPARTMENT',
    ]);
    expect(escalations[0].note).toBe('本级无法解决 — GRID → COMMUNITY');

    const atCity = await advance(hub, c, 'ESCALATE');
    expect(atCity.level).toBe('CITY');
    const beyond = await hub.fail(`mutation ($input: CaseStepInput!) { advanceCase(input: $input) { id } }`, {
      input: { caseId: atCity.id, expectedVersion: atCity.version, action: 'ESCALATE' },
    });
    expect(beyond.extensions?.code).toBe('CONFLICT');
    expect(beyond.message).toContain('already at CITY, the top level');
  });
});

describe('overdue cases and supervision (督办)', () => {
  it('finds a case past its deadline by query and issues a supervision notice on it', async () => {
    const started = await dispatchAndStart(
      hub,
      await advance(hub, await report(hub, { gridId: place(1).gridId }), 'ACCEPT'),
    );
    const onTime = await dispatch(hub, await advance(hub, await report(hub, { gridId: place(1).gridId }), 'ACCEPT'));
    // Test-only SQL: the deadline moved two hours into the past, as if the 24 h had run out.
    await setCaseColumn(hub, started.id, `deadline = now() - interval '2 hours'`);

    const found = await hub.query(
      `query ($g: ID!) {
        cases(overdue: true, first: 50) { nodes { id overdue } }
        grid(id: $g) { cases(overdue: true) { totalCount nodes { id } } all: cases { totalCount } }
      }`,
      { g: place(1).gridId },
    );
    expect(found.cases.nodes).toContainEqual({ id: started.id, overdue: true });
    expect(found.cases.nodes.map((n: any) => n.id)).not.toContain(onTime.id);
    expect(found.grid.cases).toEqual({ totalCount: 1, nodes: [{ id: started.id }] });
    expect(found.grid.all.totalCount).toBe(2);
    const notOverdue = await hub.query(`query ($g: ID!) { cases(gridId: $g, overdue: false) { nodes { id } } }`, {
      g: place(1).gridId,
    });
    expect(notOverdue.cases.nodes).toEqual([{ id: onTime.id }]);

    const notice = await hub.query(
      `mutation ($input: SuperviseCaseInput!) { superviseCase(input: $input) { department overdueHours note case { version supervisionNotices { id } timeline { action note } } } }`,
      { input: { caseId: started.id, expectedVersion: started.version, note: '请于今日内处置完毕' } },
    );
    expect(notice.superviseCase).toMatchObject({
      department: '城管局',
      note: '请于今日内处置完毕',
      case: { version: started.version + 1 },
    });
    expect(notice.superviseCase.overdueHours).toBeGreaterThanOrEqual(2);
    expect(notice.superviseCase.overdueHours).toBeLessThan(2.1);
    expect(notice.superviseCase.case.supervisionNotices).toHaveLength(1);
    expect(notice.superviseCase.case.timeline.at(-1)).toMatchObject({ action: 'SUPERVISE' });

    const refused = await hub.fail(`mutation ($input: SuperviseCaseInput!) { superviseCase(input: $input) { id } }`, {
      input: { caseId: onTime.id, expectedVersion: onTime.version },
    });
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.caseId' });
    expect(refused.message).toContain('the case is not overdue');
    expect(await hub.count('services', 'services.supervision_notice')).toBe(1);
  });
});

describe('refusals', () => {
  it('refuses an illegal transition and names the allowed ones', async () => {
    const reported = await report(hub);
    const error = await hub.fail(`mutation ($input: CaseStepInput!) { advanceCase(input: $input) { id } }`, {
      input: { caseId: reported.id, expectedVersion: 1, action: 'RESOLVE' },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.action', allowed: ['ACCEPT', 'CANCEL'] });
    expect(error.message).toBe('a REPORTED case cannot take RESOLVE; allowed: ACCEPT, CANCEL');
    const unchanged = await hub.query(`query ($id: ID!) { case(id: $id) { state version timeline { action } } }`, {
      id: reported.id,
    });
    expect(unchanged.case).toEqual({ state: 'REPORTED', version: 1, timeline: [{ action: 'REPORT' }] });
  });

  it('refuses a step decided on a stale version (no lost update)', async () => {
    const reported = await report(hub);
    await advance(hub, reported, 'ACCEPT');
    const stale = await hub.fail(`mutation ($input: CaseStepInput!) { advanceCase(input: $input) { id } }`, {
      input: { caseId: reported.id, expectedVersion: 1, action: 'CANCEL', note: '无效' },
    });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.expectedVersion', currentVersion: 2 });
    const state = await hub.query(`query ($id: ID!) { case(id: $id) { state version } }`, { id: reported.id });
    expect(state.case).toEqual({ state: 'ACCEPTED', version: 2 });
  });

  it('lets only one of two concurrent steps on the same version through', async () => {
    const reported = await report(hub);
    const send = (action: string, note?: string) =>
      hub.post(`mutation ($input: CaseStepInput!) { advanceCase(input: $input) { state version } }`, {
        input: { caseId: reported.id, expectedVersion: 1, action, note },
      });
    const results = await Promise.all([send('ACCEPT'), send('CANCEL', '无效')]);
    expect(results.filter((r) => (r.data as any)?.advanceCase).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.field === 'input.expectedVersion').length).toBe(1);
    const events = await hub.query(`query ($id: ID!) { case(id: $id) { version timeline { action } } }`, {
      id: reported.id,
    });
    expect(events.case.version).toBe(2);
    expect(events.case.timeline).toHaveLength(2);
  });

  it.each([
    ['an unknown grid', { gridId: '01900000-0000-7000-8000-000000000001' }, 'NOT_FOUND', 'input.gridId'],
    ['an unknown item', { itemId: '01900000-0000-7000-8000-000000000003' }, 'NOT_FOUND', 'input.itemId'],
    [
      'a value outside the allowed ones',
      { attributes: [{ name: 'problem', value: '噪声扰民' }] },
      'BAD_USER_INPUT',
      'input.attributes[0]',
    ],
    [
      'a value of the wrong type',
      {
        attributes: [
          { name: 'problem', value: '其他' },
          { name: 'photoTaken', value: '有' },
        ],
      },
      'BAD_USER_INPUT',
      'input.attributes[1]',
    ],
    [
      'an attribute the item does not define',
      {
        attributes: [
          { name: 'problem', value: '其他' },
          { name: 'colour', value: 'red' },
        ],
      },
      'BAD_USER_INPUT',
      'input.attributes[1]',
    ],
    ['a missing required attribute', { attributes: [] }, 'BAD_USER_INPUT', 'input.attributes'],
  ])('refuses a report with %s and writes nothing', async (_what, overrides, code, field) => {
    const before = await caseWrites(hub);
    const error = await hub.fail(`mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, {
      input: {
        channel: 'HOTLINE',
        itemId: ITEMS.sanitation,
        gridId: place(0).gridId,
        description: '占道经营',
        attributes: [{ name: 'problem', value: '占道经营' }],
        ...overrides,
      },
    });
    expect(error.extensions).toMatchObject({ code, field });
    expect(await caseWrites(hub)).toEqual(before);
  });

  it('explains a bad attribute value with the allowed values', async () => {
    const error = await hub.fail(`mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, {
      input: {
        channel: 'WECHAT',
        itemId: ITEMS.sanitation,
        gridId: place(0).gridId,
        description: 'x',
        attributes: [{ name: 'problem', value: '噪声扰民' }],
      },
    });
    expect(error.message).toBe(
      'input.attributes[0]: problem (ENUM) must be one of: 垃圾堆放, 占道经营, 污水外溢, 其他, got "噪声扰民"',
    );
  });
});

describe('retries (idempotency key)', () => {
  const input = (key: string, description = '路灯不亮') => ({
    input: {
      idempotencyKey: key,
      channel: 'APP_PHOTO',
      itemId: ITEMS.sanitation,
      gridId: place(2).gridId,
      description,
      attributes: [{ name: 'problem', value: '其他' }],
    },
  });
  const mutation = `mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id version timeline { action } } }`;

  it('gives one case for the same report sent twice under one key', async () => {
    const key = randomUUID();
    const before = await caseWrites(hub);
    const first = await hub.query(mutation, input(key));
    const second = await hub.query(mutation, input(key));
    expect(second.reportCase).toEqual(first.reportCase);
    expect(await caseWrites(hub)).toEqual({ cases: before.cases + 1, events: before.events + 1 });
  });

  it('gives one case when the two sends race', async () => {
    const key = randomUUID();
    const before = await caseWrites(hub);
    const [a, b] = await Promise.all([hub.query(mutation, input(key)), hub.query(mutation, input(key))]);
    expect(a.reportCase.id).toBe(b.reportCase.id);
    expect(await caseWrites(hub)).toEqual({ cases: before.cases + 1, events: before.events + 1 });
  });

  it('refuses a different report under a used key', async () => {
    const key = randomUUID();
    await hub.query(mutation, input(key));
    const before = await caseWrites(hub);
    const error = await hub.fail(mutation, input(key, '另一件事'));
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });
    expect(await caseWrites(hub)).toEqual(before);
  });
});

describe('the timeline is append-only', () => {
  it('refuses to rewrite or delete a step, even from inside the service', async () => {
    const reported = await report(hub);
    const connection = hub.hub.subgraphs.services.database.orm.em.getConnection();
    await expect(
      connection.execute(`update services.case_event set note = 'x' where case_id = ?`, [reported.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      connection.execute(`delete from services.case_event where case_id = ?`, [reported.id]),
    ).rejects.toThrow(/append-only/);
  });
});

describe('intake', () => {
  const INTAKE = `mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`;
  const input = (changes: Record<string, unknown>) => ({
    input: {
      channel: 'APP_PHOTO',
      itemId: ITEMS.sanitation,
      gridId: place(0).gridId,
      description: '井盖缺失',
      attributes: [{ name: 'problem', value: '其他' }],
      ...changes,
    },
  });
  const gridRequests = async () => {
    const text = await (
      await fetch(hub.hub.subgraphs.grid.url.replace(/\/graphql$/, '/metrics'), {
        headers: await hub.internalHeaders(),
      })
    ).text();
    return Number(/hub_graphql_requests_total\{[^}]*\} (\d+)/.exec(text)![1]);
  };

  it('writes the case and its first step as reported, in three statements, checking grid and reporter in one call', async () => {
    const reporter = demoDistrict().residents[0].id;
    const key = randomUUID();
    const [statements, calls] = [hub.sql('services'), await gridRequests()];
    const { reportCase } = await hub.query(
      INTAKE,
      input({ idempotencyKey: key, reporterResidentId: reporter, location: ' 南门 ' }),
    );
    // The earlier case under the key, the item's version in force, the case with its first step.
    expect(hub.sql('services') - statements).toBe(3);
    expect((await gridRequests()) - calls).toBe(1);

    const connection = hub.hub.subgraphs.services.database.orm.em.getConnection();
    const [stored] = await connection.execute(
      `select c.channel, c.category, c.department, c.grid_id, c.community_id, c.street_id, c.reporter_resident_id, c.description,
              c.location, c.attributes, c.state, c.level, c.version, c.reopen_count, c.satisfaction, c.idempotency_key,
              length(c.intake_fingerprint) as fingerprint_length, c.accepted_at, c.deadline, c.updated_at = c.reported_at as updated_when_reported,
              v.version as item_version, v.item_id
       from services.service_case c join services.service_item_version v on v.id = c.item_version_id where c.id = ?`,
      [reportCase.id],
    );
    expect(stored).toEqual({
      channel: 'APP_PHOTO',
      category: '城市管理',
      department: '城管局',
      grid_id: place(0).gridId,
      community_id: place(0).communityId,
      street_id: place(0).streetId,
      reporter_resident_id: reporter,
      description: '井盖缺失',
      location: '南门',
      attributes: [{ name: 'problem', value: '其他' }],
      state: 'REPORTED',
      level: 'GRID',
      version: 1,
      reopen_count: 0,
      satisfaction: null,
      idempotency_key: key,
      fingerprint_length: 64,
      accepted_at: null,
      deadline: null,
      updated_when_reported: true,
      item_version: 1,
      item_id: ITEMS.sanitation,
    });
    const steps = await connection.execute(
      `select e.action, e.from_state, e.to_state, e.from_level, e.to_level, e.actor, e.note, e.occurred_at = c.reported_at as at_report
       from services.case_event e join services.service_case c on c.id = e.case_id where e.case_id = ?`,
      [reportCase.id],
    );
    expect(steps).toEqual([
      {
        action: 'REPORT',
        from_state: null,
        to_state: 'REPORTED',
        from_level: null,
        to_level: 'GRID',
        actor: 'test-admin',
        note: 'APP_PHOTO',
        at_report: true,
      },
    ]);
  });

  it.each([
    ['an unknown item', () => ({ itemId: randomUUID() }), 'NOT_FOUND', 'input.itemId'],
    ['a malformed item id', () => ({ itemId: 'GD-03' }), 'BAD_USER_INPUT', 'input.itemId'],
    ['an unknown grid', () => ({ gridId: randomUUID() }), 'NOT_FOUND', 'input.gridId'],
    ['an unknown reporter', () => ({ reporterResidentId: randomUUID() }), 'NOT_FOUND', 'input.reporterResidentId'],
    [
      "a value outside the item's choices",
      () => ({ attributes: [{ name: 'problem', value: '不在列表' }] }),
      'BAD_USER_INPUT',
      'input.attributes[0]',
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_name, changes, code, field) => {
    const before = await caseWrites(hub);
    const error = await hub.fail(INTAKE, input(changes()));
    expect(error.extensions).toMatchObject({ code, field });
    expect(await caseWrites(hub)).toEqual(before);
  });

  it('refuses a retired grid, naming the field, and writes nothing', async () => {
    const { communityId } = place(0);
    const { createGrid } = await hub.query(
      `mutation ($c: ID!) { createGrid(input: { communityId: $c, code: "370783001001099", name: "待撤销网格", kind: RESIDENTIAL }) { id } }`,
      { c: communityId },
    );
    await hub.query(`mutation ($g: ID!) { retireGrid(input: { gridId: $g }) { status } }`, { g: createGrid.id });
    const before = await caseWrites(hub);
    const error = await hub.fail(INTAKE, input({ gridId: createGrid.id }));
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.gridId' });
    expect(error.message).toBe(`grid ${createGrid.id} is RETIRED; report the case in the grid that replaced it`);
    expect(await caseWrites(hub)).toEqual(before);
  });

  describe('its store', () => {
    const em = () => hub.hub.subgraphs.services.database.orm.em.fork();
    const newCase = async (key: string | null) => {
      const version = (await intakeStore(em()).currentVersion(ITEMS.sanitation))!;
      const now = new Date();
      const serviceCase = Object.assign(new ServiceCase(), {
        id: newId(),
        channel: CaseChannel.APP_PHOTO,
        item: version.item,
        itemVersion: version,
        category: version.category,
        department: version.department,
        ...place(0),
        description: '直接写入',
        idempotencyKey: key,
        reportedAt: now,
        updatedAt: now,
      });
      return serviceCase;
    };
    const firstStep = (serviceCase: ServiceCase, action = CaseAction.REPORT) =>
      Object.assign(new CaseEvent(), {
        id: newId(),
        serviceCase,
        action,
        toState: CaseState.REPORTED,
        actor: 'test',
        occurredAt: serviceCase.reportedAt,
      });

    it('writes neither the case nor its step when the step is refused', async () => {
      const serviceCase = await newCase(null);
      const before = await caseWrites(hub);
      await expect(
        intakeStore(em()).insert(serviceCase, firstStep(serviceCase, 'NOT_AN_ACTION' as CaseAction)),
      ).rejects.toThrow(/case_event_action_check/);
      expect(await caseWrites(hub)).toEqual(before);
    });

    it('answers null and writes nothing when another case holds the key, and the case as stored otherwise', async () => {
      const key = randomUUID();
      const first = await newCase(key);
      const stored = await intakeStore(em()).insert(first, firstStep(first));
      expect(stored).toBeInstanceOf(ServiceCase);
      expect(stored).toMatchObject({
        id: first.id,
        state: 'REPORTED',
        level: 'GRID',
        version: 1,
        idempotencyKey: key,
        attributes: [],
        location: null,
      });
      expect(stored!.item).toEqual(expect.objectContaining({ id: ITEMS.sanitation }));
      const before = await caseWrites(hub);
      const second = await newCase(key);
      expect(await intakeStore(em()).insert(second, firstStep(second))).toBeNull();
      expect(await caseWrites(hub)).toEqual(before);
    });
  });
});
