import { demoDistrict } from '../lib/demo-district';
import { caseWrites, ITEMS, place, report } from './support/services-cases';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * Cases and the residents who report them. The reporter is the grid subgraph's Resident: this
 * file needs the grid subgraph to serve Resident as a federation entity.
 */
let hub: TestHub;
const demo = demoDistrict();

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

describe('reporters', () => {
  it('checks the reporter with the grid subgraph and lists the cases a resident reported', async () => {
    const reported = await report(hub, { reporterResidentId: demo.residents[0].id, channel: 'WALK_IN' });
    const data = await hub.query(
      `query ($c: ID!, $r: ID!) {
        case(id: $c) { reporter { id name } }
        resident(id: $r) { name reportedCases(first: 10) { totalCount nodes { id channel } } }
      }`,
      { c: reported.id, r: demo.residents[0].id },
    );
    expect(data.case.reporter).toEqual({ id: demo.residents[0].id, name: demo.residents[0].name });
    // The demo district's own case (demoId 204/1) was reported by the same resident.
    expect(data.resident.reportedCases.totalCount).toBe(2);
    expect(data.resident.reportedCases.nodes).toContainEqual({ id: reported.id, channel: 'WALK_IN' });
  });

  it('refuses an unknown reporter and writes nothing', async () => {
    const before = await caseWrites(hub);
    const error = await hub.fail(`mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, {
      input: {
        channel: 'HOTLINE',
        itemId: ITEMS.sanitation,
        gridId: place(0).gridId,
        description: '占道经营',
        reporterResidentId: '01900000-0000-7000-8000-000000000002',
        attributes: [{ name: 'problem', value: '占道经营' }],
      },
    });
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.reporterResidentId', type: 'Resident' });
    expect(await caseWrites(hub)).toEqual(before);
  });

  it('resolves the reporters of 50 cases and their case lists in as many statements as of 5', async () => {
    for (let i = 0; i < 50; i += 1) {
      await report(hub, {
        gridId: place(i % 5).gridId,
        reporterResidentId: demo.residents[i % 25].id,
        description: `batch ${i}`,
      });
    }
    const query = `query ($first: Int!) { cases(first: $first) { nodes { reporter { name reportedCases(first: 2) { totalCount nodes { id } } } } } }`;
    const run = async (first: number) => {
      const before = { services: hub.sql('services'), grid: hub.sql('grid') };
      const data = await hub.query(query, { first });
      return {
        nodes: data.cases.nodes,
        services: hub.sql('services') - before.services,
        grid: hub.sql('grid') - before.grid,
      };
    };
    const five = await run(5);
    const fifty = await run(50);
    expect(fifty.nodes).toHaveLength(50);
    expect(fifty.nodes.filter((n: any) => n.reporter?.reportedCases.totalCount >= 2).length).toBeGreaterThan(25);
    expect({ services: fifty.services, grid: fifty.grid }).toEqual({ services: five.services, grid: five.grid });
  });
});
