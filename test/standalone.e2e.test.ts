import path from 'node:path';
import { mintInternalToken } from '../lib/auth/internal-token';
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
    const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ _service { sdl } }"}' });
    expect(refused.status).toBe(401);
    // The gateway's token for a city administrator, signed with the (development) internal secret.
    const admin = { authorization: `Bearer ${await mintInternalToken({ subject: 'admin', role: 'CITY_ADMIN', claims: {}, territory: null }, 60)}` };
    const created = await expectData(url, `mutation { createStreet(input: { code: "370783020", name: "营里镇" }) { code name } }`, {}, admin);
    expect(created.createStreet).toEqual({ code: '370783020', name: '营里镇' });
    const sdl = await expectData(url, `{ _service { sdl } }`, {}, admin);
    expect(sdl._service.sdl).toMatch(/type Grid\s+@key\(fields: "id"\)/);
  } finally {
    expect(await stopChildService(service, 'SIGTERM')).toBe(0);
  }
});
