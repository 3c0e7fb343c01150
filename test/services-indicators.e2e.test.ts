import { demoDistrict } from '../lib/demo-district';
import { advance, dispatchAndStart, finish, ITEMS, place, rate, report, setCaseColumn } from './support/services-cases';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
const demo = demoDistrict();

/**
 * A fixture with known answers, in grid 5 (文家第一网格) in March 2026:
 *   A–E  环境卫生巡查, closed; E resolved after its deadline (4 of 5 on time); D rated unsatisfied,
 *        redone and closed again (rework); ratings A, B satisfied, C, D basic, E none.
 *   F    矛盾纠纷, cancelled (not accepted).
 *   G    矛盾纠纷, closed, rated unsatisfied, reopened and now past its deadline (rework, overdue).
 * H, in grid 1, is reported at 01:00 on 1 April in Beijing time (17:00 UTC on 31 March).
 * Report and closing times are set by test-only SQL (nothing here can wait hours); so are the
 * deadlines that have to lie in the past (E before it is resolved, G after it is reopened).
 */
const ids: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
  const grid5 = place(4).gridId;
  const dispute = { itemId: ITEMS.dispute, attributes: [{ name: 'disputeKind', value: '邻里纠纷' }] };
  for (const [i, name] of ['A', 'B', 'C', 'D', 'E'].entries()) {
    let c = await dispatchAndStart(hub, await advance(hub, await report(hub, { gridId: grid5, description: `case ${name}` }), 'ACCEPT'));
    if (name === 'E') await setCaseColumn(hub, c.id, `deadline = now() - interval '1 hour'`);
    c = await finish(hub, c);
    if (name === 'D') {
      c = await finish(hub, await advance(hub, await rate(hub, c, 'UNSATISFIED'), 'START'));
      c = await rate(hub, c, 'BASIC');
    }
    if (name === 'A' || name === 'B') await rate(hub, c, 'SATISFIED');
    if (name === 'C') await rate(hub, c, 'BASIC');
    ids[name] = c.id;
    // Handling hours 2, 4, 6, 8, 10: the average is 6.
    await setCaseColumn(hub, c.id, `reported_at = '2026-03-0${i + 1}T02:00:00Z', closed_at = '2026-03-0${i + 1}T02:00:00Z'::timestamptz + interval '${2 * (i + 1)} hours'`);
  }
  const f = await advance(hub, await report(hub, { gridId: grid5, ...dispute }), 'CANCEL', '重复上报');
  await setCaseColumn(hub, f.id, `reported_at = '2026-03-06T02:00:00Z'`);
  let g = await finish(hub, await dispatchAndStart(hub, await advance(hub, await report(hub, { gridId: grid5, ...dispute }), 'ACCEPT')));
  g = await rate(hub, g, 'UNSATISFIED');
  await setCaseColumn(hub, g.id, `reported_at = '2026-03-07T02:00:00Z', deadline = now() - interval '3 hours'`);
  const h = await advance(hub, await report(hub, { gridId: place(0).gridId }), 'ACCEPT');
  await setCaseColumn(hub, h.id, `reported_at = '2026-03-31T17:00:00Z'`);
  Object.assign(ids, { F: f.id, G: g.id, H: h.id });
});
afterAll(() => hub?.stop());

const FIGURES = `received accepted closed closedOnTime reworked rated satisfied overdueNow
  acceptanceRate closureRate onTimeRate reworkRate satisfactionRate averageHandlingHours`;

const MARCH_IN_GRID_5 = {
  received: 7, accepted: 6, closed: 5, closedOnTime: 4, reworked: 2, rated: 5, satisfied: 4, overdueNow: 1,
  acceptanceRate: 6 / 7, closureRate: 5 / 6, onTimeRate: 0.8, reworkRate: 2 / 6, satisfactionRate: 0.8, averageHandlingHours: 6,
};

function close(actual: Record<string, number | null>, expected: Record<string, number | null>) {
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) expect([key, actual[key]]).toEqual([key, null]);
    else expect([key, actual[key]]).toEqual([key, expect.closeTo(value, 9)]);
  }
}

describe('indicators (综合评价), counted in SQL', () => {
  it('gives the known answers for a grid in March: 4 of 5 closed on time = 0.8', async () => {
    const data = await hub.query(`{ caseIndicators(groupBy: GRID, from: "2026-03-01", to: "2026-03-31") { key grid { name } indicators { ${FIGURES} } } }`);
    expect(data.caseIndicators).toHaveLength(1);
    expect(data.caseIndicators[0].key).toBe(place(4).gridId);
    expect(data.caseIndicators[0].grid).toEqual({ name: '文家第一网格' });
    close(data.caseIndicators[0].indicators, MARCH_IN_GRID_5);
  });

  it('answers the same through Grid and Community, and counts a day in Beijing time', async () => {
    const data = await hub.query(
      `query ($g: ID!, $c: ID!, $g1: ID!) {
        grid(id: $g) { caseIndicators(from: "2026-03-01", to: "2026-03-31") { ${FIGURES} } }
        community(id: $c) { caseIndicators(from: "2026-03-01", to: "2026-03-31") { ${FIGURES} } }
        march: grid(id: $g1) { caseIndicators(from: "2026-03-01", to: "2026-03-31") { received } }
        april: grid(id: $g1) { caseIndicators(from: "2026-04-01", to: "2026-04-30") { received accepted closed acceptanceRate closureRate onTimeRate satisfactionRate averageHandlingHours } }
      }`,
      { g: place(4).gridId, c: place(4).communityId, g1: place(0).gridId },
    );
    close(data.grid.caseIndicators, MARCH_IN_GRID_5);
    close(data.community.caseIndicators, MARCH_IN_GRID_5);
    expect(data.march.caseIndicators.received).toBe(0);
    expect(data.april.caseIndicators).toEqual({
      received: 1, accepted: 1, closed: 0, acceptanceRate: 1, closureRate: 0, onTimeRate: null, satisfactionRate: null, averageHandlingHours: null,
    });
  });

  it('groups by street, category and department', async () => {
    const data = await hub.query(`{
      streets: caseIndicators(groupBy: STREET, from: "2026-03-01", to: "2026-04-30") { key street { name } indicators { received } }
      categories: caseIndicators(groupBy: CATEGORY, from: "2026-03-01", to: "2026-03-31") { key indicators { received accepted closed closedOnTime onTimeRate } }
      departments: caseIndicators(groupBy: DEPARTMENT, from: "2026-03-01", to: "2026-03-31") { key indicators { received overdueNow } }
    }`);
    expect(data.streets).toEqual([
      { key: demo.streets[0].id, street: { name: '圣城街道' }, indicators: { received: 1 } },
      { key: demo.streets[1].id, street: { name: '文家街道' }, indicators: { received: 7 } },
    ]);
    const byKey = (rows: any[]) => Object.fromEntries(rows.map((row) => [row.key, row.indicators]));
    expect(byKey(data.categories)).toEqual({
      城市管理: { received: 5, accepted: 5, closed: 5, closedOnTime: 4, onTimeRate: 0.8 },
      平安建设: { received: 2, accepted: 1, closed: 0, closedOnTime: 0, onTimeRate: null },
    });
    expect(byKey(data.departments)).toEqual({ 城管局: { received: 5, overdueNow: 0 }, 司法所: { received: 2, overdueNow: 1 } });
  });

  it('refuses a period that ends before it starts', async () => {
    const error = await hub.fail(`{ caseIndicators(groupBy: GRID, from: "2026-03-02", to: "2026-03-01") { key } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('lists the overdue case of the grid and community, and its reworked state', async () => {
    const data = await hub.query(
      `query ($g: ID!) { grid(id: $g) { cases(overdue: true) { nodes { id state reopenCount satisfaction overdue } } community { cases(state: CLOSED) { totalCount } } } }`,
      { g: place(4).gridId },
    );
    expect(data.grid.cases.nodes).toEqual([{ id: ids.G, state: 'DISPATCHED', reopenCount: 1, satisfaction: 'UNSATISFIED', overdue: true }]);
    expect(data.grid.community.cases.totalCount).toBe(5);
  });
});
