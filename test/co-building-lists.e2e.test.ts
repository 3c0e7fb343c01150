import { demoDistrict } from '../lib/demo-district';
import { newId } from '../lib/ids';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

/** The ids PostgreSQL selects from a co-building table, in id order: what each filter must return. */
async function idsWhere(table: string, where: string, values: unknown[] = []): Promise<string[]> {
  const connection = hub.hub.subgraphs['co-building'].database.orm.em.getConnection();
  return ids(await connection.execute<Array<{ id: string }>>(`select id from co_building.${table} where ${where} order by id`, values));
}

describe("the co-building department's root lists", () => {
  beforeAll(async () => {
    // Wishes in two communities, open and fulfilled, and a sub-category: the demo district has none.
    const connection = hub.hub.subgraphs['co-building'].database.orm.em.getConnection();
    const [first, second] = demoDistrict().communities;
    const residents = demoDistrict().residents;
    const wishes: Array<[string, string]> = [[first.id, 'OPEN'], [first.id, 'FULFILLED'], [second.id, 'OPEN'], [first.id, 'OPEN']];
    for (const [index, [communityId, status]] of wishes.entries()) {
      await connection.execute(
        `insert into co_building.wish (id, resident_id, community_id, title, description, status, version, created_at)
         values (?, ?, ?, ?, '', ?, 1, now())`,
        [newId(), residents[index].id, communityId, `心愿${index + 1}`, status],
      );
    }
    const [parent] = await idsWhere('service_category', 'parent_id is null');
    await connection.execute(`insert into co_building.service_category (id, name, parent_id, created_at) values (?, '法律咨询', ?, now())`, [newId(), parent]);
  });

  it('narrows units by kind, wishes by community and status, categories by their parent: the rows of the database, in id order, with their total', async () => {
    const [community] = (await hub.hub.subgraphs['co-building'].database.orm.em.getConnection()
      .execute<Array<{ community_id: string }>>(`select community_id from co_building.wish group by community_id order by count(*) desc limit 1`))
      .map((row) => row.community_id);
    const [parent] = await idsWhere('service_category', 'parent_id is null and exists (select 1 from co_building.service_category c where c.parent_id = service_category.id)');
    const cases: Array<[string, string, Record<string, unknown>, string, unknown[]]> = [
      ['units', '$kind: UnitKind', { kind: 'HOSPITAL' }, `kind = 'HOSPITAL'`, []],
      ['wishes', '$communityId: ID', { communityId: community }, 'community_id = ?', [community]],
      ['wishes', '$status: WishStatus', { status: 'OPEN' }, `status = 'OPEN'`, []],
      ['wishes', '$communityId: ID, $status: WishStatus', { communityId: community, status: 'OPEN' }, `community_id = ? and status = 'OPEN'`, [community]],
      ['serviceCategories', '', {}, 'parent_id is null', []],
      ['serviceCategories', '$parentId: ID', { parentId: parent }, 'parent_id = ?', [parent]],
    ];
    const table = { units: 'unit', wishes: 'wish', serviceCategories: 'service_category' } as Record<string, string>;
    for (const [list, declared, filter, where, values] of cases) {
      const expected = await idsWhere(table[list], where, values);
      expect([list, filter, expected.length > 0]).toEqual([list, filter, true]);
      const passed = Object.keys(filter).map((name) => `${name}: $${name}`);
      const data = await hub.query(`query ${declared ? `(${declared})` : ''} { ${list}(first: 100${passed.length ? `, ${passed.join(', ')}` : ''}) { totalCount nodes { id } } }`, filter);
      expect([list, filter, ids(data[list].nodes)]).toEqual([list, filter, expected]);
      expect(data[list].totalCount).toBe(expected.length);
    }
    // Without a kind, every unit.
    const everyUnit = await hub.query(`{ units(first: 100) { totalCount } }`);
    expect(everyUnit.units.totalCount).toBe((await idsWhere('unit', 'true')).length);
  });

  it('refuses a parent category that is not an id, naming the argument', async () => {
    const error = await hub.fail(`{ serviceCategories(parentId: "not-an-id") { totalCount } }`);
    expect([error.extensions?.code, error.extensions?.field, error.message]).toEqual(['BAD_USER_INPUT', 'parentId', 'parentId is not an id']);
  });
});
