import { demoDistrict } from '../lib/demo-district';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

describe('one graph over four departments', () => {
  it('answers a grid with a field contributed by each of the other three subgraphs', async () => {
    const grid = demoDistrict().grids[0];
    const data = await hub.query(
      `query ($code: String!) {
        grid(code: $code) {
          name kind householdCount
          community { name street { name } pairedUnits { name kind } }
          partyBranches { name level parent { name level } }
          dutyItems { code name level }
        }
      }`,
      { code: grid.code },
    );
    expect(data.grid).toEqual({
      name: '东城第一网格',
      kind: 'RESIDENTIAL',
      householdCount: 8,
      community: {
        name: '东城社区',
        street: { name: '圣城街道' },
        pairedUnits: [
          { name: '寿光市人民医院', kind: 'HOSPITAL' },
          { name: '寿光市税务局', kind: 'PARTY_GOV_ORGAN' },
        ],
      },
      partyBranches: [
        {
          name: '东城第一网格党支部',
          level: 'GRID_BRANCH',
          parent: { name: '东城社区党委', level: 'COMMUNITY_COMMITTEE' },
        },
      ],
      dutyItems: [
        { code: 'GD-01', name: '实有人口信息采集', level: 'GRID' },
        { code: 'GD-02', name: '矛盾纠纷排查调解', level: 'GRID' },
        { code: 'GD-03', name: '环境卫生巡查', level: 'GRID' },
        { code: 'GD-04', name: '高龄津贴代办', level: 'COMMUNITY' },
      ],
    });
  });

  it('finds the grid without a Party branch through the graph', async () => {
    const data = await hub.query(`{ grids(first: 10) { nodes { code partyBranches { id } } } }`);
    const withoutBranch = data.grids.nodes.filter((g: any) => g.partyBranches.length === 0).map((g: any) => g.code);
    expect(withoutBranch).toEqual([demoDistrict().grids[4].code]);
  });
});

describe('batching', () => {
  const batch = { communityId: '', gridIds: [] as string[] };

  beforeAll(async () => {
    const street = await hub.query(`mutation { createStreet(input: { code: "370783099", name: "批量街道" }) { id } }`);
    const community = await hub.query(
      `mutation ($s: ID!) { createCommunity(input: { streetId: $s, code: "370783099001", name: "批量社区" }) { id } }`,
      { s: street.createStreet.id },
    );
    batch.communityId = community.createCommunity.id;
    for (let i = 1; i <= 50; i += 1) {
      const code = `370783099001${String(i).padStart(3, '0')}`;
      const created = await hub.query(
        `mutation ($c: ID!, $code: String!) { createGrid(input: { communityId: $c, code: $code, name: $code, kind: RESIDENTIAL }) { id } }`,
        { c: batch.communityId, code },
      );
      for (const b of [1, 2]) {
        await hub.query(
          `mutation ($g: ID!, $code: String!) { createBuilding(input: { gridId: $g, code: $code, address: "测试路" }) { id } }`,
          {
            g: created.createGrid.id,
            code: `${code}B${b}`,
          },
        );
      }
      batch.gridIds.push(created.createGrid.id);
    }
    // Branches on every other grid, written by the organisation department's own service.
    await hub.hub.subgraphs['party-building'].database.orm.em.getConnection().execute(
      `insert into party_building.party_organization (id, name, level, grid_ids, created_at)
       select gen_random_uuid(), 'branch ' || g, 'GRID_BRANCH', array[g]::uuid[], now() from unnest(?::uuid[]) as g`,
      [`{${batch.gridIds.filter((_, i) => i % 2 === 0).join(',')}}`],
    );
  });

  async function statementsFor(first: number) {
    const query = `query ($c: ID!, $first: Int!) {
      grids(communityId: $c, first: $first) {
        nodes { code community { name } buildings(first: 5) { nodes { code } } householdCount partyBranches { name } dutyItems { code } }
      }
    }`;
    const before = { grid: hub.sql('grid'), party: hub.sql('party-building'), services: hub.sql('services') };
    const data = await hub.query(query, { c: batch.communityId, first });
    return {
      grids: data.grids.nodes,
      statements: {
        grid: hub.sql('grid') - before.grid,
        party: hub.sql('party-building') - before.party,
        services: hub.sql('services') - before.services,
      },
    };
  }

  it('issues the same number of SQL statements for 50 grids as for 5', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(five.grids).toHaveLength(5);
    expect(fifty.grids).toHaveLength(50);
    expect(fifty.grids.every((g: any) => g.buildings.nodes.length === 2 && g.community.name === '批量社区')).toBe(true);
    expect(fifty.grids.filter((g: any) => g.partyBranches.length === 1)).toHaveLength(25);
    expect(fifty.statements).toEqual(five.statements);
    // grid: the page (household counts are on its rows), the communities, the buildings pages.
    expect(fifty.statements).toEqual({ grid: 3, party: 1, services: 1 });
  });

  it('resolves 50 entity references with as many statements as 5', async () => {
    const subgraphUrl = hub.hub.subgraphs.grid.url;
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Grid { code community { name } } } }`;
    const resolve = async (ids: string[]) => {
      const before = hub.sql('grid');
      const response = await fetch(subgraphUrl, {
        method: 'POST',
        headers: await hub.internalHeaders(),
        body: JSON.stringify({ query, variables: { r: ids.map((id) => ({ __typename: 'Grid', id })) } }),
      });
      const body = (await response.json()) as any;
      return { entities: body.data._entities, statements: hub.sql('grid') - before };
    };
    const five = await resolve(batch.gridIds.slice(0, 5));
    const fifty = await resolve(batch.gridIds);
    expect(fifty.entities).toHaveLength(50);
    expect(fifty.entities[49]).toEqual({ code: '370783099001050', community: { name: '批量社区' } });
    expect(fifty.statements).toBe(five.statements);
    expect(fifty.statements).toBe(2);
  });
});
