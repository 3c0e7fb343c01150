import { Client } from 'pg';
import { benchKey, removeBenchCases } from '../bench/operations';
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
    let c = await dispatchAndStart(
      hub,
      await advance(hub, await report(hub, { gridId: grid5, description: `case ${name}` }), 'ACCEPT'),
    );
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
    await setCaseColumn(
      hub,
      c.id,
      `reported_at = '2026-03-0${i + 1}T02:00:00Z', closed_at = '2026-03-0${i + 1}T02:00:00Z'::timestamptz + interval '${2 * (i + 1)} hours'`,
    );
  }
  const f = await advance(hub, await report(hub, { gridId: grid5, ...dispute }), 'CANCEL', '重复上报');
  await setCaseColumn(hub, f.id, `reported_at = '2026-03-06T02:00:00Z'`);
  let g = await finish(
    hub,
    await dispatchAndStart(hub, await advance(hub, await report(hub, { gridId: grid5, ...dispute }), 'ACCEPT')),
  );
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
  received: 7,
  accepted: 6,
  closed: 5,
  closedOnTime: 4,
  reworked: 2,
  rated: 5,
  satisfied: 4,
  overdueNow: 1,
  acceptanceRate: 6 / 7,
  closureRate: 5 / 6,
  onTimeRate: 0.8,
  reworkRate: 2 / 6,
  satisfactionRate: 0.8,
  averageHandlingHours: 6,
};

function close(actual: Record<string, number | null>, expected: Record<string, number | null>) {
  for (const [key, value] of Object.entries(expected)) {
    if (value === null) expect([key, actual[key]]).toEqual([key, null]);
    else expect([key, actual[key]]).toEqual([key, expect.closeTo(value, 9)]);
  }
}

describe('indicators (综合评价), counted in SQL', () => {
  it('gives the known answers for a grid in March: 4 of 5 closed on time = 0.8', async () => {
    const data = await hub.query(
      `{ caseIndicators(groupBy: GRID, from: "2026-03-01", to: "2026-03-31") { key grid { name } indicators { ${FIGURES} } } }`,
    );
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
      received: 1,
      accepted: 1,
      closed: 0,
      acceptanceRate: 1,
      closureRate: 0,
      onTimeRate: null,
      satisfactionRate: null,
      averageHandlingHours: null,
    });
  });

  it('counts the days of a period that do not fill a month from the cases, and whole months from the monthly figures', async () => {
    const data = await hub.query(
      `query ($g: ID!) { grid(id: $g) {
        withFebruaryEdge: caseIndicators(from: "2026-02-20", to: "2026-03-31") { ${FIGURES} }
        firstDays: caseIndicators(from: "2026-03-01", to: "2026-03-05") { ${FIGURES} }
        marchTailAndApril: caseIndicators(from: "2026-03-04", to: "2026-04-30") { ${FIGURES} }
      } }`,
      { g: place(4).gridId },
    );
    close(data.grid.withFebruaryEdge, MARCH_IN_GRID_5);
    // A–E: D reworked, E late, all rated (A, B satisfied, C, D basic) but E; hours 2, 4, 6, 8, 10.
    close(data.grid.firstDays, {
      received: 5,
      accepted: 5,
      closed: 5,
      closedOnTime: 4,
      reworked: 1,
      rated: 4,
      satisfied: 4,
      overdueNow: 0,
      acceptanceRate: 1,
      closureRate: 1,
      onTimeRate: 0.8,
      reworkRate: 0.2,
      satisfactionRate: 1,
      averageHandlingHours: 6,
    });
    // D, E, F (cancelled), G (reopened, overdue); April has none in grid 5. Hours 8 and 10.
    close(data.grid.marchTailAndApril, {
      received: 4,
      accepted: 3,
      closed: 2,
      closedOnTime: 1,
      reworked: 2,
      rated: 2,
      satisfied: 1,
      overdueNow: 1,
      acceptanceRate: 3 / 4,
      closureRate: 2 / 3,
      onTimeRate: 0.5,
      reworkRate: 2 / 3,
      satisfactionRate: 0.5,
      averageHandlingHours: 9,
    });
  });

  it('keeps the monthly figures equal to the cases through intake, handling, a move to another grid and removal', async () => {
    const connection = hub.hub.subgraphs.services.database.orm.em.getConnection();
    const disagreements = async () =>
      connection.execute(
        `select coalesce(m.grid_id, f.grid_id) as grid_id, coalesce(m.month, f.month) as month, to_jsonb(m) as kept, to_jsonb(f) as counted
       from (select * from services.case_indicator_month
             where (received, accepted, closed, closed_on_time, reworked, rated, satisfied, handled, handling_seconds) <> (0, 0, 0, 0, 0, 0, 0, 0, 0)) m
       full join (select grid_id, community_id, street_id, month, sum(received)::int as received, sum(accepted)::int as accepted,
                    sum(closed)::int as closed, sum(closed_on_time)::int as closed_on_time, sum(reworked)::int as reworked,
                    sum(rated)::int as rated, sum(satisfied)::int as satisfied, sum(handled)::int as handled, sum(handling_seconds) as handling_seconds
                  from (select (services.case_figures(c, 1)).* from services.service_case c) figures
                  group by grid_id, community_id, street_id, month) f
         using (grid_id, community_id, street_id, month)
       where (m.received, m.accepted, m.closed, m.closed_on_time, m.reworked, m.rated, m.satisfied, m.handled)
             is distinct from (f.received, f.accepted, f.closed, f.closed_on_time, f.reworked, f.rated, f.satisfied, f.handled)
          or abs(coalesce(m.handling_seconds, -1) - coalesce(f.handling_seconds, -1)) > 0.001`,
      );
    const monthRows = async () =>
      (await connection.execute(`select count(*)::int as n from services.case_indicator_month where received > 0`))[0]
        .n;
    expect(await monthRows()).toBeGreaterThan(0);
    expect(await disagreements()).toEqual([]);

    const moved = await finish(
      hub,
      await dispatchAndStart(hub, await advance(hub, await report(hub, { gridId: place(4).gridId }), 'ACCEPT')),
    );
    await setCaseColumn(
      hub,
      moved.id,
      `grid_id = '${place(0).gridId}', community_id = '${place(0).communityId}', street_id = '${place(0).streetId}'`,
    );
    await report(hub, { gridId: place(1).gridId, idempotencyKey: benchKey() });
    expect(await disagreements()).toEqual([]);

    const db = new Client({ connectionString: hub.hub.subgraphs.services.database.orm.config.get('clientUrl') });
    await db.connect();
    try {
      expect(await removeBenchCases(db)).toBe(1);
    } finally {
      await db.end();
    }
    expect(await disagreements()).toEqual([]);
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
    expect(byKey(data.departments)).toEqual({
      城管局: { received: 5, overdueNow: 0 },
      司法所: { received: 2, overdueNow: 1 },
    });
  });

  it("counts a street's, its communities' and its grids' figures asked together in one statement, each as asked alone", async () => {
    const { streetId, communityId, gridId } = place(4);
    const grouped = (groupBy: string, from: string) =>
      `${groupBy.toLowerCase()}: caseIndicators(groupBy: ${groupBy}, streetId: $s, from: "${from}", to: "2026-04-30") { key indicators { ${FIGURES} } }`;
    // Whole months (from the monthly figures) and a period starting mid-month (its first days from the cases).
    for (const from of ['2026-03-01', '2026-03-04']) {
      const before = hub.sql('services');
      const together = await hub.query(
        `query ($s: ID!) { ${['STREET', 'COMMUNITY', 'GRID'].map((g) => grouped(g, from)).join(' ')} }`,
        { s: streetId },
      );
      expect(hub.sql('services') - before).toBe(1);
      expect(
        [together.street, together.community, together.grid].map((rows) => rows.map((row: any) => row.key)),
      ).toEqual([[streetId], [communityId], [gridId]]);
      for (const groupBy of ['STREET', 'COMMUNITY', 'GRID']) {
        const alone = await hub.query(`query ($s: ID!) { ${grouped(groupBy, from)} }`, { s: streetId });
        expect(together[groupBy.toLowerCase()]).toEqual(alone[groupBy.toLowerCase()]);
      }
      if (from === '2026-03-01') close(together.community[0].indicators, MARCH_IN_GRID_5);
    }
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
    expect(data.grid.cases.nodes).toEqual([
      { id: ids.G, state: 'DISPATCHED', reopenCount: 1, satisfaction: 'UNSATISFIED', overdue: true },
    ]);
    expect(data.grid.community.cases.totalCount).toBe(5);
  });
});
