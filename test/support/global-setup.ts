import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from '../../lib/embedded-postgres';

/**
 * Without DATABASE_URL, the test run starts one embedded PostgreSQL server in a temporary folder
 * and sets DATABASE_URL to it before the test files run: each file then creates its own database
 * there, as it does on a configured server. A throwaway cluster needs no crash safety.
 */
export interface EmbeddedTestServer {
  server: EmbeddedServer;
  folder: string;
}

export const TEST_SERVER_KEY = '__hubEmbeddedTestServer';

export default async function startTestServer(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-postgres-'));
  const server = await startEmbeddedServer(path.join(folder, 'postgres'), {
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
  }).catch((error: unknown) => {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  });
  process.env.DATABASE_URL = server.url('postgres');
  (globalThis as Record<string, unknown>)[TEST_SERVER_KEY] = { server, folder } satisfies EmbeddedTestServer;
}
