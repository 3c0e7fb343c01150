import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

/** A street with one community, `branches` grids, a branch on each grid and a secretary in each branch. */
async function buildStreet(code: string, branches: number): Promise<string> {
  const street = await hub.query(`mutation ($c: String!) { createStreet(input: { code: $c, name: $c }) { id } }`, {
    c: code,
  });
  const community = await hub.query(
    `mutation ($s: ID!, $c: String!) { createCommunity(input: { streetId: $s, code: $c, name: $c }) { id } }`,
    { s: street.createStreet.id, c: `${code}001` },
  );
  const create = async (input: Record<string, unknown>) =>
    (
      await hub.query(`mutation ($i: CreatePartyOrganizationInput!) { createPartyOrganization(input: $i) { id } }`, {
        i: input,
      })
    ).createPartyOrganization.id;
  const committee = await create({
    name: `${code}党工委`,
    level: 'STREET_WORKING_COMMITTEE',
    streetId: street.createStreet.id,
  });
  const communityCommittee = await create({
    name: `${code}社区党委`,
    level: 'COMMUNITY_COMMITTEE',
    parentId: committee,
    communityId: community.createCommunity.id,
  });
  for (let i = 1; i <= branches; i += 1) {
    const gridCode = `${code}001${String(i).padStart(3, '0')}`;
    const grid = await hub.query(
      `mutation ($c: ID!, $code: String!) { createGrid(input: { communityId: $c, code: $code, name: $code, kind: RESIDENTIAL }) { id } }`,
      { c: community.createCommunity.id, code: gridCode },
    );
    const branch = await create({
      name: `${gridCode}党支部`,
      level: 'GRID_BRANCH',
      parentId: communityCommittee,
      gridIds: [grid.createGrid.id],
    });
    const member = await hub.query(
      `mutation ($o: ID!, $n: String!) { createPartyMember(input: { name: $n, kind: RETIRED, organizationId: $o }) { id } }`,
      { o: branch, n: `书记${i}` },
    );
    await hub.query(
      `mutation ($m: ID!, $o: ID!) { appointPartyRole(input: { memberId: $m, organizationId: $o, role: SECRETARY, termStart: "2024-01-01" }) { id } }`,
      { m: member.createPartyMember.id, o: branch },
    );
  }
  return committee;
}

describe('batching the tree', () => {
  const streets = { three: '', thirty: '' };

  beforeAll(async () => {
    streets.three = await buildStreet('370783201', 3);
    streets.thirty = await buildStreet('370783202', 30);
  });

  async function treeOf(id: string) {
    const query = `query ($id: ID!) {
      partyOrganization(id: $id) {
        name
        descendants(maxDepth: 4) {
          name level parent { name } ancestors { level }
          grids { code }
          secretary { name roles { role inOffice } }
          officers { role member { name } }
          members(first: 5) { totalCount nodes { name kind organization { level } } }
        }
      }
    }`;
    const before = { party: hub.sql('party-building'), grid: hub.sql('grid') };
    const data = await hub.query(query, { id });
    return {
      tree: data.partyOrganization,
      statements: { party: hub.sql('party-building') - before.party, grid: hub.sql('grid') - before.grid },
    };
  }

  it("reads a street's whole tree with the same number of SQL statements for 3 branches as for 30", async () => {
    const three = await treeOf(streets.three);
    const thirty = await treeOf(streets.thirty);
    expect(three.tree.descendants).toHaveLength(4);
    expect(thirty.tree.descendants).toHaveLength(31);
    const branch = thirty.tree.descendants[30];
    expect(branch).toEqual({
      name: '370783202001030党支部',
      level: 'GRID_BRANCH',
      parent: { name: '370783202社区党委' },
      ancestors: [{ level: 'STREET_WORKING_COMMITTEE' }, { level: 'COMMUNITY_COMMITTEE' }],
      grids: [{ code: '370783202001030' }],
      secretary: { name: '书记30', roles: [{ role: 'SECRETARY', inOffice: true }] },
      officers: [{ role: 'SECRETARY', member: { name: '书记30' } }],
      members: { totalCount: 1, nodes: [{ name: '书记30', kind: 'RETIRED', organization: { level: 'GRID_BRANCH' } }] },
    });
    expect(thirty.statements).toEqual(three.statements);
    // party-building: the root, the descendants and the ancestors (one recursive query each; the
    // organisations they read answer parent and organization), offices, their holders, the
    // holders' roles, the member pages (their first pages carry their counts). grid: the grids of
    // all branches, by key.
    expect(thirty.statements).toEqual({ party: 7, grid: 1 });
  });

  it('resolves 30 PartyMember and PartyOrganization references with as many statements as 3', async () => {
    const listed = await hub.query(`{ partyMembers(first: 33) { nodes { id name organization { id } } } }`);
    const members = listed.partyMembers.nodes;
    const resolve = async (count: number) => {
      const representations = members.slice(0, count).flatMap((m: any) => [
        { __typename: 'PartyMember', id: m.id },
        { __typename: 'PartyOrganization', id: m.organization.id },
      ]);
      const before = hub.sql('party-building');
      const response = await fetch(hub.hub.subgraphs['party-building'].url, {
        method: 'POST',
        headers: await hub.internalHeaders(),
        body: JSON.stringify({
          query: `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PartyMember { name kind } ... on PartyOrganization { name level } } }`,
          variables: { r: representations },
        }),
      });
      const body = (await response.json()) as any;
      return { entities: body.data._entities, statements: hub.sql('party-building') - before };
    };
    const three = await resolve(3);
    const thirty = await resolve(30);
    expect(thirty.entities).toHaveLength(60);
    expect(thirty.entities[0]).toEqual({ name: members[0].name, kind: 'RETIRED' });
    expect(thirty.entities[1]).toMatchObject({ level: 'GRID_BRANCH' });
    expect(thirty.statements).toBe(three.statements);
    expect(thirty.statements).toBe(2);
  });
});
