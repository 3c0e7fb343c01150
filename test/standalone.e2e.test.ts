import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startGateway } from '../gateway/server';
import { mintInternalToken } from '../lib/auth/internal-token';
import { demoDistrict } from '../lib/demo-district';
import { startSubgraph } from '../lib/subgraph-server';
import { definitionOf } from '../scripts/subgraph-definitions';
import { expectData } from './support/graphql-client';
import { startChildService, stopChildService } from './support/child-service';
import { freePort } from './support/free-port';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** A department's service deploys alone: its own process, its own migrations, health, clean stop. */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

it('runs the grid subgraph alone, answers health and GraphQL, and stops on SIGTERM', async () => {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, GRID_PORT: String(port), LOG_LEVEL: 'info', DEMO_DATA: 'off' };
  if (database.databaseUrl) env.GRID_DATABASE_URL = database.databaseUrl;
  else env.DATA_DIR = database.dataDir;
  const service = await startChildService(path.resolve(__dirname, '../subgraphs/grid/index.js'), env, 'subgraph ready');
  try {
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.json()).toEqual({ status: 'ok', service: 'grid' });
    const url = `http://127.0.0.1:${port}/graphql`;
    const refused = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ _service { sdl } }"}',
    });
    expect(refused.status).toBe(401);
    // The gateway's token for a city administrator, signed with the (development) internal secret.
    const admin = {
      authorization: `Bearer ${await mintInternalToken({ subject: 'admin', role: 'CITY_ADMIN', claims: {}, territory: null }, 60)}`,
    };
    const created = await expectData(
      url,
      `mutation { createStreet(input: { code: "370783020", name: "营里镇" }) { code name } }`,
      {},
      admin,
    );
    expect(created.createStreet).toEqual({ code: '370783020', name: '营里镇' });
    const sdl = await expectData(url, `{ _service { sdl } }`, {}, admin);
    expect(sdl._service.sdl).toMatch(/type Grid\s+@key\(fields: "id"\)/);
  } finally {
    expect(await stopChildService(service, 'SIGTERM')).toBe(0);
  }
});

it('runs a subgraph alone with no database configured on an embedded PostgreSQL of its own, and stops it', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-standalone-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, GRID_PORT: String(port), LOG_LEVEL: 'info', DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.GRID_DATABASE_URL;
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  try {
    const service = await startChildService(
      path.resolve(__dirname, '../subgraphs/grid/index.js'),
      env,
      'subgraph ready',
    );
    try {
      expect(fs.existsSync(pidFile)).toBe(true);
      const admin = {
        authorization: `Bearer ${await mintInternalToken({ subject: 'admin', role: 'CITY_ADMIN', claims: {}, territory: null }, 60)}`,
      };
      // A new database: the demo district's grids are there.
      const { grids } = await expectData(
        `http://127.0.0.1:${port}/graphql`,
        '{ grids(first: 1) { totalCount } }',
        {},
        admin,
      );
      expect(grids.totalCount).toBe(demoDistrict().grids.length);
    } finally {
      expect(await stopChildService(service, 'SIGTERM')).toBe(0);
    }
    expect(fs.existsSync(pidFile)).toBe(false);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Run `start` on a port something else already listens on. */
async function onTakenPort(start: (port: number) => Promise<unknown>): Promise<void> {
  const taken = net.createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  try {
    await expect(start((taken.address() as net.AddressInfo).port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  } finally {
    await new Promise((resolve) => taken.close(resolve));
  }
}

it('refuses to start the gateway on a port already taken', async () => {
  await onTakenPort((port) => startGateway({ port }));
});

it('refuses to start a subgraph on a port already taken, and leaves no connection to its database', async () => {
  await onTakenPort((port) =>
    startSubgraph(definitionOf('grid'), {
      port,
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      demoOnFirstStart: false,
    }),
  );
  if (!database.databaseUrl) return; // an embedded database is stopped with its pool; nothing to count
  const name = new URL(database.databaseUrl).pathname.slice(1);
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    // A closed connection's server process takes a moment to leave pg_stat_activity.
    let open = -1;
    for (let attempt = 0; attempt < 50 && open !== 0; attempt += 1) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 100));
      const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      open = rows[0].n;
    }
    expect(open).toBe(0);
  } finally {
    await admin.end();
  }
});
