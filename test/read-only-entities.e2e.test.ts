import { isDeepStrictEqual } from 'node:util';
import { readOnlyMapper } from '../lib/read-only-entities';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

/** A many-to-one is compared by the id it holds and the class it stands for. */
const comparable = (value: unknown) =>
  value && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value) && 'id' in value
    ? { id: (value as { id: unknown }).id, type: value.constructor.name }
    : value;

describe('read-only entities (loaders, pages) hold what the ORM would hydrate', () => {
  it('gives every property of every entity of every subgraph the ORM value, on the demo district', async () => {
    const compared: string[] = [];
    const differences: unknown[] = [];
    for (const subgraph of Object.values(hub.hub.subgraphs)) {
      const orm = subgraph.database.orm;
      for (const meta of Object.values(orm.getMetadata().getAll())) {
        if (meta.primaryKeys.length !== 1 || meta.primaryKeys[0] !== 'id' || !meta.class) continue;
        const em = orm.em.fork();
        const rows: Array<Record<string, unknown>> = await em
          .getKnex()(`${orm.config.get('schema')}.${meta.tableName}`)
          .select('*')
          .orderBy('id')
          .limit(5);
        if (!rows.length) continue;
        // Lazy columns (counts kept by triggers) are read for display, so the ORM is asked for them too.
        const lazy = meta.props.filter((prop) => prop.lazy).map((prop) => prop.name);
        const managed = await em.find(meta.class, { id: { $in: rows.map((row) => row.id) } } as any, {
          populate: lazy as any,
        });
        const read = rows.map(readOnlyMapper(em, meta.class));
        for (const copy of read) {
          const original = managed.find((entity: any) => entity.id === copy.id) as Record<string, unknown>;
          expect(Object.getPrototypeOf(copy)).toBe(Object.getPrototypeOf(original));
          for (const prop of meta.props) {
            if (prop.persist === false) continue;
            const [a, b] = [comparable(original[prop.name]), comparable((copy as Record<string, unknown>)[prop.name])];
            if (!isDeepStrictEqual(a, b))
              differences.push({ entity: meta.className, property: prop.name, orm: a, readOnly: b });
          }
        }
        compared.push(meta.className);
      }
    }
    expect(differences).toEqual([]);
    // Dates, date strings, enums and enum arrays, JSON, numbers and many-to-ones are all among them.
    expect(compared).toEqual(
      expect.arrayContaining([
        'Resident',
        'Household',
        'Grid',
        'GridAssignment',
        'PartyMember',
        'PartyOrganization',
        'ServiceCase',
        'ServiceItemVersion',
        'CaseEvent',
        'Unit',
        'Pairing',
      ]),
    );
    expect(compared.length).toBeGreaterThanOrEqual(25);
  });
});
