import { mintInternalToken } from '../lib/auth/internal-token';
import { startSubgraph, type RunningSubgraph } from '../lib/subgraph-server';
import { HUB_KEEP_ALIVE_MS } from '../lib/keep-alive';
import { IDLE_SOCKET_MS, postToSubgraph } from '../lib/subgraph-http';
import { definitionOf } from '../scripts/subgraph-definitions';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** A subgraph's own HTTP server, without Express: its three paths and what it answers on each. */
let database: TestDatabase;
let subgraph: RunningSubgraph;
let base: string;
let internal: Record<string, string>;

beforeAll(async () => {
  process.env.LOG_LEVEL ??= 'warn';
  database = await createTestDatabase();
  subgraph = await startSubgraph(definitionOf('co-building'), {
    port: 0,
    databaseUrl: database.databaseUrl,
    dataDir: database.dataDir,
    demoOnFirstStart: false,
  });
  base = `http://127.0.0.1:${subgraph.port}`;
  const token = await mintInternalToken({ subject: 'service:test', role: 'SERVICE', claims: {}, territory: null }, 600);
  internal = { authorization: `Bearer ${token}` };
});

afterAll(async () => {
  await subgraph?.stop();
  await database?.drop();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...internal, ...headers },
    body,
  });

async function graphqlRequestsCounted(): Promise<number> {
  const text = await (await fetch(`${base}/metrics`, { headers: internal })).text();
  const match = text.match(/^hub_graphql_requests_total\{service="co-building"\} (\d+)$/m);
  if (!match) throw new Error(`no request counter in /metrics:\n${text}`);
  return Number(match[1]);
}

it('answers /health with the service name while the database answers', async () => {
  const health = await fetch(`${base}/health`);
  expect(health.status).toBe(200);
  expect(health.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(await health.json()).toEqual({ status: 'ok', service: 'co-building' });
});

it("serves Prometheus text on /metrics to the hub's services only, and counts every GraphQL request", async () => {
  const refused = await fetch(`${base}/metrics`);
  expect(refused.status).toBe(401);
  expect(await refused.json()).toEqual({
    errors: [
      {
        message: "the metrics are for the hub's services: send the internal token",
        extensions: { code: 'UNAUTHENTICATED', field: 'authorization' },
      },
    ],
  });
  const forged = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer not-a-token' } });
  expect(forged.status).toBe(401);
  const response = await fetch(`${base}/metrics`, { headers: internal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  const text = await response.text();
  expect(text).toMatch(
    /^# TYPE hub_sql_statements_total counter\nhub_sql_statements_total\{service="co-building"\} \d+\n# TYPE hub_graphql_requests_total counter\nhub_graphql_requests_total\{service="co-building"\} \d+\n$/,
  );
  const before = await graphqlRequestsCounted();
  expect((await post('{"query":"{ __typename }"}')).status).toBe(200);
  expect(await graphqlRequestsCounted()).toBe(before + 1);
  // A refused request is a request served too.
  expect((await post('{not json')).status).toBe(400);
  expect(await graphqlRequestsCounted()).toBe(before + 2);
});

it('answers a query over POST with its data', async () => {
  const response = await post(JSON.stringify({ query: '{ __typename _service { sdl } }' }));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  const body = (await response.json()) as any;
  expect(body.errors).toBeUndefined();
  expect(body.data.__typename).toBe('Query');
  expect(body.data._service.sdl).toMatch(/type Wish\b/);
});

it('passes the query string of a GET on to Apollo, which applies its CSRF rule', async () => {
  const query = `${base}/graphql?query=${encodeURIComponent('{ __typename }')}`;
  const allowed = await fetch(query, { headers: { ...internal, 'apollo-require-preflight': 'true' } });
  expect(allowed.status).toBe(200);
  expect(await allowed.json()).toEqual({ data: { __typename: 'Query' } });
  const blocked = await fetch(query, { headers: internal });
  expect(blocked.status).toBe(400);
  expect(((await blocked.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
});

it('refuses a call without the internal token', async () => {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
  });
  expect(response.status).toBe(401);
  expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
});

it('answers a malformed JSON body with 400 and a GraphQL error, not a page', async () => {
  const response = await post('{"query": "{ __typename }"');
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(await response.json()).toEqual({
    errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT', field: 'body' } }],
  });
});

it('refuses a body larger than 1mb with 413', async () => {
  const response = await post(
    JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1024 * 1024) } }),
  );
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({
    errors: [
      {
        message: 'The request body is larger than 1mb, the most this endpoint reads',
        extensions: { code: 'BAD_USER_INPUT', field: 'body', limit: 'bodySize', max: '1mb' },
      },
    ],
  });
});

it('answers 404 on any other path or method', async () => {
  const unknown = await fetch(`${base}/nothing-here`);
  expect(unknown.status).toBe(404);
  expect(await unknown.text()).toBe('Cannot GET /nothing-here\n');
  const postHealth = await fetch(`${base}/health`, { method: 'POST' });
  expect(postHealth.status).toBe(404);
  expect(await postHealth.text()).toBe('Cannot POST /health\n');
});

it('answers /health with 503 while the database does not answer', async () => {
  const connection = subgraph.database.orm.em.getConnection();
  const execute = jest.spyOn(connection, 'execute').mockRejectedValueOnce(new Error('connection refused'));
  try {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable', service: 'co-building' });
  } finally {
    execute.mockRestore();
  }
  expect((await fetch(`${base}/health`)).status).toBe(200);
});

it('keeps an idle connection open longer than its callers do, so a caller never sends on a connection the subgraph is closing', async () => {
  const answer = await postToSubgraph(
    new URL(`${base}/graphql`),
    JSON.stringify({ query: '{ __typename }' }),
    { 'content-type': 'application/json', ...internal },
    5000,
  );
  expect(answer.status).toBe(200);
  expect(JSON.parse(answer.body)).toEqual({ data: { __typename: 'Query' } });
  // The subgraph announces how long it keeps an idle connection (Node's client does not act on it: it reuses a
  // connection idle longer). The hub's client closes its own after IDLE_SOCKET_MS, far enough ahead that a late
  // timer still closes first.
  expect(answer.headers['keep-alive']).toBe(`timeout=${HUB_KEEP_ALIVE_MS / 1000}`);
  expect(HUB_KEEP_ALIVE_MS - IDLE_SOCKET_MS).toBeGreaterThanOrEqual(30_000);
});
