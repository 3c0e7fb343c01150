import { demoDistrict } from '../lib/demo-district';
import { newId } from '../lib/ids';
import { expectListFiltered, idsWhereIn, type IdsWhere } from './support/root-lists';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

const idsWhere: IdsWhere = (table, where, values) =>
  idsWhereIn(hub, 'co-building', 'co_building')(table, where, values);

describe("the co-building department's root lists", () => {
  beforeAll(async () => {
    // Wishes in two communities, open and fulfilled, and a sub-category: the demo district has none.
    const connection = hub.hub.subgraphs['co-building'].database.orm.em.getConnection();
    const [first, second] = demoDistrict().communities;
    const residents = demoDistrict().residents;
    const wishes: Array<[string, string]> = [
      [first.id, 'OPEN'],
      [first.id, 'FULFILLED'],
      [second.id, 'OPEN'],
      [first.id, 'OPEN'],
    ];
    for (const [index, [communityId, status]] of wishes.entries()) {
      await connection.execute(
        `insert into co_building.wish (id, resident_id, community_id, title, description, status, version, created_at)
         values (?, ?, ?, ?, '', ?, 1, now())`,
        [newId(), residents[index].id, communityId, `心愿${index + 1}`, status],
      );
    }
    const [parent] = await idsWhere('service_category', 'parent_id is null');
    await connection.execute(
      `insert into co_building.service_category (id, name, parent_id, created_at) values (?, '法律咨询', ?, now())`,
      [newId(), parent],
    );
  });

  it('narrows units by kind, wishes by community and status, categories by their parent: the rows of the database, in id order, with their total', async () => {
    const [community] = (
      await hub.hub.subgraphs['co-building'].database.orm.em
        .getConnection()
        .execute<Array<{ community_id: string }>>(
          `select community_id from co_building.wish group by community_id order by count(*) desc limit 1`,
        )
    ).map((row) => row.community_id);
    const [parent] = await idsWhere(
      'service_category',
      'parent_id is null and exists (select 1 from co_building.service_category c where c.parent_id = t.id)',
    );
    // A list without a filter lists everything: these filters need only match some rows.
    const anyRows = { narrower: false };
    await expectListFiltered(
      hub,
      'units',
      idsWhere,
      [['$kind: UnitKind', { kind: 'HOSPITAL' }, 'unit', `kind = 'HOSPITAL'`]],
      anyRows,
    );
    await expectListFiltered(
      hub,
      'wishes',
      idsWhere,
      [
        ['$communityId: ID', { communityId: community }, 'wish', 'community_id = ?', [community]],
        ['$status: WishStatus', { status: 'OPEN' }, 'wish', `status = 'OPEN'`],
        [
          '$communityId: ID, $status: WishStatus',
          { communityId: community, status: 'OPEN' },
          'wish',
          `community_id = ? and status = 'OPEN'`,
          [community],
        ],
      ],
      anyRows,
    );
    await expectListFiltered(
      hub,
      'serviceCategories',
      idsWhere,
      [
        ['', {}, 'service_category', 'parent_id is null'],
        ['$parentId: ID', { parentId: parent }, 'service_category', 'parent_id = ?', [parent]],
      ],
      anyRows,
    );
    // Without a kind, every unit.
    const everyUnit = await hub.query(`{ units(first: 100) { totalCount } }`);
    expect(everyUnit.units.totalCount).toBe((await idsWhere('unit', 'true')).length);
  });

  it('refuses a parent category that is not an id, naming the argument', async () => {
    const error = await hub.fail(`{ serviceCategories(parentId: "not-an-id") { totalCount } }`);
    expect([error.extensions?.code, error.extensions?.field, error.message]).toEqual([
      'BAD_USER_INPUT',
      'parentId',
      'parentId is not an id',
    ]);
  });
});
