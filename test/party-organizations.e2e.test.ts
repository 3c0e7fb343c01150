import { demoDistrict, demoId } from '../lib/demo-district';
import { maskIdNumber, maskPhone } from '../lib/personal-data';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
const d = demoDistrict();
const MISSING = '0190a000-0000-7000-8000-000000000000';

/** Demo residents living in a demo grid (household → building → grid). */
function residentsOfGrid(gridIndex: number) {
  const buildings = d.buildings.filter((b) => b.gridId === d.grids[gridIndex].id).map((b) => b.id);
  const households = d.households.filter((h) => buildings.includes(h.buildingId)).map((h) => h.id);
  return d.residents.filter((r) => households.includes(r.householdId));
}

async function counts() {
  return {
    organizations: await hub.count('party-building', 'party_building.party_organization'),
    changes: await hub.count('party-building', 'party_building.organization_change'),
    members: await hub.count('party-building', 'party_building.party_member'),
    roles: await hub.count('party-building', 'party_building.party_role'),
    seats: await hub.count('party-building', 'party_building.committee_seat'),
  };
}

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

describe("a grid, its branch, the branch secretary and the secretary's home, in one query", () => {
  const resident = residentsOfGrid(1)[0];
  let memberId = '';

  beforeAll(async () => {
    const created = await hub.query(
      `mutation ($input: CreatePartyMemberInput!) { createPartyMember(input: $input) { id name homeGrid { id } } }`,
      {
        input: {
          kind: 'RESIDENT',
          organizationId: demoId(103, 2),
          residentId: resident.id,
          showsIdentityPublicly: true,
          idNumber: resident.idNumber,
          phone: resident.phone,
          joinedOn: '1998-07-01',
        },
      },
    );
    memberId = created.createPartyMember.id;
    // The name comes from the grid subgraph's resident, the home grid from its household's building.
    expect(created.createPartyMember).toEqual({ id: memberId, name: resident.name, homeGrid: { id: d.grids[1].id } });
    await hub.query(
      `mutation ($m: ID!, $o: ID!) { appointPartyRole(input: { memberId: $m, organizationId: $o, role: SECRETARY, termStart: "2024-01-01", termEnd: "2028-12-31" }) { id } }`,
      { m: memberId, o: demoId(103, 2) },
    );
  });

  it('crosses from the grid subgraph to party-building and back twice', async () => {
    const household = d.households.find((h) => h.id === resident.householdId)!;
    const building = d.buildings.find((b) => b.id === household.buildingId)!;
    const data = await hub.query(
      `query ($code: String!) {
        grid(code: $code) {
          name
          partyBranches {
            name level community { name }
            secretary {
              name kind showsIdentityPublicly idNumber phone joinedOn
              roles { role termStart termEnd inOffice organization { name } }
              resident { id name household { unit room tenure building { code grid { name } } } partyMembership { id } }
            }
          }
          partyMemberCount
        }
      }`,
      { code: d.grids[1].code },
    );
    expect(data.grid).toEqual({
      name: '东城第二网格',
      partyBranches: [
        {
          name: '东城第二网格党支部',
          level: 'GRID_BRANCH',
          community: { name: '东城社区' },
          secretary: {
            name: resident.name,
            kind: 'RESIDENT',
            showsIdentityPublicly: true,
            idNumber: maskIdNumber(resident.idNumber),
            phone: maskPhone(resident.phone!),
            joinedOn: '1998-07-01',
            roles: [
              {
                role: 'SECRETARY',
                termStart: '2024-01-01',
                termEnd: '2028-12-31',
                inOffice: true,
                organization: { name: '东城第二网格党支部' },
              },
            ],
            resident: {
              id: resident.id,
              name: resident.name,
              household: {
                unit: household.unit,
                room: household.room,
                tenure: household.tenure,
                building: { code: building.code, grid: { name: '东城第二网格' } },
              },
              partyMembership: { id: memberId },
            },
          },
        },
      ],
      partyMemberCount: 1,
    });
    expect(data.grid.partyBranches[0].secretary.idNumber).not.toBe(resident.idNumber);
  });

  it('refuses a second member record for the same resident and a second secretary, writing nothing', async () => {
    const before = await counts();
    const twice = await hub.fail(
      `mutation ($r: ID!) { createPartyMember(input: { kind: RETIRED, organizationId: "${demoId(103, 2)}", residentId: $r }) { id } }`,
      { r: resident.id },
    );
    expect([twice.extensions?.code, twice.extensions?.field]).toEqual(['CONFLICT', 'input.residentId']);
    const second = await hub.fail(
      `mutation { appointPartyRole(input: { memberId: "${demoId(106, 2)}", organizationId: "${demoId(103, 1)}", role: SECRETARY, termStart: "2025-01-01" }) { id } }`,
    );
    expect([second.extensions?.code, second.extensions?.field, second.message]).toEqual([
      'CONFLICT',
      'input.role',
      'the organisation already has a secretary in office; end that role first',
    ]);
    expect(await counts()).toEqual(before);
  });
});

describe('validation through the gateway', () => {
  it('refuses a grid branch directly under a street working committee, naming the rule and the field', async () => {
    const before = await counts();
    const error = await hub.fail(
      `mutation ($p: ID!, $g: [ID!]) { createPartyOrganization(input: { name: "越级支部", level: GRID_BRANCH, parentId: $p, gridIds: $g }) { id } }`,
      { p: demoId(101, 2), g: [d.grids[4].id] },
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.parentId',
      allowed: ['COMMUNITY_COMMITTEE'],
    });
    expect(error.message).toBe(
      'five-level rule: a GRID_BRANCH (网格党支部) sits exactly one level below its parent, under a COMMUNITY_COMMITTEE (社区党委), not under a STREET_WORKING_COMMITTEE',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses unknown grid and resident ids with NOT_FOUND on the field, writing nothing', async () => {
    const before = await counts();
    const grid = await hub.fail(
      `mutation ($g: [ID!]) { createPartyOrganization(input: { name: "文家第一网格党支部", level: GRID_BRANCH, parentId: "${demoId(102, 3)}", gridIds: $g }) { id } }`,
      { g: [d.grids[4].id, MISSING] },
    );
    expect(grid.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.gridIds[1]', type: 'Grid', id: MISSING });
    const resident = await hub.fail(
      `mutation { createPartyMember(input: { name: "某某", kind: RESIDENT, organizationId: "${demoId(103, 1)}", residentId: "${MISSING}" }) { id } }`,
    );
    expect(resident.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.residentId', type: 'Resident' });
    const building = await hub.fail(
      `mutation { createPartyOrganization(input: { name: "小组", level: BUILDING_GROUP, parentId: "${demoId(103, 1)}", buildingIds: ["${MISSING}"] }) { id } }`,
    );
    expect(building.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.buildingIds[0]', type: 'Building' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a grid of another community, a grid already covered and a field of another level', async () => {
    const before = await counts();
    const elsewhere = await hub.fail(
      `mutation { createPartyOrganization(input: { name: "错社区支部", level: GRID_BRANCH, parentId: "${demoId(102, 1)}", gridIds: ["${d.grids[4].id}"] }) { id } }`,
    );
    expect([elsewhere.extensions?.field, elsewhere.message]).toEqual([
      'input.gridIds[0]',
      `grid ${d.grids[4].id} lies in another community than its community committee's`,
    ]);
    const covered = await hub.fail(
      `mutation { createPartyOrganization(input: { name: "重复支部", level: GRID_BRANCH, parentId: "${demoId(102, 1)}", gridIds: ["${d.grids[0].id}"] }) { id } }`,
    );
    expect([covered.extensions?.code, covered.extensions?.field]).toEqual(['CONFLICT', 'input.gridIds[0]']);
    expect(covered.message).toMatch(/already covered by 东城第一网格党支部/);
    const wrongField = await hub.fail(
      `mutation { createPartyOrganization(input: { name: "x", level: COMMUNITY_COMMITTEE, parentId: "${demoId(101, 1)}", communityId: "${d.communities[0].id}", gridIds: ["${d.grids[0].id}"] }) { id } }`,
    );
    expect(wrongField.extensions?.field).toBe('input.gridIds');
    const inService = await hub.fail(
      `mutation { createPartyMember(input: { name: "甲", kind: IN_SERVICE, organizationId: "${demoId(103, 1)}" }) { id } }`,
    );
    expect([inService.extensions?.field, inService.message]).toEqual([
      'input.workUnitName',
      'an IN_SERVICE member needs workUnitName (the unit they work in)',
    ]);
    const group = await hub.fail(
      `mutation { createPartyMember(input: { name: "甲", kind: RETIRED, organizationId: "${demoId(104, 1)}" }) { id } }`,
    );
    expect(group.extensions?.field).toBe('input.organizationId');
    const seat = await hub.fail(
      `mutation { addCommitteeSeat(input: { committeeId: "${demoId(103, 1)}", personName: "赵", unitName: "单位", unitKind: UNIT, role: COMMITTEE_MEMBER, termStart: "2024-01-01", termEnd: "2028-12-31" }) { id } }`,
    );
    expect(seat.extensions?.field).toBe('input.committeeId');
    expect(await counts()).toEqual(before);
  });

  it("creates a building group and a central household that the grid subgraph's entities then show", async () => {
    const group = await hub.query(
      `mutation ($b: [ID!]) { createPartyOrganization(input: { name: "西关一号楼党小组", level: BUILDING_GROUP, parentId: "${demoId(103, 3)}", buildingIds: $b }) { id level street { name } community { name } buildings { code } } }`,
      { b: [d.buildings[4].id] },
    );
    expect(group.createPartyOrganization).toMatchObject({
      level: 'BUILDING_GROUP',
      street: { name: '圣城街道' },
      community: { name: '西关社区' },
      buildings: [{ code: d.buildings[4].code }],
    });
    const household = d.households.find((h) => h.buildingId === d.buildings[4].id)!;
    await hub.query(
      `mutation ($p: ID!, $h: ID!) { createPartyOrganization(input: { name: "中心户", level: CENTRAL_HOUSEHOLD, parentId: $p, householdId: $h }) { id } }`,
      { p: group.createPartyOrganization.id, h: household.id },
    );
    const data = await hub.query(
      `query ($c: String!) { grid(code: $c) { buildings(first: 5) { nodes { code partyGroup { name } households(first: 1) { nodes { room partyCentralHousehold { name parent { name } } } } } } } }`,
      { c: d.grids[2].code },
    );
    expect(data.grid.buildings.nodes).toEqual([
      {
        code: d.buildings[4].code,
        partyGroup: { name: '西关一号楼党小组' },
        households: {
          nodes: [
            { room: household.room, partyCentralHousehold: { name: '中心户', parent: { name: '西关一号楼党小组' } } },
          ],
        },
      },
      {
        code: d.buildings[5].code,
        partyGroup: null,
        households: { nodes: [{ room: '101', partyCentralHousehold: null }] },
      },
    ]);
  });
});

describe('the tree and the lists', () => {
  it('gives ancestors and depth-bounded descendants from any node', async () => {
    const data = await hub.query(`{
      branch: partyOrganization(id: "${demoId(103, 1)}") { ancestors { name level } }
      street: partyOrganization(id: "${demoId(101, 1)}") {
        two: descendants(maxDepth: 2) { name level }
        all: descendants { level }
      }
    }`);
    expect(data.branch.ancestors).toEqual([
      { name: '圣城街道党工委', level: 'STREET_WORKING_COMMITTEE' },
      { name: '东城社区党委', level: 'COMMUNITY_COMMITTEE' },
    ]);
    expect(data.street.two).toEqual([
      { name: '东城社区党委', level: 'COMMUNITY_COMMITTEE' },
      { name: '西关社区党委', level: 'COMMUNITY_COMMITTEE' },
      { name: '东城第一网格党支部', level: 'GRID_BRANCH' },
      { name: '东城第二网格党支部', level: 'GRID_BRANCH' },
      { name: '西关第一网格党支部', level: 'GRID_BRANCH' },
      { name: '西关商业网格党支部', level: 'GRID_BRANCH' },
    ]);
    const levels = data.street.all.map((o: any) => o.level);
    expect(levels.filter((l: string) => l === 'BUILDING_GROUP')).toHaveLength(3);
    expect(levels.filter((l: string) => l === 'CENTRAL_HOUSEHOLD')).toHaveLength(2);
    const tooDeep = await hub.fail(
      `{ partyOrganization(id: "${demoId(101, 1)}") { descendants(maxDepth: 5) { id } } }`,
    );
    expect(tooDeep.extensions?.field).toBe('maxDepth');
  });

  it('filters and pages organisations and members', async () => {
    const branches = await hub.query(
      `{ partyOrganizations(level: GRID_BRANCH, communityId: "${d.communities[0].id}", first: 1) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(branches.partyOrganizations).toMatchObject({
      totalCount: 2,
      nodes: [{ name: '东城第一网格党支部' }],
      pageInfo: { hasNextPage: true },
    });
    const next = await hub.query(
      `query ($a: String) { partyOrganizations(level: GRID_BRANCH, communityId: "${d.communities[0].id}", first: 1, after: $a) { nodes { name } pageInfo { hasNextPage } } }`,
      { a: branches.partyOrganizations.pageInfo.endCursor },
    );
    expect(next.partyOrganizations).toEqual({
      nodes: [{ name: '东城第二网格党支部' }],
      pageInfo: { hasNextPage: false },
    });
    const byGrid = await hub.query(`{ partyOrganizations(gridId: "${d.grids[3].id}") { nodes { name } } }`);
    expect(byGrid.partyOrganizations.nodes).toEqual([{ name: '西关商业网格党支部' }]);
    const members = await hub.query(`{
      inService: partyMembers(kind: IN_SERVICE) { totalCount nodes { name workUnitName organization { name } } }
      public: partyMembers(showsIdentityPublicly: true, gridId: "${d.grids[0].id}") { totalCount }
      held: partyMembers(organizationId: "${demoId(102, 1)}") { nodes { kind resident { id } } }
    }`);
    expect(members.inService).toEqual({
      totalCount: 1,
      nodes: [
        { name: d.residents[2].name, workUnitName: '寿光市税务局', organization: { name: '东城第一网格党支部' } },
      ],
    });
    expect(members.public.totalCount).toBe(2);
    expect(members.held.nodes).toEqual([{ kind: 'FLOATING', resident: null }]);
  });
});

describe('coverage figures on the demo district', () => {
  it('finds the grid without a branch and the buildings without a group, named by the grid subgraph', async () => {
    const data = await hub.query(
      `query ($g: [ID!]!, $b: [ID!]!) {
        gridsWithoutPartyBranch(gridIds: $g) { totalCount nodes { id code name } }
        buildingsWithoutPartyGroup(buildingIds: $b, first: 3) { totalCount nodes { code } pageInfo { hasNextPage } }
      }`,
      { g: d.grids.map((g) => g.id), b: d.buildings.map((b) => b.id) },
    );
    expect(data.gridsWithoutPartyBranch).toEqual({
      totalCount: 1,
      nodes: [{ id: d.grids[4].id, code: d.grids[4].code, name: '文家第一网格' }],
    });
    // Groups stand on buildings 1, 2 (demo) and 5 (created above).
    expect(data.buildingsWithoutPartyGroup).toEqual({
      totalCount: 7,
      nodes: [d.buildings[2], d.buildings[3], d.buildings[5]].map((b) => ({ code: b.code })),
      pageInfo: { hasNextPage: true },
    });
  });

  it('counts members per grid and in-service members per community', async () => {
    const thirdGridMembers = 1;
    const data = await hub.query(
      `query ($g: [ID!]!, $c: [ID!]!) {
        partyMembersPerGrid(gridIds: $g) { grid { code } members showingIdentity }
        inServicePartyMembersPerCommunity(communityIds: $c) { community { name } inServiceMembers }
        community(id: "${d.communities[0].id}") {
          partyCommittee { name secretary { id } }
          partyCommitteeSeats { personName unitName unitKind role termStart termEnd inOffice }
          inServicePartyMemberCount
        }
      }`,
      { g: d.grids.map((g) => g.id), c: d.communities.map((c) => c.id) },
    );
    expect(data.partyMembersPerGrid).toEqual([
      { grid: { code: d.grids[0].code }, members: 2, showingIdentity: 2 },
      { grid: { code: d.grids[1].code }, members: 1, showingIdentity: 1 },
      { grid: { code: d.grids[2].code }, members: thirdGridMembers, showingIdentity: 0 },
      { grid: { code: d.grids[3].code }, members: 0, showingIdentity: 0 },
      { grid: { code: d.grids[4].code }, members: 0, showingIdentity: 0 },
    ]);
    expect(data.inServicePartyMembersPerCommunity).toEqual([
      { community: { name: '东城社区' }, inServiceMembers: 1 },
      { community: { name: '西关社区' }, inServiceMembers: 0 },
      { community: { name: '文家社区' }, inServiceMembers: 0 },
    ]);
    expect(data.community).toEqual({
      partyCommittee: { name: '东城社区党委', secretary: null },
      partyCommitteeSeats: [
        {
          personName: '王建华',
          unitName: '寿光市人民医院',
          unitKind: 'UNIT',
          role: 'DEPUTY_SECRETARY',
          termStart: '2024-01-01',
          termEnd: '2028-12-31',
          inOffice: true,
        },
        {
          personName: '李秀英',
          unitName: '东城物业服务有限公司',
          unitKind: 'PROPERTY_COMPANY',
          role: 'COMMITTEE_MEMBER',
          termStart: '2024-01-01',
          termEnd: '2028-12-31',
          inOffice: true,
        },
      ],
      inServicePartyMemberCount: 1,
    });
  });

  it('adds and ends a big Party committee seat, keeping the ended one on request', async () => {
    const added = await hub.query(
      `mutation { addCommitteeSeat(input: { committeeId: "${demoId(102, 2)}", personName: " 孙志强 ", unitName: "西关供电所", unitKind: UNIT, role: COMMITTEE_MEMBER, termStart: "2024-03-01", termEnd: "2029-02-28" }) { id personName committee { name } inOffice } }`,
    );
    expect(added.addCommitteeSeat).toMatchObject({
      personName: '孙志强',
      committee: { name: '西关社区党委' },
      inOffice: true,
    });
    const early = await hub.fail(
      `mutation { endCommitteeSeat(input: { id: "${added.addCommitteeSeat.id}", endedOn: "2024-02-01" }) { id } }`,
    );
    expect(early.extensions?.field).toBe('input.endedOn');
    await hub.query(
      `mutation { endCommitteeSeat(input: { id: "${added.addCommitteeSeat.id}", endedOn: "2025-06-30" }) { id } }`,
    );
    const data = await hub.query(
      `{ community(id: "${d.communities[1].id}") { current: partyCommitteeSeats { personName } all: partyCommitteeSeats(includeEnded: true) { personName endedOn inOffice } } }`,
    );
    expect(data.community).toEqual({
      current: [],
      all: [{ personName: '孙志强', endedOn: '2025-06-30', inOffice: false }],
    });
  });
});
