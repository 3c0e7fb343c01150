import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A subgraph may run as a database role that owns nothing (docs/database-roles.md): the owner
 * migrates, then grants the runtime role what the service needs, table by table, and no more.
 * The runtime role reads and writes the subgraph's tables but only adds to and reads its
 * append-only ones (access records, case timelines): it cannot update, delete or truncate them,
 * nor drop their triggers, which only the owner may do. The grants are made after every
 * migration, so a table a migration adds is covered at once.
 */

/** The table of applied migrations: the owner's business, not the service's. */
const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/** What the runtime role may do with one table. */
export function runtimePrivileges(table: string, appendOnlyTables: readonly string[]): string | null {
  if (table === MIGRATIONS_TABLE) return null;
  return appendOnlyTables.includes(table) ? 'select, insert' : 'select, insert, update, delete';
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The role a runtime URL connects as, when it is not the owner's; null when both URLs name the
 * same role (nothing to grant). A runtime URL without a user name is refused: the role would be
 * whatever the operating system's user is called.
 */
export function runtimeRoleOf(runtimeUrl: string, ownerUrl: string): string | null {
  const runtime = decodeURIComponent(new URL(runtimeUrl).username);
  if (!runtime)
    throw new Error(
      'With a migration database URL, the database URL must name the runtime role (postgresql://role:password@host/database)',
    );
  return runtime === decodeURIComponent(new URL(ownerUrl).username) ? null : runtime;
}

/** Statements granting `role` exactly the runtime privileges on the schema's current tables (revoking any others first). */
export function runtimeGrantsSql(
  schema: string,
  role: string,
  tables: readonly string[],
  appendOnlyTables: readonly string[],
): string[] {
  const s = quoted(schema);
  const r = quoted(role);
  const statements = [
    `grant usage on schema ${s} to ${r}`,
    `revoke all on all tables in schema ${s} from ${r}`,
    `revoke all on all sequences in schema ${s} from ${r}`,
    `grant usage, select on all sequences in schema ${s} to ${r}`,
  ];
  for (const table of tables) {
    const privileges = runtimePrivileges(table, appendOnlyTables);
    if (privileges) statements.push(`grant ${privileges} on ${s}.${quoted(table)} to ${r}`);
  }
  return statements;
}

/** Run by the owner, in one transaction, right after migrating. */
export async function grantRuntimeRole(
  owner: EntityManager,
  schema: string,
  role: string,
  appendOnlyTables: readonly string[],
): Promise<void> {
  await owner.transactional(async (em) => {
    const rows: Array<{ tablename: string }> = await em.execute(
      'select tablename from pg_tables where schemaname = ? order by tablename',
      [schema],
    );
    for (const statement of runtimeGrantsSql(
      schema,
      role,
      rows.map((row) => row.tablename),
      appendOnlyTables,
    )) {
      await em.execute(statement);
    }
  });
}
