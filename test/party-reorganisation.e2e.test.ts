import { demoDistrict, demoId } from '../lib/demo-district';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
const d = demoDistrict();

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

async function written() {
  return {
    organizations: await hub.count('party-building', 'party_building.party_organization'),
    changes: await hub.count('party-building', 'party_building.organization_change'),
    periods: await hub.count('party-building', 'party_building.membership_period'),
  };
}

const ORGANIZATION = `id name level status dissolvedAt parent { id name } community { id }
  history { kind parentBeforeId parentAfterId coverageBefore coverageAfter relatedOrganizationIds note }`;

describe('moving a branch after its grid changed community', () => {
  it('refuses the move while the grid lies in the old community, and under the wrong level', async () => {
    const before = await written();
    const elsewhere = await hub.fail(
      `mutation { movePartyOrganization(input: { id: "${demoId(103, 3)}", parentId: "${demoId(102, 1)}" }) { id } }`,
    );
    expect([elsewhere.extensions?.code, elsewhere.extensions?.field, elsewhere.message]).toEqual([
      'BAD_USER_INPUT',
      'input.parentId',
      `grid ${d.grids[2].id} lies in another community than its community committee's`,
    ]);
    const level = await hub.fail(
      `mutation { movePartyOrganization(input: { id: "${demoId(103, 3)}", parentId: "${demoId(101, 1)}" }) { id } }`,
    );
    expect(level.message).toMatch(/^five-level rule: a GRID_BRANCH/);
    expect(await written()).toEqual(before);
  });

  it('moves it under the committee of the community the grid subgraph merged it into, with history', async () => {
    await hub.query(
      `mutation { mergeCommunities(input: { communityIds: ["${d.communities[1].id}"], intoCommunityId: "${d.communities[0].id}" }) { id } }`,
    );
    const moved = await hub.query(
      `mutation { movePartyOrganization(input: { id: "${demoId(103, 3)}", parentId: "${demoId(102, 1)}", note: "西关社区并入东城社区" }) { ${ORGANIZATION} } }`,
    );
    expect(moved.movePartyOrganization).toMatchObject({
      name: '西关第一网格党支部',
      status: 'ACTIVE',
      parent: { id: demoId(102, 1), name: '东城社区党委' },
      community: { id: d.communities[0].id },
      history: [
        {
          kind: 'CREATED',
          parentBeforeId: null,
          parentAfterId: demoId(102, 2),
          coverageBefore: [],
          coverageAfter: [d.grids[2].id],
          relatedOrganizationIds: [],
          note: null,
        },
        {
          kind: 'MOVED',
          parentBeforeId: demoId(102, 2),
          parentAfterId: demoId(102, 1),
          coverageBefore: [d.grids[2].id],
          coverageAfter: [d.grids[2].id],
          relatedOrganizationIds: [],
          note: '西关社区并入东城社区',
        },
      ],
    });
    const tree = await hub.query(`{
      partyOrganizations(level: GRID_BRANCH, communityId: "${d.communities[0].id}") { nodes { name } }
      old: partyOrganization(id: "${demoId(102, 2)}") { children { totalCount nodes { name } } }
    }`);
    expect(tree.partyOrganizations.nodes.map((o: any) => o.name)).toEqual([
      '东城第一网格党支部',
      '东城第二网格党支部',
      '西关第一网格党支部',
    ]);
    expect(tree.old.children).toEqual({ totalCount: 1, nodes: [{ name: '西关商业网格党支部' }] });
  });
});

describe('splitting a branch when its grid is split', () => {
  const newGrids: Array<{ id: string; code: string }> = [];
  let parts: Array<{ id: string; name: string }> = [];

  beforeAll(async () => {
    const split = await hub.query(
      `mutation ($g: ID!, $a: [ID!]!, $b: [ID!]!) { splitGrid(input: { gridId: $g, parts: [
        { code: "${d.grids[0].code}1", name: "东城第一网格北", buildingIds: $a },
        { code: "${d.grids[0].code}2", name: "东城第一网格南", buildingIds: $b }
      ] }) { id code } }`,
      { g: d.grids[0].id, a: [d.buildings[0].id], b: [d.buildings[1].id] },
    );
    newGrids.push(...split.splitGrid);
  });

  it('refuses parts that name a grid of another community, writing nothing', async () => {
    const before = await written();
    const error = await hub.fail(
      `mutation ($a: [ID!]!, $b: [ID!]!) { splitGridBranch(input: { branchId: "${demoId(103, 1)}", parts: [{ name: "北", gridIds: $a }, { name: "南", gridIds: $b }] }) { id } }`,
      { a: [newGrids[0].id], b: [d.grids[4].id] },
    );
    expect([error.extensions?.field, error.message]).toEqual([
      'input.parts[1].gridIds[0]',
      `grid ${d.grids[4].id} lies in another community than its community committee's`,
    ]);
    expect(await written()).toEqual(before);
  });

  it('dissolves the old branch and hands its groups and members to the new ones by grid', async () => {
    const result = await hub.query(
      `mutation ($a: [ID!]!, $b: [ID!]!) { splitGridBranch(input: { branchId: "${demoId(103, 1)}", note: "网格拆分", parts: [
        { name: "东城第一网格北党支部", gridIds: $a }, { name: "东城第一网格南党支部", gridIds: $b }
      ] }) { id name grids { code } children { nodes { id } } members { nodes { id homeGrid { id } } } } }`,
      { a: [newGrids[0].id], b: [newGrids[1].id] },
    );
    parts = result.splitGridBranch;
    // Demo members 1 and 2 live in building 1, now in the northern grid; group 1 stands on building 1, group 2 on building 2.
    expect(result.splitGridBranch).toEqual([
      {
        id: parts[0].id,
        name: '东城第一网格北党支部',
        grids: [{ code: newGrids[0].code }],
        children: { nodes: [{ id: demoId(104, 1) }] },
        members: {
          nodes: [
            { id: demoId(106, 1), homeGrid: { id: newGrids[0].id } },
            { id: demoId(106, 2), homeGrid: { id: newGrids[0].id } },
          ],
        },
      },
      {
        id: parts[1].id,
        name: '东城第一网格南党支部',
        grids: [{ code: newGrids[1].code }],
        children: { nodes: [{ id: demoId(104, 2) }] },
        members: { nodes: [] },
      },
    ]);
    const data = await hub.query(`{
      old: partyOrganization(id: "${demoId(103, 1)}") { ${ORGANIZATION} secretary { id } members { totalCount } }
      member: partyMember(id: "${demoId(106, 1)}") { roles { role organization { id } endedOn } membershipHistory { organization { id } until note } }
      grid(code: "${d.grids[0].code}") { partyBranches { id } }
      north: grid(code: "${newGrids[0].code}") { partyBranches { name secretary { id } } }
    }`);
    expect(data.old).toMatchObject({ status: 'DISSOLVED', secretary: null, members: { totalCount: 0 } });
    expect(data.old.dissolvedAt).not.toBeNull();
    expect(data.old.history.map((h: any) => [h.kind, h.relatedOrganizationIds])).toEqual([
      ['CREATED', []],
      ['SPLIT', [parts[0].id, parts[1].id]],
    ]);
    // The branch secretaryship ended with the branch; leading the central household (under group 1, now north) goes on.
    const today = new Date().toISOString().slice(0, 10);
    expect(data.member.roles).toEqual([
      { role: 'SECRETARY', organization: { id: demoId(103, 1) }, endedOn: today },
      { role: 'SECRETARY', organization: { id: demoId(105, 1) }, endedOn: null },
    ]);
    expect(data.member.membershipHistory.map((p: any) => [p.organization.id, p.until === null, p.note])).toEqual([
      [demoId(103, 1), false, null],
      [parts[0].id, true, '网格拆分'],
    ]);
    expect(data.grid.partyBranches).toEqual([]);
    expect(data.north.partyBranches).toEqual([{ name: '东城第一网格北党支部', secretary: null }]);
  });

  it('transfers a membership with history and ends offices off the new line', async () => {
    const moved = await hub.query(
      `mutation { transferPartyMember(input: { memberId: "${demoId(106, 1)}", toOrganizationId: "${demoId(103, 2)}", note: "搬家" }) {
        organization { name } roles { organization { id } endedOn } membershipHistory { organization { name } until } } }`,
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(moved.transferPartyMember.organization).toEqual({ name: '东城第二网格党支部' });
    expect(moved.transferPartyMember.roles.map((r: any) => r.endedOn)).toEqual([today, today]);
    expect(
      moved.transferPartyMember.membershipHistory.map((p: any) => [p.organization.name, p.until === null]),
    ).toEqual([
      ['东城第一网格党支部', false],
      ['东城第一网格北党支部', false],
      ['东城第二网格党支部', true],
    ]);
    const same = await hub.fail(
      `mutation { transferPartyMember(input: { memberId: "${demoId(106, 1)}", toOrganizationId: "${demoId(103, 2)}" }) { id } }`,
    );
    expect(same.extensions?.field).toBe('input.toOrganizationId');
  });

  it('dissolves only what has nothing left under it, and keeps the record', async () => {
    const before = await written();
    const busy = await hub.fail(`mutation { dissolvePartyOrganization(input: { id: "${parts[1].id}" }) { id } }`);
    expect([busy.extensions?.code, busy.message]).toEqual([
      'CONFLICT',
      '东城第一网格南党支部 still has 1 active organisation(s) under it; move or dissolve them first',
    ]);
    expect(await written()).toEqual(before);
    await hub.query(`mutation { dissolvePartyOrganization(input: { id: "${demoId(104, 2)}" }) { status } }`);
    const done = await hub.query(
      `mutation { dissolvePartyOrganization(input: { id: "${parts[1].id}", note: "并入北支部" }) { status history { kind note } } }`,
    );
    expect(done.dissolvePartyOrganization).toEqual({
      status: 'DISSOLVED',
      history: [
        { kind: 'CREATED', note: '网格拆分' },
        { kind: 'DISSOLVED', note: '并入北支部' },
      ],
    });
    const again = await hub.fail(`mutation { dissolvePartyOrganization(input: { id: "${parts[1].id}" }) { id } }`);
    expect(again.extensions?.code).toBe('CONFLICT');
    const listed = await hub.query(`{
      active: partyOrganizations(communityId: "${d.communities[0].id}", level: GRID_BRANCH, status: ACTIVE) { totalCount }
      dissolved: partyOrganizations(communityId: "${d.communities[0].id}", status: DISSOLVED) { nodes { name } }
      south: grid(code: "${newGrids[1].code}") { partyBranches { id } }
    }`);
    expect(listed.active.totalCount).toBe(3);
    expect(listed.dissolved.nodes.map((o: any) => o.name).sort()).toEqual(
      ['东城第一网格南党支部', '东城第一网格党支部', '东城第一网格2号楼党小组'].sort(),
    );
    expect(listed.south.partyBranches).toEqual([]);
  });
});
