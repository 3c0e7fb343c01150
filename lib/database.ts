import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { grantRuntimeRole, runtimeRoleOf } from './database-roles';
import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
import { useFastArrayParsers } from './pg-array-parsers';
import { stopInTurn, undoOnFailure } from './shutdown';

export interface DatabaseOptions {
  /** Subgraph name. */
  service: string;
  /** PostgreSQL schema holding this subgraph's tables (and the name of its embedded database). */
  schema: string;
  entities: Function[];
  /** Folder of compiled migrations (dist/subgraphs/<name>/migrations). */
  migrationsPath: string;
  /** Source folder of migrations, for creating new ones. */
  migrationsPathTs?: string;
  /** PostgreSQL; when undefined the subgraph's database on the embedded server under dataDir. */
  url: string | undefined;
  dataDir: string;
  /** The owner's URL, for migrations; `url` is then the runtime role's (lib/database-roles.ts). Ignored for an embedded database. */
  migrationUrl?: string;
  /** Tables the runtime role may only add to and read. */
  appendOnlyTables?: readonly string[];
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

export function ormOptions(options: DatabaseOptions, clientUrl: string): Options {
  return {
    clientUrl,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 1, max: 10 },
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
  let embedded: EmbeddedDatabase | undefined;
  let url = options.url;
  if (!url) {
    embedded = await openEmbeddedDatabase(options.dataDir, options.schema);
    url = embedded.url;
  }
  let orm: MikroORM | undefined;
  const close = () => stopInTurn([() => orm?.close(true), () => embedded?.close()]);
  // A migration that fails leaves no pool (or embedded server) open behind it.
  return undoOnFailure(async () => {
    orm = await MikroORM.init(ormOptions(options, url));
    let statements = 0;
    orm.em
      .getConnection()
      .getKnex()
      .on('query', () => {
        statements += 1;
      });
    if (options.migrationUrl && !embedded) await migrateAsOwner(options, options.migrationUrl, url);
    else await migrate(orm, options.schema);
    return {
      orm,
      embedded: Boolean(embedded),
      createdNow: embedded?.created ?? false,
      sqlCount: () => statements,
      close,
    };
  }, close);
}

async function migrate(orm: MikroORM, schema: string): Promise<void> {
  await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
  await orm.getMigrator().up();
}

/** The owner migrates and grants the runtime role its privileges, on a connection of its own closed straight after. */
async function migrateAsOwner(options: DatabaseOptions, ownerUrl: string, runtimeUrl: string): Promise<void> {
  const role = runtimeRoleOf(runtimeUrl, ownerUrl);
  const owner = await MikroORM.init({ ...ormOptions(options, ownerUrl), pool: { min: 0, max: 1 } });
  try {
    await migrate(owner, options.schema);
    if (role) await grantRuntimeRole(owner.em.fork(), options.schema, role, options.appendOnlyTables ?? []);
  } finally {
    await owner.close(true);
  }
}
