import { parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { paginate } from '../lib/pagination';
import { columnsOf, readOnlyRowsIn } from '../lib/read-only-entities';
import { sqlRows, type SqlParameter } from '../lib/sql-rows';
import { types } from 'pg';
import { parseTextArray, TEXT_ARRAY_OIDS } from '../lib/pg-array-parsers';
import { Community } from '../subgraphs/grid/community/community.entity';
import { Grid } from '../subgraphs/grid/grid/grid.entity';
import { Resident } from '../subgraphs/grid/resident/resident.entity';
import { ResidenceType } from '../subgraphs/grid/shared/enums';
import { Street } from '../subgraphs/grid/street/street.entity';
import { childPageLoader } from '../lib/loaders';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

const gridOrm = () => hub.hub.subgraphs.grid.database.orm;

/** What a resolver of the list field in `query` is told of its selection. */
function listField(query: string): GraphQLResolveInfo {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return {
    fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
    fragments: {},
  } as unknown as GraphQLResolveInfo;
}

describe('statements sent straight to PostgreSQL (lib/sql-rows.ts)', () => {
  it('reuses a prepared statement with other values and answers each with its own rows', async () => {
    const em = gridOrm().em.fork();
    const ids: string[] = (await em.getKnex()('grid.grid').select('id').orderBy('id').limit(3)).map(
      (row: { id: string }) => row.id,
    );
    const text = 'select id, code from grid.grid where id = any($1) order by id';
    for (let round = 0; round < 7; round += 1) {
      const first = await sqlRows<{ id: string }>(em, { text, values: [ids.slice(0, 1)], prepared: true });
      const all = await sqlRows<{ id: string }>(em, { text, values: [ids], prepared: true });
      expect(first.map((row) => row.id)).toEqual(ids.slice(0, 1));
      expect(all.map((row) => row.id)).toEqual(ids);
    }
  });

  it('counts each statement where the tests and the benchmark read the SQL count', async () => {
    const em = gridOrm().em.fork();
    const before = hub.sql('grid');
    await sqlRows(em, { text: 'select 1 as one', values: [] });
    await sqlRows(em, { text: 'select 2 as two', values: [], prepared: true });
    expect(hub.sql('grid') - before).toBe(2);
  });

  it('prepares a named statement on the connection only when asked, and counts statements inside a transaction too', async () => {
    await gridOrm()
      .em.fork()
      .transactional(async (tx) => {
        const before = hub.sql('grid');
        const prepared = 'select count(*)::int as n from grid.grid where id <> $1';
        const unprepared = 'select count(*)::int as n from grid.street where id <> $1';
        await sqlRows(tx, { text: prepared, values: ['00000000-0000-0000-0000-000000000000'], prepared: true });
        await sqlRows(tx, { text: unprepared, values: ['00000000-0000-0000-0000-000000000000'] });
        const kept = await sqlRows<{ statement: string }>(tx, {
          text: 'select statement from pg_prepared_statements',
          values: [],
        });
        const statements = kept.map((row) => row.statement);
        expect(statements).toContain('select count(*)::int as n from grid.grid where id <> $1');
        expect(statements.some((statement) => statement.includes('grid.street'))).toBe(false);
        expect(hub.sql('grid') - before).toBe(3);
      });
  });

  it('takes a placeholder written twice and a literal question mark (a jsonb operator) as written', async () => {
    const em = gridOrm().em.fork();
    const [row] = await sqlRows<{ same: boolean; has: boolean; sum: number }>(em, {
      text: `select $1::int = $1::int as same, '{"a":1}'::jsonb ? $2 as has, $1::int + $3::int as sum`,
      values: [2, 'a', 5],
      prepared: true,
    });
    expect(row).toEqual({ same: true, has: true, sum: 7 });
  });

  it("runs inside a transaction on the transaction's connection: it sees the transaction's rows, others do not", async () => {
    const orm = gridOrm();
    const grid = (await orm.em.fork().getKnex()('grid.grid').select('id', 'name').orderBy('id').first()) as {
      id: string;
      name: string;
    };
    const outside = orm.em.fork();
    const renamed = `${grid.name}（调整中）`;
    const text = 'select name from grid.grid where id = any($1)';
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await tx
          .getKnex()('grid.grid')
          .transacting(tx.getTransactionContext()!)
          .update({ name: renamed })
          .where({ id: grid.id });
        const [inside] = await sqlRows<{ name: string }>(tx, { text, values: [[grid.id]], prepared: true });
        const [elsewhere] = await sqlRows<{ name: string }>(outside, { text, values: [[grid.id]], prepared: true });
        expect(inside.name).toBe(renamed);
        expect(elsewhere.name).toBe(grid.name);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const [after] = await sqlRows<{ name: string }>(outside, { text, values: [[grid.id]], prepared: true });
    expect(after.name).toBe(grid.name);
  });

  it('pages and counts written conditions as em.find and em.count do an ORM filter, across the pages, with the count apart or in the page', async () => {
    const em = gridOrm().em.fork();
    const gridId = (await em.getKnex()('grid.grid').select('id').orderBy('id').first()).id;
    const where = { household: { building: { grid: gridId } } };
    // The same residents by the grid each one carries.
    const conditions = (parameter: SqlParameter) => [`"grid_id" = ${parameter(gridId)}`];
    const expected = await em.find(Resident, where, { orderBy: { id: 'asc' } });
    expect(expected.length).toBeGreaterThan(4);
    for (const info of [
      listField('{ residents { nodes { id } } }'),
      listField('{ residents { totalCount nodes { id } } }'),
    ]) {
      const first = await paginate(em, Resident, conditions, { first: 3 }, info);
      const second = await paginate(em, Resident, conditions, { first: 3, after: first.pageInfo.endCursor! }, info);
      expect([...first.nodes, ...second.nodes].map((resident) => resident.id)).toEqual(
        expected.slice(0, 6).map((resident) => resident.id),
      );
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(await first.countTotal()).toBe(await em.count(Resident, where));
      expect(await second.countTotal()).toBe(expected.length);
    }
  });

  it('reads rows by a column for any number of values with one text, narrowed by properties that must be null', async () => {
    const orm = gridOrm();
    const grids = await orm.em.fork().find(Grid, {}, { orderBy: { id: 'asc' }, limit: 4 });
    const ids = grids.map((grid) => grid.id);
    await expect(
      orm.em.fork().transactional(async (tx) => {
        await tx
          .getKnex()('grid.grid')
          .transacting(tx.getTransactionContext()!)
          .update({ retired_at: new Date() })
          .where({ id: ids[1] });
        const one = await readOnlyRowsIn(tx, Grid, 'id', [ids[0]]);
        const four = await readOnlyRowsIn(tx, Grid, 'id', ids, { orderBy: { id: 'desc' } });
        const notRetired = await readOnlyRowsIn(tx, Grid, 'id', ids, {
          where: { retiredAt: null },
          orderBy: { id: 'asc' },
        });
        expect(one.map((grid) => grid.code)).toEqual([grids[0].code]);
        expect(four.map((grid) => grid.id)).toEqual([...ids].reverse());
        expect(four.find((grid) => grid.id === ids[1])!.retiredAt).toBeInstanceOf(Date);
        expect(notRetired.map((grid) => grid.id)).toEqual([ids[0], ids[2], ids[3]]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
  });

  it('reads rows whose array column shares a value with the given ones, narrowed by properties equal to values, as em.find does', async () => {
    const em = gridOrm().em.fork();
    const tags = ['OVER_80', 'DISABLED'];
    const expected = await em.find(
      Resident,
      { careTags: { $overlap: tags }, residenceType: ResidenceType.REGISTERED },
      { orderBy: { id: 'asc' } },
    );
    const read = await readOnlyRowsIn(em, Resident, 'careTags', tags, {
      overlapping: true,
      where: { residenceType: ResidenceType.REGISTERED },
      orderBy: { id: 'asc' },
    });
    expect(expected.length).toBeGreaterThan(1);
    expect(read.map((resident) => resident.id)).toEqual(expected.map((resident) => resident.id));
    expect(
      read.every(
        (resident) =>
          resident.careTags.some((tag) => tags.includes(tag)) && resident.residenceType === ResidenceType.REGISTERED,
      ),
    ).toBe(true);
    // The same prepared text with another value for the narrowing property.
    const floating = await readOnlyRowsIn(em, Resident, 'careTags', ['LIVING_ALONE'], {
      overlapping: true,
      where: { residenceType: ResidenceType.FLOATING },
      orderBy: { id: 'asc' },
    });
    const expectedFloating = await em.find(
      Resident,
      { careTags: { $overlap: ['LIVING_ALONE'] }, residenceType: ResidenceType.FLOATING },
      { orderBy: { id: 'asc' } },
    );
    expect(floating.map((resident) => resident.id)).toEqual(expectedFloating.map((resident) => resident.id));
  });

  it('keeps answering prepared look-ups and unfiltered child pages after a migration adds a column to their tables', async () => {
    const orm = gridOrm();
    const street = (await orm.em.fork().getKnex()('grid.street').select('id', 'name').first()) as {
      id: string;
      name: string;
    };
    // ALTER TABLE is transactional in PostgreSQL: the column exists only inside this transaction.
    await expect(
      orm.em.fork().transactional(async (tx) => {
        const [before] = await readOnlyRowsIn(tx, Street, 'id', [street.id]);
        const communitiesBefore = await childPageLoader(tx, Community, {
          table: 'grid.community',
          parentColumn: 'street_id',
        })(street.id, { first: 5 });
        await tx
          .getKnex()
          .raw('alter table grid.street add column added_by_a_migration integer')
          .transacting(tx.getTransactionContext()!);
        await tx
          .getKnex()
          .raw('alter table grid.community add column added_by_a_migration integer')
          .transacting(tx.getTransactionContext()!);
        const [after] = await readOnlyRowsIn(tx, Street, 'id', [street.id]);
        const communitiesAfter = await childPageLoader(tx, Community, {
          table: 'grid.community',
          parentColumn: 'street_id',
        })(street.id, { first: 5 });
        expect(before.name).toBe(street.name);
        expect(after.name).toBe(street.name);
        expect(communitiesBefore.nodes.length).toBeGreaterThan(0);
        expect(communitiesAfter.nodes.map((community) => community.id)).toEqual(
          communitiesBefore.nodes.map((community) => community.id),
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
  });
  it("names an entity's columns, with a table alias and without, whichever is asked first", async () => {
    const em = gridOrm().em.fork();
    const aliased = columnsOf(em, Street, 's');
    const plain = columnsOf(em, Street);
    expect(plain.split(', ')).toEqual(expect.arrayContaining(['"id"', '"code"', '"name"']));
    expect(aliased).toBe(
      plain
        .split(', ')
        .map((column) => `"s".${column}`)
        .join(', '),
    );
    expect(columnsOf(em, Street, 's')).toBe(aliased);
    expect(columnsOf(em, Community, 's')).not.toBe(aliased);
  });

  it('pages the children of a parent without a filter by a prepared text, before and after a cursor', async () => {
    const em = gridOrm().em.fork();
    const [community] = await em.getKnex()('grid.community').select('id').orderBy('id').limit(1);
    const expected: string[] = (
      await em.getKnex()('grid.grid').select('id').where('community_id', community.id).orderBy('id')
    ).map((row: { id: string }) => row.id);
    expect(expected.length).toBeGreaterThan(1);
    const page = `query ($c: ID!, $after: String) { community(id: $c) { grids(first: 1, after: $after) {
      totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`;
    const first = (await hub.query(page, { c: community.id, after: null })).community.grids;
    expect(first).toMatchObject({
      totalCount: expected.length,
      nodes: [{ id: expected[0] }],
      pageInfo: { hasNextPage: true },
    });
    const second = (await hub.query(page, { c: community.id, after: first.pageInfo.endCursor })).community.grids;
    expect(second).toMatchObject({
      totalCount: expected.length,
      nodes: [{ id: expected[1] }],
      pageInfo: { hasNextPage: expected.length > 2 },
    });
  });

  it('reads text, varchar and uuid arrays with postgres-array 3: quotes, escapes, commas, braces, NULL and empty elements as sent', async () => {
    expect(types.getTypeParser(TEXT_ARRAY_OIDS['text[]'], 'text')).toBe(parseTextArray);
    expect(types.getTypeParser(TEXT_ARRAY_OIDS['uuid[]'], 'text')).toBe(parseTextArray);
    const em = gridOrm().em.fork();
    const tricky = [
      '走访',
      'with,comma',
      'with "quotes"',
      'back\\slash',
      '',
      'NULL',
      null,
      '{braces}',
      ' spaced ',
      'INFORMATION_COLLECTION',
    ];
    const ids = ['01941f29-7c01-7000-80b2-0000b2d05e01', '01941f29-7c02-7000-80b2-0000b2d05e02'];
    const [row] = await sqlRows<Record<string, unknown>>(em, {
      text: `select $1::text[] as text, $1::varchar[] as varchar, $2::uuid[] as uuid, '{}'::text[] as empty, array[null]::text[] as only_null`,
      values: [tricky, ids],
    });
    expect(row).toEqual({ text: tricky, varchar: tricky, uuid: ids, empty: [], only_null: [null] });
    // Through the ORM's query builder too (the same driver registry): a grid team's duties as stored.
    const [assignment] = await em
      .getKnex()('grid.grid_assignment')
      .select('duties')
      .whereRaw('cardinality(duties) > 1')
      .orderBy('id')
      .limit(1);
    const stored = (
      await em
        .getConnection()
        .execute(
          `select array_to_json(duties) as duties from grid.grid_assignment where cardinality(duties) > 1 order by id limit 1`,
        )
    )[0];
    expect(assignment.duties.length).toBeGreaterThan(1);
    expect(assignment.duties).toEqual(stored.duties);
  });
});
