import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { useFastArrayParsers } from './pg-array-parsers';
import { stopInTurn, undoOnFailure } from './shutdown';

export interface DatabaseOptions {
  /** Subgraph name, used for the embedded data folder. */
  service: string;
  /** PostgreSQL schema holding this subgraph's tables. */
  schema: string;
  entities: Function[];
  /** Folder of compiled migrations (dist/subgraphs/<name>/migrations). */
  migrationsPath: string;
  /** Source folder of migrations, for creating new ones. */
  migrationsPathTs?: string;
  /** Real PostgreSQL; when undefined an embedded database under dataDir/<service>. */
  url: string | undefined;
  dataDir: string;
}

export interface Database {
  orm: MikroORM;
  embedded: boolean;
  /** True when the embedded database was created by this start. */
  createdNow: boolean;
  /** SQL statements issued since start: tests and the benchmark read it. */
  sqlCount(): number;
  close(): Promise<void>;
}

export function ormOptions(options: DatabaseOptions, clientUrl: string, embedded: boolean): Options {
  return {
    clientUrl,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // An embedded database takes one connection only (see embedded-postgres.ts).
    pool: embedded ? { min: 1, max: 1 } : { min: 1, max: 10 },
    migrations: {
      path: options.migrationsPath,
      pathTs: options.migrationsPathTs,
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: true,
      snapshotName: `.snapshot-${options.service}`,
      emit: 'ts',
      silent: true,
    },
    debug: false,
  };
}

/**
 * Open the subgraph's database and bring its schema up to date with the committed migrations.
 * Nothing else changes the schema at run time.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  useFastArrayParsers();
  let embedded: EmbeddedPostgres | undefined;
  let url = options.url;
  if (!url) {
    embedded = await startEmbeddedPostgres(`${options.dataDir}/${options.service}`);
    url = embedded.url;
  }
  let orm: MikroORM | undefined;
  const close = () => stopInTurn([() => orm?.close(true), () => embedded?.stop()]);
  // A migration that fails leaves no pool (or embedded server) open behind it.
  return undoOnFailure(async () => {
    orm = await MikroORM.init(ormOptions(options, url, Boolean(embedded)));
    let statements = 0;
    orm.em.getConnection().getKnex().on('query', () => {
      statements += 1;
    });
    await orm.em.getConnection().execute(`create schema if not exists "${options.schema}"`);
    await orm.getMigrator().up();
    return { orm, embedded: Boolean(embedded), createdNow: embedded?.created ?? false, sqlCount: () => statements, close };
  }, close);
}
