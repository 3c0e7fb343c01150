import 'reflect-metadata';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { serviceConfig } from '../lib/config';
import { openDatabase } from '../lib/database';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { definitionOf } from './subgraph-definitions';

/**
 * `npm run seed`: load the demo district into the configured databases (DATABASE_URL or the
 * per-subgraph URLs; the embedded databases under DATA_DIR otherwise). Each subgraph's rows go
 * into its own database through its own entities. Loading twice changes nothing.
 */
async function main(): Promise<void> {
  const scaleIndex = process.argv.indexOf('--scale');
  const scale = scaleIndex >= 0 ? process.argv[scaleIndex + 1] : 'demo';
  if (scale !== 'demo') throw new Error(`unknown scale "${scale}": the scale available is "demo"`);
  for (const entry of SUBGRAPHS) {
    const definition = definitionOf(entry.name);
    const config = serviceConfig(entry.name, entry.defaultPort);
    const started = Date.now();
    const database = await openDatabase({
      service: entry.name,
      schema: entry.schema,
      entities: definition.entities,
      migrationsPath: definition.migrationsPath,
      url: config.databaseUrl,
      dataDir: config.dataDir,
    });
    try {
      await definition.seedDemo?.(database.orm.em.fork());
      console.log(`${entry.name}: demo data loaded in ${Date.now() - started} ms`);
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      console.log(`${entry.name}: the demo data is already there, nothing changed`);
    } finally {
      await database.close();
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
