import path from 'node:path';
import { Client } from 'pg';
import {
  attachedServer,
  isOrphan,
  runningServer,
  startEmbeddedServer,
  waitForExit,
  type EmbeddedServer,
  type ServerOptions,
} from './embedded-postgres';
import { undoOnFailure } from './shutdown';

/**
 * A subgraph with no database URL gets its own database on the embedded PostgreSQL server of
 * the data folder: the server `npm start` started before the services, or, for a subgraph
 * started alone, one it starts itself and stops when it stops.
 */
export interface EmbeddedDatabase {
  url: string;
  /** True when this call created the database (a new one: the demo district goes in). */
  created: boolean;
  close(): Promise<void>;
}

/** The cluster of the embedded server in a data folder. */
export function clusterFolder(dataDir: string): string {
  return path.resolve(dataDir, 'postgres');
}

interface Shared {
  server: Promise<EmbeddedServer>;
  users: number;
}

/** In one process (the tests' hub, the seed script) the four subgraphs share one server; the last to let go stops it. */
const shared = new Map<string, Shared>();

/**
 * The server running on the cluster, or a new one. A server whose starter died without stopping
 * it (its parent is now init) is stopped and started afresh, as ours. `notice` hears about that.
 */
export async function findOrStartServer(
  cluster: string,
  options: ServerOptions = {},
  notice: (message: string) => void = () => undefined,
): Promise<EmbeddedServer> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const running = runningServer(cluster);
    if (running && isOrphan(running.pid)) {
      notice(`stopping the embedded PostgreSQL (pid ${running.pid}) an earlier start left running`);
      process.kill(running.pid, 'SIGINT');
      await waitForExit(running.pid);
      continue;
    }
    if (running?.ready) return attachedServer(running);
    if (!running) {
      try {
        return await startEmbeddedServer(cluster, options);
      } catch (error) {
        // Another process started it first (two services started alone at once): use theirs.
        if (!runningServer(cluster) || Date.now() > deadline) throw error;
      }
    }
    if (Date.now() > deadline)
      throw new Error(`the embedded PostgreSQL in ${cluster} (pid ${running?.pid}) did not become ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function useEmbeddedServer(
  cluster: string,
  notice?: (message: string) => void,
): Promise<{ server: EmbeddedServer; release(): Promise<void> }> {
  let entry = shared.get(cluster);
  if (!entry) {
    entry = { server: findOrStartServer(cluster, {}, notice), users: 0 };
    shared.set(cluster, entry);
    entry.server.catch(() => shared.delete(cluster));
  }
  entry.users += 1;
  const held = entry;
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    held.users -= 1;
    if (held.users > 0) return;
    shared.delete(cluster);
    await (await held.server).stop();
  };
  try {
    return { server: await held.server, release };
  } catch (error) {
    held.users -= 1;
    throw error;
  }
}

/** Create the database unless it exists; true when this call created it. */
export async function createDatabaseIfMissing(server: EmbeddedServer, database: string): Promise<boolean> {
  const client = new Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (rowCount) return false;
    await client.query(`create database ${client.escapeIdentifier(database)}`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '42P04') return false; // created meanwhile by another process
    throw error;
  } finally {
    await client.end();
  }
}

export async function openEmbeddedDatabase(dataDir: string, database: string): Promise<EmbeddedDatabase> {
  const { server, release } = await useEmbeddedServer(clusterFolder(dataDir));
  return undoOnFailure(async () => {
    const created = await createDatabaseIfMissing(server, database);
    return { url: server.url(database), created, close: release };
  }, release);
}
