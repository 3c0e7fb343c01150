import { startGateway, type RunningGateway } from '../gateway/server';
import { readManifest, sha256Hex } from '../gateway/query-manifest';
import { OPERATIONS } from '../bench/operations';
import { DEV_CLIENT_PUBLIC_JWK } from '../lib/auth/dev-keys';
import { issueDevToken } from '../lib/auth/dev-token';
import { resetInternalSecret } from '../lib/auth/internal-token';
import { startHub, type Hub } from '../scripts/start-hub';
import { freePort } from './support/free-port';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * The one public endpoint under attack and in production: operation limits, CSRF, GET and
 * batching, body size, rate limit, persisted queries (APQ and the mobile allow-list), what
 * production errors reveal, and where GraphiQL is served. Development and production hubs run
 * side by side; the rate-limited and allow-list gateways share the development subgraphs.
 */
const MANIFEST = 'gateway/persisted-queries/mobile.json';
const PRODUCTION_ENV = {
  AUTH_PUBLIC_KEY: JSON.stringify({ ...DEV_CLIENT_PUBLIC_JWK, alg: 'EdDSA' }),
  HUB_INTERNAL_SECRET: 'hardening-test-internal-secret-0123456789',
};

let hub: TestHub;
let production: Hub;
let productionDatabase: TestDatabase | undefined;
let limited: RunningGateway;
let behindProxy: RunningGateway;
let mobile: RunningGateway;
let productionWithoutServices: RunningGateway;
const savedEnv: Record<string, string | undefined> = {};

/** Run with some environment variables set, restoring them after (the gateway reads its configuration at start). */
async function withEnv<T>(vars: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return await run();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

beforeAll(async () => {
  // Production refuses the development key and secret: every hub of this file shares a real
  // secret and verifies client tokens with a configured public key (the development one).
  for (const [name, value] of Object.entries(PRODUCTION_ENV)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
  resetInternalSecret();
  hub = await startTestHub();
  await hub.seedDemo();
  const subgraphUrls = Object.fromEntries(Object.values(hub.hub.subgraphs).map((s) => [s.name, s.url]));
  limited = await withEnv({ RATE_LIMIT_PER_MINUTE: '3' }, () => startGateway({ port: 0, subgraphUrls }));
  behindProxy = await withEnv({ RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' }, () =>
    startGateway({ port: 0, subgraphUrls }),
  );
  mobile = await withEnv({ PERSISTED_QUERIES: 'allowlist', PERSISTED_QUERY_MANIFEST: MANIFEST }, () =>
    startGateway({ port: 0, subgraphUrls }),
  );
  // The production hub reads and migrates the same PostgreSQL database (its tables are already
  // there); embedded databases take one connection each, so without PostgreSQL it gets its own.
  const shared = hub.hub.subgraphs.grid.database;
  productionDatabase = shared.embedded ? await createTestDatabase() : undefined;
  production = await withEnv({ NODE_ENV: 'production' }, () =>
    startHub({
      production: true,
      gatewayPort: 0,
      subgraphPorts: { grid: 0, 'party-building': 0, services: 0, 'co-building': 0 },
      databaseUrl: productionDatabase ? productionDatabase.databaseUrl : shared.orm.config.get('clientUrl'),
      dataDir: productionDatabase?.dataDir,
      demoOnFirstStart: false,
    }),
  );
  const closed = `http://127.0.0.1:${await freePort()}/graphql`;
  productionWithoutServices = await startGateway({
    port: 0,
    production: true,
    subgraphUrls: {
      ...Object.fromEntries(Object.values(production.subgraphs).map((s) => [s.name, s.url])),
      services: closed,
    },
  });
}, 240_000);

afterAll(async () => {
  await productionWithoutServices?.stop();
  await production?.stop();
  await productionDatabase?.drop();
  await mobile?.stop();
  await limited?.stop();
  await behindProxy?.stop();
  await hub?.stop();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetInternalSecret();
});

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** A GET as Apollo Client sends one: parameters in the URL, a header no HTML form can set (CSRF). */
const get = (
  url: string,
  params: Record<string, unknown>,
  headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
) => {
  const search = new URLSearchParams(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
  return send(`${url}?${search}`, { headers });
};

const hashOnly = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(query) } } });

/** The error of a refused operation: one error, BAD_USER_INPUT on `query`, naming the limit. */
function expectLimit(answer: Answer, limit: string, max: number) {
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query', limit, max });
  return answer.body.errors![0];
}

describe('operation limits', () => {
  it('refuses an operation nested deeper than MAX_DEPTH (12)', async () => {
    const deep = `{ grids { nodes { community { street { communities { nodes { grids { nodes { community { street { communities {
      nodes { name } } } } } } } } } } } } }`;
    const error = expectLimit(await post(hub.url, { query: deep }), 'depth', 12);
    expect(error).toEqual({
      message: 'The operation is nested 13 levels deep; at most 12 are allowed',
      extensions: { code: 'BAD_USER_INPUT', field: 'query', limit: 'depth', max: 12, found: 13 },
    });
  });

  it('allows MAX_ALIASES (15) aliases and refuses one more', async () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `card${i}: gridCard(code: "370783001001001") { gridName }`).join(' ')} }`;
    const fifteen = await post(hub.url, { query: aliased(15) });
    expect(fifteen.body.errors).toBeUndefined();
    expect(fifteen.body.data.card14).toEqual({ gridName: '东城第一网格' });
    const error = expectLimit(await post(hub.url, { query: aliased(16) }), 'aliases', 15);
    expect(error.message).toBe('The operation has 16 aliases; at most 15 are allowed');
    expect(error.extensions!.found).toBe(16);
  });

  it('refuses more than MAX_DIRECTIVES (20) directives', async () => {
    const query = `{ gridCard(code: "370783001001001") { ${'... @include(if: true) { gridName } '.repeat(21)} } }`;
    const error = expectLimit(await post(hub.url, { query }), 'directives', 20);
    expect(error.message).toBe('The operation has 21 directives; at most 20 are allowed');
  });

  it('stops parsing past MAX_TOKENS (1000)', async () => {
    const query = `{ gridCard(code: "370783001001001") { ${'gridName '.repeat(1000)} } }`;
    const error = expectLimit(await post(hub.url, { query }), 'tokens', 1000);
    expect(error.message).toBe('The operation has more than 1000 tokens; shorten it or send fewer fields');
  });

  it('refuses an operation over MAX_COST (50 000): lists multiply their fields by their page size', async () => {
    const query =
      '{ grids(first: 100) { nodes { buildings(first: 100) { nodes { households(first: 100) { nodes { unit room } } } } } } }';
    const error = expectLimit(await post(hub.url, { query }), 'cost', 50_000);
    expect(error.extensions!.found).toBeGreaterThan(50_000);
    expect(error.message).toMatch(/^The operation's cost is \d+, over the limit of 50000/);
  });

  it('counts page sizes passed as variables, per request', async () => {
    const query = `query Nested($n: Int) { grids(first: $n) { nodes { buildings(first: $n) { nodes { households(first: $n) { nodes { unit } } } } } } }`;
    const small = await post(
      hub.url,
      { query, variables: { n: 2 } },
      { authorization: `Bearer ${await issueDevToken({ role: 'ANALYST' })}` },
    );
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.grids.nodes.length).toBe(2);
    // The same text, already validated and cached by Apollo, with larger pages.
    expectLimit(await post(hub.url, { query, variables: { n: 100 } }), 'cost', 50_000);
    const withDefault = `query Nested($n: Int = 100) { grids(first: $n) { nodes { buildings(first: $n) { nodes { households(first: $n) { nodes { unit } } } } } } }`;
    expectLimit(await post(hub.url, { query: withDefault }), 'cost', 50_000);
  });

  it('lets every benchmark operation through', async () => {
    for (const operation of OPERATIONS) {
      const answer = await post(hub.url, { query: operation.query, variables: {} });
      // Missing variables are refused after validation; no limit refuses any of them.
      expect({
        operation: operation.name,
        limits: answer.body.errors?.filter((e) => e.extensions?.limit) ?? [],
      }).toEqual({
        operation: operation.name,
        limits: [],
      });
    }
  });
});

describe('HTTP', () => {
  it('serves /graphql (with or without a trailing slash), /health and /ready, and answers 404 elsewhere', async () => {
    const slash = await post(`${hub.url}/`, { query: '{ gridCard(code: "370783001001001") { gridName } }' });
    expect(slash.body.data).toEqual({ gridCard: { gridName: '东城第一网格' } });
    const elsewhere = await fetch(hub.url.replace(/\/graphql$/, '/graphql-old'), { method: 'POST' });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).toBe('Cannot POST /graphql-old\n');
    const postedHealth = await fetch(hub.url.replace(/\/graphql$/, '/health'), { method: 'POST' });
    expect(postedHealth.status).toBe(404);
  });

  it('refuses a GET without a preflight header (CSRF prevention) and runs it with one', async () => {
    const plain = await get(hub.url, { query: '{ gridCard(code: "370783001001001") { gridName } }' }, {});
    expect(plain.status).toBe(400);
    expect(plain.body.errors![0].message).toMatch(
      /^This operation has been blocked as a potential Cross-Site Request Forgery/,
    );
    const preflighted = await get(hub.url, { query: '{ gridCard(code: "370783001001001") { gridName } }' });
    expect(preflighted.status).toBe(200);
    expect(preflighted.body.data).toEqual({ gridCard: { gridName: '东城第一网格' } });
  });

  it('refuses a "simple" cross-site POST (text/plain)', async () => {
    const answer = await send(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { createStreet(input: { code: "CSRF-1", name: "x" }) { id } }' }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a mutation over GET (405), even with the preflight header', async () => {
    const answer = await get(
      hub.url,
      { query: 'mutation { createStreet(input: { code: "GET-1", name: "x" }) { id } }' },
      {
        'apollo-require-preflight': 'true',
        authorization: `Bearer ${await issueDevToken({ role: 'CITY_ADMIN', subject: 'test-admin' })}`,
      },
    );
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('POST');
    expect(answer.body.errors![0].message).toBe('GET requests only support query operations, not mutation operations');
    const streets = await hub.query('{ streets { nodes { code } } }');
    expect(streets.streets.nodes.map((s: { code: string }) => s.code)).not.toContain('GET-1');
  });

  it('refuses a batch (a JSON array of operations)', async () => {
    const answer = await post(hub.url, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: 'Operation batching disabled.',
        extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
      }),
    ]);
  });

  it('refuses a body over MAX_BODY_SIZE (1mb) with 413, and a body that is not JSON with 400', async () => {
    const big = await post(hub.url, { query: `{ __typename } # ${'x'.repeat(1_100_000)}` });
    expect(big.status).toBe(413);
    expect(big.body).toEqual({
      errors: [
        {
          message: 'The request body is larger than 1mb, the most this endpoint reads',
          extensions: { code: 'BAD_USER_INPUT', field: 'body', limit: 'bodySize', max: '1mb' },
        },
      ],
    });
    const broken = await send(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({
      errors: [
        { message: 'The request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT', field: 'body' } },
      ],
    });
  });
});

describe('rate limit (RATE_LIMIT_PER_MINUTE=3)', () => {
  it('refuses a client past its budget with 429, Retry-After and RATE_LIMITED; other clients go on', async () => {
    const token = await issueDevToken({ role: 'CITY_ADMIN', subject: 'busy-admin' });
    const asBusy = () =>
      post(limited.url, { query: '{ streets { totalCount } }' }, { authorization: `Bearer ${token}` });
    for (let i = 0; i < 3; i += 1) expect((await asBusy()).status).toBe(200);
    const refused = await asBusy();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      errors: [
        {
          message: `Too many requests: at most 3 a minute per client; try again in ${retryAfter} s`,
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
        },
      ],
    });
    const other = await post(
      limited.url,
      { query: '{ streets { totalCount } }' },
      {
        authorization: `Bearer ${await issueDevToken({ role: 'ANALYST', subject: 'calm-analyst' })}`,
      },
    );
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });

  it('counts callers without a token by their address', async () => {
    const anonymous = () => post(limited.url, { query: '{ gridCard(code: "370783001001001") { gridName } }' });
    for (let i = 0; i < 3; i += 1)
      expect((await anonymous()).body.data).toEqual({ gridCard: { gridName: '东城第一网格' } });
    const refused = await anonymous();
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0].extensions!.code).toBe('RATE_LIMITED');
    // Without TRUST_PROXY a forwarded address is the caller's own say, and is not believed.
    const forwarded = await post(limited.url, { query: '{ __typename }' }, { 'x-forwarded-for': '203.0.113.50' });
    expect(forwarded.status).toBe(429);
  });

  it('behind a trusted proxy (TRUST_PROXY=1), counts the address the proxy forwarded, not one a client wrote before it', async () => {
    const from = (forwardedFor: string) =>
      post(behindProxy.url, { query: '{ __typename }' }, { 'x-forwarded-for': forwardedFor });
    for (let i = 0; i < 2; i += 1) expect((await from('203.0.113.7')).body.data).toEqual({ __typename: 'Query' });
    expect((await from('203.0.113.7')).status).toBe(429);
    // Another client behind the same proxy has its own budget.
    expect((await from('203.0.113.8')).body.data).toEqual({ __typename: 'Query' });
    // A client that writes an address of its own ahead of the proxy's is still counted by the proxy's.
    expect((await from('198.51.100.1, 203.0.113.7')).status).toBe(429);
  });
});

describe('automatic persisted queries (web)', () => {
  it('asks for the text of an unknown hash, registers it, then runs it by hash over POST and GET', async () => {
    const query = '{ gridCard(code: "370783001001001") { gridName communityName } }';
    const unknown = await post(hub.url, hashOnly(query));
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({
        message: 'PersistedQueryNotFound',
        extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }),
      }),
    ]);
    const registered = await post(hub.url, { query, ...hashOnly(query) });
    expect(registered.body).toEqual({ data: { gridCard: { gridName: '东城第一网格', communityName: '东城社区' } } });
    const byHash = await post(hub.url, hashOnly(query));
    expect(byHash.body).toEqual(registered.body);
    const overGet = await get(hub.url, hashOnly(query));
    expect(overGet.status).toBe(200);
    expect(overGet.body).toEqual(registered.body);
  });

  it('refuses a text that does not match its hash', async () => {
    const answer = await post(hub.url, { query: '{ __typename }', ...hashOnly('{ streets { totalCount } }') });
    expect(answer.status).toBe(400);
    expect(answer.body.errors![0]).toEqual({
      message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 hash of the query text sent with it',
      extensions: { code: 'BAD_USER_INPUT', field: 'extensions.persistedQuery.sha256Hash' },
    });
  });
});

describe('allow-list of the mobile app (PERSISTED_QUERIES=allowlist)', () => {
  const manifest = readManifest(MANIFEST);
  const gridCard = manifest.operations.find((operation) => operation.name === 'GridCard')!;
  const card = { data: { gridCard: expect.objectContaining({ gridName: '东城第一网格', communityName: '东城社区' }) } };

  it('runs a listed operation by hash (POST and GET) or by its exact text, without registration', async () => {
    const variables = { code: '370783001001001' };
    expect((await post(mobile.url, { ...hashOnly(gridCard.body), variables })).body).toEqual(card);
    expect((await get(mobile.url, { ...hashOnly(gridCard.body), variables })).body).toEqual(card);
    expect((await post(mobile.url, { query: gridCard.body, variables })).body).toEqual(card);
  });

  it('refuses any other operation, an unknown hash, a changed text and a registration', async () => {
    const other = '{ streets { totalCount } }';
    const refusals = [
      await post(mobile.url, { query: other }),
      await post(mobile.url, hashOnly(other)),
      await post(mobile.url, { query: `${gridCard.body} `, variables: { code: '370783001001001' } }),
      await post(mobile.url, { query: other, ...hashOnly(other) }),
      await get(mobile.url, { query: other }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({
        errors: [
          {
            message: 'This endpoint runs only the operations of the published manifest, and this one is not among them',
            extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED' },
          },
        ],
      });
    }
  });

  it('still refuses a listed mutation over GET', async () => {
    const intake = manifest.operations.find((operation) => operation.name === 'CaseIntake')!;
    const answer = await get(mobile.url, hashOnly(intake.body));
    expect(answer.status).toBe(405);
  });
});

const productionUrl = () => production.gateway.url;

describe('production', () => {
  it('verifies client tokens with the configured key', async () => {
    const token = await issueDevToken({ role: 'CITY_ADMIN', subject: 'production-admin' });
    const answer = await post(
      productionUrl(),
      { query: '{ streets { totalCount } }' },
      { authorization: `Bearer ${token}` },
    );
    expect(answer.body).toEqual({ data: { streets: { totalCount: expect.any(Number) } } });
  });

  it('gives no field, argument or enum value suggestions, and no stack traces', async () => {
    const development = await post(hub.url, { query: '{ gridCard(code: "1") { gridNam } }' });
    expect(development.body.errors![0].message).toBe(
      'Cannot query field "gridNam" on type "GridCard". Did you mean "gridName"?',
    );

    const field = await post(productionUrl(), { query: '{ gridCard(code: "1") { gridNam } }' });
    expect(field.body.errors).toEqual([
      {
        message: 'Cannot query field "gridNam" on type "GridCard".',
        locations: [{ line: 1, column: 25 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
    const argument = await post(productionUrl(), { query: '{ grids(firs: 1) { totalCount } }' });
    expect(argument.body.errors![0].message).toBe('Unknown argument "firs" on field "Query.grids".');
    const enumValue = await post(productionUrl(), {
      query: 'query ($s: CaseState) { cases(state: $s) { totalCount } }',
      variables: { s: 'DISPACHED' },
    });
    expect(enumValue.body.errors![0].message).toBe(
      'Variable "$s" got invalid value "DISPACHED"; Value "DISPACHED" does not exist in "CaseState" enum.',
    );
    const all = JSON.stringify([field.body, argument.body, enumValue.body]);
    expect(all).not.toMatch(/Did you mean|stacktrace/);
  });

  it('refuses introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Grid") { fields { name } } }']) {
      const answer = await post(productionUrl(), { query });
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors![0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    }
  });

  it('keeps the limits and their error shape', async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `c${i}: gridCard(code: "1") { gridName }`).join(' ')} }`;
    expect(expectLimit(await post(productionUrl(), { query }), 'aliases', 15).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'query',
      limit: 'aliases',
      max: 15,
      found: 16,
    });
  });

  it('names an unreachable department, never its address', async () => {
    const answer = await post(productionWithoutServices.url, { query: '{ serviceItems { totalCount } }' });
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: 'The services service is unavailable',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'services' },
      }),
    ]);
    expect(JSON.stringify(answer.body)).not.toMatch(/127\.0\.0\.1|http:|stacktrace/);
  });
});

describe('GraphiQL', () => {
  const noRemoteCode = (html: string) => {
    expect(html).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
  };

  it('is served, bundled, at GET /graphql for a browser and at /graphiql outside production', async () => {
    const landing = await fetch(hub.url, { headers: { accept: 'text/html' } });
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await landing.text();
    expect(html).toContain('<title>网格治理一张网 · GraphiQL</title>');
    expect(html).toContain('renderYogaGraphiQL');
    noRemoteCode(html);
    const page = await fetch(hub.url.replace(/\/graphql$/, '/graphiql'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(html);
  });

  it('is not served in production', async () => {
    const page = await fetch(productionUrl().replace(/\/graphql$/, '/graphiql'));
    expect(page.status).toBe(404);
    const landing = await fetch(productionUrl(), { headers: { accept: 'text/html' } });
    expect(landing.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(await landing.text()).not.toContain('GraphiQL');
  });
});
