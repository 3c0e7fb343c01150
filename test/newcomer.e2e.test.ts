import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoDistrict } from '../lib/demo-district';
import { issueDevToken } from '../lib/auth/dev-token';
import { expectData } from './support/graphql-client';
import { startChildService, stopChildService } from './support/child-service';
import { freePort } from './support/free-port';

/**
 * The newcomer's path: `npm start` with no database configured runs the hub on the embedded
 * PostgreSQL, loads the demo district, stops on Ctrl-C (the database too), and keeps the data
 * for the next start.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-newcomer-'));
let ports: Record<string, number>;

function startHubProcess() {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  for (const [name, port] of Object.entries(ports)) env[name === 'gateway' ? 'PORT' : `${name}_PORT`] = String(port);
  // Five processes and a database starting at once: minutes, not seconds, on a busy 2-core machine.
  return startChildService(path.resolve(__dirname, '../scripts/start-hub.js'), env, 'the hub answers on', 240_000);
}

const gridQuery = `query ($code: String!) {
  grid(code: $code) { name householdCount community { name pairedUnits { name } } partyBranches { name } dutyItems { code } }
  grids(first: 1) { totalCount }
}`;

beforeAll(async () => {
  ports = {
    gateway: await freePort(),
    GRID: await freePort(),
    PARTY_BUILDING: await freePort(),
    SERVICES: await freePort(),
    CO_BUILDING: await freePort(),
  };
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('starts on embedded databases with the demo district, stops on Ctrl-C and keeps the data', async () => {
  const url = `http://127.0.0.1:${ports.gateway}/graphql`;
  const demo = demoDistrict();
  // A newcomer's first step after `npm start`: a development token (README, `npm run token`).
  const headers = { authorization: `Bearer ${await issueDevToken({ role: 'CITY_ADMIN' })}` };
  let hub = await startHubProcess();
  const first = await expectData(url, gridQuery, { code: demo.grids[0].code }, headers);
  expect(first.grid).toEqual({
    name: '东城第一网格',
    householdCount: 8,
    community: { name: '东城社区', pairedUnits: [{ name: '寿光市人民医院' }, { name: '寿光市税务局' }] },
    partyBranches: [{ name: '东城第一网格党支部' }],
    dutyItems: [{ code: 'GD-01' }, { code: 'GD-02' }, { code: 'GD-03' }, { code: 'GD-04' }],
  });
  expect(first.grids.totalCount).toBe(demo.grids.length);
  // One PostgreSQL cluster under the data folder, running while the hub runs.
  const cluster = path.join(dataDir, 'postgres');
  expect(fs.existsSync(path.join(cluster, 'PG_VERSION'))).toBe(true);
  expect(fs.existsSync(path.join(cluster, 'postmaster.pid'))).toBe(true);
  const created = await expectData(
    url,
    `mutation { createStreet(input: { code: "370783003", name: "古城街道" }) { id } }`,
    {},
    headers,
  );
  expect(await stopChildService(hub)).toBe(0);
  // Stopped with the hub: PostgreSQL removes its pid file when it has shut down.
  expect(fs.existsSync(path.join(cluster, 'postmaster.pid'))).toBe(false);

  hub = await startHubProcess();
  try {
    const again = await expectData(
      url,
      `${gridQuery.replace('grids(first: 1) { totalCount }', '')} `,
      { code: demo.grids[0].code },
      headers,
    );
    expect(again.grid).toEqual(first.grid);
    const street = await expectData(
      url,
      `query ($id: ID!) { street(id: $id) { name } grids(first: 1) { totalCount } }`,
      {
        id: created.createStreet.id,
      },
      headers,
    );
    // Kept what was written, and did not load the demo a second time.
    expect(street).toEqual({ street: { name: '古城街道' }, grids: { totalCount: demo.grids.length } });
  } finally {
    expect(await stopChildService(hub)).toBe(0);
  }
  expect(fs.existsSync(path.join(cluster, 'postmaster.pid'))).toBe(false);
}, 600_000);
