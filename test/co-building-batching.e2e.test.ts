import { demoId } from '../lib/demo-district';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * Every reference and one-to-many field of the co-building subgraph goes through a per-request
 * loader: 50 communities (or units) cost the same SQL statements as 5.
 */
let hub: TestHub;
const streetCode = '370783098';
let streetId: string;
const unitIds: string[] = [];

beforeAll(async () => {
  // Fifty communities with every co-building list, each a default page of 20, cost more than a client
  // may ask by default (MAX_COST): this file measures batching, so its gateway allows them.
  process.env.MAX_COST = '10000000';
  hub = await startTestHub();
  delete process.env.MAX_COST;
  await hub.seedDemo();
  streetId = (
    await hub.query(`mutation { createStreet(input: { code: "${streetCode}", name: "共建批量街道" }) { id } }`)
  ).createStreet.id;
  for (let i = 1; i <= 50; i += 1) {
    const n = String(i).padStart(3, '0');
    const community = (
      await hub.query(
        `mutation ($s: ID!, $code: String!, $name: String!) { createCommunity(input: { streetId: $s, code: $code, name: $name }) { id } }`,
        { s: streetId, code: `${streetCode}${n}`, name: `共建社区${n}` },
      )
    ).createCommunity.id;
    const unit = (
      await hub.query(
        `mutation ($code: String!, $name: String!, $org: ID!) { createUnit(input: { code: $code, name: $name, kind: PUBLIC_INSTITUTION, partyOrganizationId: $org }) { id } }`,
        { code: `BATCH${n}`, name: `共建单位${n}`, org: demoId(101, 1) },
      )
    ).createUnit.id;
    unitIds.push(unit);
    await hub.query(
      `mutation ($u: ID!, $c: ID!) { createPairing(input: { unitId: $u, communityId: $c, agreement: "共建", instructorName: "指导员", startedOn: "2026-01-01" }) { id } }`,
      { u: unit, c: community },
    );
    const post = (
      await hub.query(
        `mutation ($c: ID!, $cat: ID!) { createServicePost(input: { communityId: $c, categoryId: $cat, name: "政策宣传岗", capacity: 5 }) { id } }`,
        { c: community, cat: demoId(303, 1) },
      )
    ).createServicePost.id;
    await hub.query(`mutation ($c: ID!) { createDemand(input: { communityId: $c, title: "需求" }) { id } }`, {
      c: community,
    });
    const member = (
      await hub.query(
        `mutation ($name: String!, $org: ID!) { createPartyMember(input: { name: $name, kind: IN_SERVICE, organizationId: $org, workUnitName: $name }) { id } }`,
        { name: `批量党员${n}`, org: demoId(103, 1) },
      )
    ).createPartyMember.id;
    await hub.query(
      `mutation ($m: ID!, $u: ID!, $c: ID!) { reportMember(input: { memberId: $m, unitId: $u, communityId: $c, reportedOn: "2026-02-01" }) { id } }`,
      { m: member, u: unit, c: community },
    );
    await hub.query(
      `mutation ($m: ID!, $p: ID!) { signPledge(input: { memberId: $m, postId: $p, pledgeText: "履岗承诺", signedOn: "2026-02-02" }) { id } }`,
      { m: member, p: post },
    );
  }
});
afterAll(() => hub?.stop());

async function statements(query: string, variables: Record<string, unknown>) {
  const subgraphs = ['grid', 'party-building', 'co-building'];
  const before = Object.fromEntries(subgraphs.map((s) => [s, hub.sql(s)]));
  const data = await hub.query(query, variables);
  return { data, statements: Object.fromEntries(subgraphs.map((s) => [s, hub.sql(s) - before[s]])) };
}

describe('batching in the co-building subgraph', () => {
  it('answers 50 communities with their co-building fields in as many statements as 5', async () => {
    const query = `query ($s: ID!, $n: Int!) {
      communities(streetId: $s, first: $n) {
        nodes {
          name
          pairedUnits { name partyOrganization { name } }
          pairings { nodes { instructorName unit { name } } }
          memberReports { totalCount nodes { member { name organization { name } pledges { nodes { post { name holderCount category { name } } } } } } }
          servicePosts { totalCount nodes { name holderCount } }
          wishes { totalCount }
          demands { totalCount nodes { title } }
          resources { totalCount }
          projects { totalCount }
        }
      }
    }`;
    const five = await statements(query, { s: streetId, n: 5 });
    const fifty = await statements(query, { s: streetId, n: 50 });
    const nodes = fifty.data.communities.nodes;
    expect(five.data.communities.nodes).toHaveLength(5);
    expect(nodes).toHaveLength(50);
    expect(nodes[49]).toEqual({
      name: '共建社区050',
      pairedUnits: [{ name: '共建单位050', partyOrganization: { name: '圣城街道党工委' } }],
      pairings: { nodes: [{ instructorName: '指导员', unit: { name: '共建单位050' } }] },
      memberReports: {
        totalCount: 1,
        nodes: [
          {
            member: {
              name: '批量党员050',
              organization: { name: '东城第一网格党支部' },
              pledges: { nodes: [{ post: { name: '政策宣传岗', holderCount: 1, category: { name: '政策宣传' } } }] },
            },
          },
        ],
      },
      servicePosts: { totalCount: 1, nodes: [{ name: '政策宣传岗', holderCount: 1 }] },
      wishes: { totalCount: 0 },
      demands: { totalCount: 1, nodes: [{ title: '需求' }] },
      resources: { totalCount: 0 },
      projects: { totalCount: 0 },
    });
    expect(fifty.statements).toEqual(five.statements);
    // co-building: the Community references' fields are one batch each (pairedUnits, pairings, their units,
    // reports and counts, posts, counts, pledges, ...): a fixed number, whatever the page size.
    expect(fifty.statements['co-building']).toBeGreaterThan(5);
  });

  it('answers 50 units with their lists in as many statements as 5', async () => {
    const query = `query ($n: Int!) {
      units(first: $n) {
        nodes {
          name
          pairings { totalCount nodes { community { name } } }
          memberReports { totalCount nodes { reportedOn pledges { totalCount nodes { pledgeText } } } }
          projects { totalCount }
          evaluations { totalCount }
        }
      }
    }`;
    const five = await statements(query, { n: 5 });
    const fifty = await statements(query, { n: 50 });
    expect(fifty.data.units.nodes).toHaveLength(50);
    const batchUnit = fifty.data.units.nodes.find((u: any) => u.name === '共建单位050');
    expect(batchUnit).toEqual({
      name: '共建单位050',
      pairings: { totalCount: 1, nodes: [{ community: { name: '共建社区050' } }] },
      memberReports: {
        totalCount: 1,
        nodes: [{ reportedOn: '2026-02-01', pledges: { totalCount: 1, nodes: [{ pledgeText: '履岗承诺' }] } }],
      },
      projects: { totalCount: 0 },
      evaluations: { totalCount: 0 },
    });
    expect(fifty.statements).toEqual(five.statements);
  });

  it('resolves 50 Unit references with as many statements as 5', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { name } } }`;
    const resolve = async (ids: string[]) => {
      const before = hub.sql('co-building');
      const response = await fetch(hub.hub.subgraphs['co-building'].url, {
        method: 'POST',
        headers: await hub.internalHeaders(),
        body: JSON.stringify({ query, variables: { r: ids.map((id) => ({ __typename: 'Unit', id })) } }),
      });
      const body = (await response.json()) as any;
      return { entities: body.data._entities, statements: hub.sql('co-building') - before };
    };
    const five = await resolve(unitIds.slice(0, 5));
    const fifty = await resolve(unitIds);
    expect(fifty.entities).toHaveLength(50);
    expect(fifty.entities[49]).toEqual({ name: '共建单位050' });
    expect(fifty.statements).toBe(five.statements);
    expect(fifty.statements).toBe(1);
  });
});
