import 'reflect-metadata';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { serviceConfig } from '../lib/config';
import { openDatabase, type Database } from '../lib/database';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { databaseOf, generateDistrict } from './generate/district';
import { Progress } from './generate/progress';
import { SCALES } from './generate/scales';
import { definitionOf } from './subgraph-definitions';

/**
 * `npm run seed`: load the demo district into the configured databases (DATABASE_URL or the
 * per-subgraph URLs; the embedded databases under DATA_DIR otherwise). Loading twice changes nothing.
 *
 * `npm run seed -- --scale district [--seed 42] [--replace]`: generate a district at the size of the
 * source articles (or `city`, three of them; `tiny` for tests) into each subgraph's own database, in
 * bulk: the grid, party-building, services and co-building parts, consistent with each other. The
 * databases must be empty, or `--replace` empties them first.
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function openAll(): Promise<Record<string, Database>> {
  const databases: Record<string, Database> = {};
  for (const entry of SUBGRAPHS) {
    const definition = definitionOf(entry.name);
    const config = serviceConfig(entry.name, entry.defaultPort);
    databases[entry.name] = await openDatabase({
      service: entry.name,
      schema: entry.schema,
      entities: definition.entities,
      migrationsPath: definition.migrationsPath,
      url: config.databaseUrl,
      dataDir: config.dataDir,
    });
  }
  return databases;
}

async function closeAll(databases: Record<string, Database>): Promise<void> {
  for (const database of Object.values(databases)) await database.close();
}

async function seedDemo(): Promise<void> {
  const databases = await openAll();
  try {
    for (const entry of SUBGRAPHS) {
      const started = Date.now();
      try {
        await definitionOf(entry.name).seedDemo?.(databaseOf(databases, entry.name).orm.em.fork());
        console.log(`${entry.name}: demo data loaded in ${Date.now() - started} ms`);
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        console.log(`${entry.name}: the demo data is already there, nothing changed`);
      }
    }
  } finally {
    await closeAll(databases);
  }
}

/** Tables of a subgraph's schema, except the migrations ledger. */
async function tablesOf(database: Database, schema: string): Promise<string[]> {
  const rows: Array<{ tablename: string }> = await database.orm.em
    .getConnection()
    .execute(`select tablename from pg_tables where schemaname = ? and tablename <> 'mikro_orm_migrations'`, [schema]);
  return rows.map((row) => `"${schema}"."${row.tablename}"`);
}

async function generate(scaleName: string): Promise<void> {
  const scale = SCALES[scaleName];
  if (!scale) throw new Error(`unknown scale "${scaleName}": one of demo, ${Object.keys(SCALES).join(', ')}`);
  const seed = Number(option('seed') ?? 20261123);
  const started = Date.now();
  const databases = await openAll();
  const progress = new Progress();
  try {
    for (const entry of SUBGRAPHS) {
      const database = databaseOf(databases, entry.name);
      const tables = await tablesOf(database, entry.schema);
      if (process.argv.includes('--replace')) {
        await database.orm.em.getConnection().execute(`truncate ${tables.join(', ')}`);
        continue;
      }
      for (const table of tables) {
        const [row] = await database.orm.em.getConnection().execute(`select count(*)::int as n from ${table}`);
        const n = row?.n ?? 0;
        if (n > 0) {
          throw new Error(
            `${table} already has ${n} rows: generate into empty databases, or pass --replace to empty them first`,
          );
        }
      }
    }
    const { grid, party, units, cases, pledges } = await generateDistrict(databases, scale, seed, progress);
    progress.stop();
    for (const entry of SUBGRAPHS) {
      // Fresh statistics and visibility maps, so the planner and index-only scans see the new rows.
      await databaseOf(databases, entry.name).orm.em.getConnection().execute(`vacuum analyze`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `\n${scale.name} (seed ${seed}): ${grid.streetIds.length} streets, ${grid.communities.length} communities, ` +
        `${grid.grids.length} grids, ${grid.householdCount} households, ${grid.residentIds.length} residents, ${party.members.length} Party members, ` +
        `${cases} cases, ${units.length} units, ${pledges} pledges in ${seconds} s`,
    );
    for (const timing of progress.timings)
      console.log(`  ${timing.table.padEnd(24)} ${String(timing.rows).padStart(8)} rows  ${timing.ms} ms`);
  } finally {
    progress.stop();
    await closeAll(databases);
  }
}

const scale = option('scale') ?? 'demo';
(scale === 'demo' ? seedDemo() : generate(scale)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
