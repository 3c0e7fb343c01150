import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway, type RunningGateway } from '../gateway/server';
import { issueDevToken } from '../lib/auth/dev-token';
import { demoDistrict } from '../lib/demo-district';
import { postGraphQL } from './support/graphql-client';
import { useProductionSecrets } from './support/production-env';
import { startTestHub, type TestHub } from './support/test-hub';

/** The one endpoint: health, readiness, subgraph deadlines and what production errors reveal. */
let hub: TestHub;
let stalled: http.Server;
let stalledUrl: string;
let productionGateway: RunningGateway;
let secrets: { restore(): void };

beforeAll(async () => {
  secrets = useProductionSecrets();
  hub = await startTestHub();
  await hub.seedDemo();
  // A "services" subgraph that accepts requests and never answers.
  stalled = http.createServer(() => undefined);
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
  stalledUrl = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}/graphql`;
  process.env.SUBGRAPH_TIMEOUT_MS = '400';
  process.env.KEEP_ALIVE_TIMEOUT_MS = '120000';
  productionGateway = await startGateway({
    port: 0,
    production: true,
    subgraphUrls: {
      ...Object.fromEntries(Object.values(hub.hub.subgraphs).map((s) => [s.name, s.url])),
      services: stalledUrl,
    },
  });
  delete process.env.SUBGRAPH_TIMEOUT_MS;
  delete process.env.KEEP_ALIVE_TIMEOUT_MS;
});

afterAll(async () => {
  await productionGateway?.stop();
  stalled?.closeAllConnections();
  stalled?.close();
  await hub?.stop();
  secrets?.restore();
});

const base = (gateway: { url: string }) => gateway.url.replace(/\/graphql$/, '');
const admin = async () => ({ authorization: `Bearer ${await issueDevToken({ role: 'CITY_ADMIN' })}` });

it('answers /health while alive and /ready when every subgraph answers', async () => {
  const health = await fetch(`${base(hub.hub.gateway)}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${base(hub.hub.gateway)}/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({
    status: 'ready',
    subgraphs: { grid: 'ok', 'party-building': 'ok', services: 'ok', 'co-building': 'ok' },
  });
});

/** The idle time a server announces on a kept-alive connection (`Keep-Alive: timeout=<s>`). */
function announcedKeepAlive(url: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const agent = new http.Agent({ keepAlive: true });
    http
      .get(url, { agent }, (response) => {
        response.resume();
        response.on('end', () => {
          agent.destroy();
          resolve(response.headers['keep-alive'] as string | undefined);
        });
      })
      .on('error', reject);
  });
}

it('keeps an idle client connection open 65 s, or KEEP_ALIVE_TIMEOUT_MS, so a load balancer in front closes first', async () => {
  expect(await announcedKeepAlive(`${base(hub.hub.gateway)}/health`)).toBe('timeout=65');
  expect(await announcedKeepAlive(`${base(productionGateway)}/health`)).toBe('timeout=120');
});

it('is not ready when a subgraph does not answer, and says which', async () => {
  const ready = await fetch(`${base(productionGateway)}/ready`);
  expect(ready.status).toBe(503);
  const body = (await ready.json()) as any;
  expect(body.subgraphs.services).toBe('unavailable');
  expect(body.subgraphs.grid).toBe('ok');
  expect(body.down).toEqual({ services: 'no answer within 400 ms' });
});

it("gives up on a slow subgraph after the deadline and still returns the other departments' fields", async () => {
  const started = Date.now();
  const result = await postGraphQL(
    productionGateway.url,
    `query ($code: String!) { grid(code: $code) { name partyBranches { name } } serviceItem(id: "d0000000-0201-7000-8000-000000000001") { code } }`,
    { code: demoDistrict().grids[0].code },
    await admin(),
  );
  expect(Date.now() - started).toBeLessThan(5000);
  expect(result.data).toEqual({
    grid: { name: '东城第一网格', partyBranches: [{ name: '东城第一网格党支部' }] },
    serviceItem: null,
  });
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0]).toMatchObject({
    message: 'The services service did not answer within 400 ms',
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'services' },
  });
  // Production errors carry no internal address and no stack trace.
  const serialized = JSON.stringify(result.errors);
  expect(serialized).not.toContain('127.0.0.1');
  expect(serialized).not.toContain('stacktrace');
  expect(serialized).not.toContain('http://');
});

it('keeps the error convention through the gateway in production: code and field, no stack', async () => {
  const result = await postGraphQL(
    productionGateway.url,
    `mutation { createStreet(input: { code: "bad code", name: "x" }) { id } }`,
    {},
    await admin(),
  );
  expect(result.errors).toEqual([
    expect.objectContaining({
      message: 'input.code must be 2–40 characters of digits, capital letters or "-"',
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.code' }),
    }),
  ]);
  expect(JSON.stringify(result.errors)).not.toContain('stacktrace');
});

it('refuses introspection in production and allows it in development', async () => {
  const production = await postGraphQL(productionGateway.url, `{ __schema { queryType { name } } }`);
  expect(production.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const development = await postGraphQL(hub.url, `{ __schema { queryType { name } } }`);
  expect(development.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
});

it('sends identical reads in flight together to the subgraph once, and answers each of them in full', async () => {
  const query = '{ grids(first: 50) { totalCount nodes { id name householdCount } } }';
  const headers = await admin();
  const before = hub.sql('grid');
  const alone = await postGraphQL(hub.url, query, {}, headers);
  const statementsAlone = hub.sql('grid') - before;
  expect(alone.data.grids.nodes.length).toBeGreaterThan(0);
  expect(statementsAlone).toBeGreaterThan(0);

  const between = hub.sql('grid');
  const together = await Promise.all(Array.from({ length: 8 }, () => postGraphQL(hub.url, query, {}, headers)));
  expect(together).toEqual(together.map(() => alone));
  expect(hub.sql('grid') - between).toBeLessThan(8 * statementsAlone);

  // Another caller's identical read is its own call: what a subgraph answers depends on who asks.
  const anotherAdmin = {
    authorization: `Bearer ${await issueDevToken({ role: 'CITY_ADMIN', subject: 'another-admin' })}`,
  };
  const beforeTwoCallers = hub.sql('grid');
  await Promise.all([postGraphQL(hub.url, query, {}, headers), postGraphQL(hub.url, query, {}, anotherAdmin)]);
  expect(hub.sql('grid') - beforeTwoCallers).toBe(2 * statementsAlone);
});
