import { expectListFiltered, ids, idsWhereIn, type ListCase } from './support/root-lists';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

const idsWhere = (table: string, where: string, values: unknown[] = []) =>
  idsWhereIn(hub, 'grid', 'grid')(table, where, values);

/** A list's filters, each declared from the list's argument types (`name:Type,...`). */
function expectFiltered(
  list: string,
  argumentTypes: string,
  table: string,
  cases: Array<[Record<string, unknown>, string, unknown[]]>,
) {
  const types = Object.fromEntries(argumentTypes.split(',').map((pair) => pair.split(':')));
  const declared = (filter: Record<string, unknown>) =>
    Object.keys(filter)
      .map((name) => `$${name}: ${types[name]}`)
      .join(', ');
  return expectListFiltered(
    hub,
    list,
    idsWhere,
    cases.map(([filter, where, values]): ListCase => [declared(filter), filter, table, where, values]),
  );
}

describe("the grid department's root lists", () => {
  beforeAll(async () => {
    // A grid inside the 300–500 band, a retired grid and a worker off duty, so every filter has rows on both sides.
    const connection = hub.hub.subgraphs.grid.database.orm.em.getConnection();
    const [first] = await idsWhere('grid', 'true');
    await connection.execute(`update grid.grid set household_count = 400 where id = ?`, [first]);
    const [community] = await idsWhere('community', 'true');
    const { createGrid } = await hub.query(
      `mutation ($c: ID!) { createGrid(input: { communityId: $c, code: "370783001001098", name: "撤销用网格", kind: RESIDENTIAL }) { id } }`,
      { c: community },
    );
    await hub.query(`mutation ($g: ID!) { retireGrid(input: { gridId: $g }) { status } }`, { g: createGrid.id });
    const [worker] = await idsWhere('grid_worker', 'true');
    await connection.execute(`update grid.grid_worker set active = false where id = ?`, [worker]);
  });

  it('narrows grids by street, community, kind, status and the household band: the rows of the database, in id order, with their total', async () => {
    const [street] = await idsWhere('street', 'true');
    const [community] = await idsWhere('community', 'street_id <> ?', [street]);
    await expectFiltered(
      'grids',
      'streetId:ID,communityId:ID,kind:GridKind,status:GridStatus,outsideStandardBand:Boolean',
      'grid',
      [
        [
          { streetId: street },
          'exists (select 1 from grid.community c where c.id = t.community_id and c.street_id = ?)',
          [street],
        ],
        [{ communityId: community }, 'community_id = ?', [community]],
        [{ kind: 'RESIDENTIAL' }, `kind = 'RESIDENTIAL'`, []],
        [{ status: 'RETIRED' }, `status = 'RETIRED'`, []],
        [{ outsideStandardBand: false }, 'household_count >= 300 and household_count <= 500', []],
        [{ outsideStandardBand: true }, 'household_count < 300 or household_count > 500', []],
        [
          { streetId: street, status: 'ACTIVE' },
          `status = 'ACTIVE' and exists (select 1 from grid.community c where c.id = t.community_id and c.street_id = ?)`,
          [street],
        ],
      ],
    );
  });

  it('narrows communities by street, buildings by grid and community, workers by kind, duty and grid served now', async () => {
    const [street] = await idsWhere('street', 'true');
    await expectFiltered('communities', 'streetId:ID', 'community', [
      [{ streetId: street }, 'street_id = ?', [street]],
    ]);
    const [grid] = await idsWhere('grid', 'exists (select 1 from grid.building b where b.grid_id = t.id)');
    const [community] = await idsWhere(
      'community',
      'exists (select 1 from grid.grid g join grid.building b on b.grid_id = g.id where g.community_id = t.id)',
    );
    await expectFiltered('buildings', 'gridId:ID,communityId:ID', 'building', [
      [{ gridId: grid }, 'grid_id = ?', [grid]],
      [
        { communityId: community },
        'exists (select 1 from grid.grid g where g.id = t.grid_id and g.community_id = ?)',
        [community],
      ],
    ]);
    const [served] = await idsWhere(
      'grid',
      'exists (select 1 from grid.grid_assignment a where a.grid_id = t.id and a.ended_at is null)',
    );
    await expectFiltered('gridWorkers', 'kind:WorkerKind,active:Boolean,gridId:ID', 'grid_worker', [
      [{ kind: 'FULL_TIME' }, `kind = 'FULL_TIME'`, []],
      [{ active: false }, 'not active', []],
      [
        { gridId: served },
        'exists (select 1 from grid.grid_assignment a where a.worker_id = t.id and a.grid_id = ? and a.ended_at is null)',
        [served],
      ],
    ]);
  });

  it('lists the streets in creation order, a page at a time', async () => {
    const all = await idsWhere('street', 'true');
    const first = await hub.query(
      `{ streets(first: 1) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(first.streets).toMatchObject({
      totalCount: all.length,
      nodes: [{ id: all[0] }],
      pageInfo: { hasNextPage: all.length > 1 },
    });
    const rest = await hub.query(`query ($after: String) { streets(first: 100, after: $after) { nodes { id } } }`, {
      after: first.streets.pageInfo.endCursor,
    });
    expect(ids(rest.streets.nodes)).toEqual(all.slice(1));
  });

  it('refuses a place or record that is not an id, naming the argument', async () => {
    const lists: Array<[string, string]> = [
      ['grids', 'streetId'],
      ['grids', 'communityId'],
      ['communities', 'streetId'],
      ['buildings', 'gridId'],
      ['buildings', 'communityId'],
      ['gridWorkers', 'gridId'],
    ];
    for (const [list, field] of lists) {
      const error = await hub.fail(`query ($v: ID) { ${list}(${field}: $v) { totalCount } }`, { v: 'not-an-id' });
      expect([list, error.extensions?.code, error.extensions?.field, error.message]).toEqual([
        list,
        'BAD_USER_INPUT',
        field,
        `${field} is not an id`,
      ]);
    }
    const error = await hub.fail(`{ recordChanges(entityType: RESIDENT, entityId: "not-an-id") { totalCount } }`);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entityId' });
  });
});
