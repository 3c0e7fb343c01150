import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  /** True when this start created the data folder (first start: load demo data). */
  created: boolean;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), files under `dataDir`, served on a loopback port
 * so the ordinary `pg` driver (and MikroORM) talk to it like a server. Callers must use a pool of
 * exactly one connection: the socket server's multiplexer interleaves extended-protocol messages
 * of several connections and can deadlock.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const absolute = path.resolve(dataDir);
  const created = !fs.existsSync(path.join(absolute, 'PG_VERSION'));
  fs.mkdirSync(absolute, { recursive: true });
  const db = await PGlite.create(absolute);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres:postgres@${address}/postgres`,
    created,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
