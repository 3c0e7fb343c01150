import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../lib/database';
import { startEmbeddedServer } from '../lib/embedded-postgres';
import { subgraphEntry } from '../lib/subgraph-registry';
import { definitionOf } from './subgraph-definitions';

/**
 * `npm run migration:create -- <subgraph> [--initial]`: write a migration for the difference between
 * the subgraph's entities and its committed snapshot, into subgraphs/<name>/migrations/.
 * Runs against a throwaway embedded database, so nothing local is touched.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) throw new Error('usage: npm run migration:create -- <grid|party-building|services|co-building>');
  const definition = definitionOf(name);
  const entry = subgraphEntry(name);
  const sourceDir = path.resolve('subgraphs', name, 'migrations');
  fs.mkdirSync(sourceDir, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `migration-${name}-`));
  const server = await startEmbeddedServer(path.join(scratch, 'postgres'), { settings: { fsync: 'off' } });
  const url = server.url('postgres');
  const options = ormOptions(
    {
      service: name,
      schema: entry.schema,
      entities: definition.entities,
      migrationsPath: sourceDir,
      url,
      dataDir: scratch,
    },
    url,
  );
  let orm: MikroORM | undefined;
  try {
    orm = await MikroORM.init(options);
    const result = await orm.getMigrator().createMigration(sourceDir, false, process.argv.includes('--initial'));
    if (!result.diff.up.length) console.log(`${name}: entities match the snapshot, no migration needed`);
    else console.log(`${name}: wrote ${path.join('subgraphs', name, 'migrations', result.fileName)}`);
  } finally {
    await orm?.close(true);
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
