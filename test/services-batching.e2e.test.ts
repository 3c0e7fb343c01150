import { advance, place, report } from './support/services-cases';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
const caseIds: string[] = [];

/** 50 cases, ten in each demo grid, each reported and accepted (two timeline steps). */
beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
  for (let i = 0; i < 50; i += 1) {
    const reported = await report(hub, { gridId: place(i % 5).gridId, description: `case ${i}` });
    caseIds.push((await advance(hub, reported, 'ACCEPT')).id);
  }
});
afterAll(() => hub?.stop());

async function statements<T>(run: () => Promise<T>) {
  const before = { services: hub.sql('services'), grid: hub.sql('grid') };
  const result = await run();
  return { result, services: hub.sql('services') - before.services, grid: hub.sql('grid') - before.grid };
}

describe('batching', () => {
  it('lists 50 cases with their items, versions, timelines and grids in as many statements as 5', async () => {
    const query = `query ($first: Int!) {
      cases(first: $first, state: ACCEPTED) {
        nodes { id item { code } itemVersion { version } timeline { action } extensions { id } supervisionNotices { id } grid { name } }
      }
    }`;
    const five = await statements(() => hub.query(query, { first: 5 }));
    const fifty = await statements(() => hub.query(query, { first: 50 }));
    expect(five.result.cases.nodes).toHaveLength(5);
    expect(fifty.result.cases.nodes).toHaveLength(50);
    expect(
      fifty.result.cases.nodes.every((n: any) => n.timeline.length === 2 && n.item.code === 'GD-03' && n.grid.name),
    ).toBe(true);
    expect({ services: fifty.services, grid: fifty.grid }).toEqual({ services: five.services, grid: five.grid });
    // services: the page, items, item versions, timelines, extensions, notices. grid: the grids.
    expect({ services: fifty.services, grid: fifty.grid }).toEqual({ services: 6, grid: 1 });
  });

  it('gives every grid and its community their cases and indicators in as many statements for 5 grids as for 1', async () => {
    const query = `query ($first: Int!) {
      grids(first: $first) {
        nodes {
          cases(first: 3) { totalCount nodes { id item { code } timeline { action } } }
          overdue: cases(overdue: true) { totalCount }
          caseIndicators(from: "2026-01-01") { received accepted }
          admittedItems { item { code } }
          community { cases(first: 1) { totalCount } caseIndicators { received } }
        }
      }
    }`;
    const one = await statements(() => hub.query(query, { first: 1 }));
    const five = await statements(() => hub.query(query, { first: 5 }));
    expect(five.result.grids.nodes).toHaveLength(5);
    // Ten cases in each grid, plus the demo district's case in grids 1, 3 and 5.
    expect(five.result.grids.nodes.map((g: any) => g.cases.totalCount)).toEqual([11, 10, 11, 10, 11]);
    expect(five.result.grids.nodes.map((g: any) => g.caseIndicators.accepted)).toEqual([11, 10, 11, 10, 11]);
    expect(five.result.grids.nodes[0].cases.nodes).toHaveLength(3);
    expect(five.services).toBe(one.services);
  });

  it("carries a first page's totalCount in its own statement; a later page counts apart, to the same total", async () => {
    const page = `query ($after: String) { grids(first: 1) { nodes { cases(first: 4, after: $after) { totalCount nodes { id } pageInfo { endCursor } } } } }`;
    const withoutTotal = `{ grids(first: 1) { nodes { cases(first: 4) { nodes { id } pageInfo { endCursor } } } } }`;
    const plain = await statements(() => hub.query(withoutTotal));
    const first = await statements(() => hub.query(page, { after: null }));
    const firstCases = first.result.grids.nodes[0].cases;
    const second = await statements(() => hub.query(page, { after: firstCases.pageInfo.endCursor }));
    const secondCases = second.result.grids.nodes[0].cases;
    expect(firstCases.totalCount).toBe(11);
    expect(secondCases.totalCount).toBe(11);
    expect(firstCases.nodes).toHaveLength(4);
    expect(secondCases.nodes).toHaveLength(4);
    expect(secondCases.nodes.map((c: any) => c.id)).not.toContain(firstCases.nodes[3].id);
    expect(first.services).toBe(plain.services);
    expect(second.services).toBe(plain.services + 1);
  });

  it('resolves 50 Case references with as many statements as 5', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id state item { code } } } }`;
    const resolve = (ids: string[]) =>
      statements(async () => {
        const response = await fetch(hub.hub.subgraphs.services.url, {
          method: 'POST',
          headers: await hub.internalHeaders(),
          body: JSON.stringify({ query, variables: { r: ids.map((id) => ({ __typename: 'Case', id })) } }),
        });
        return ((await response.json()) as any).data._entities;
      });
    const five = await resolve(caseIds.slice(0, 5));
    const fifty = await resolve(caseIds);
    expect(fifty.result).toHaveLength(50);
    expect(fifty.result[49]).toEqual({ id: caseIds[49], state: 'ACCEPTED', item: { code: 'GD-03' } });
    expect(fifty.services).toBe(five.services);
    expect(fifty.services).toBe(2);
  });
});
