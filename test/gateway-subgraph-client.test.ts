import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import pino from 'pino';
import { subgraphDataSource, type GatewayContext } from '../gateway/subgraph-fetcher';
import { OPERATION_HEADER, PURPOSE_HEADER } from '../lib/viewer';

/**
 * The gateway's own client for subgraph calls (node:http, kept-alive), against a real local
 * HTTP server that answers as a subgraph would, refuses, fails or stalls.
 */
let server: http.Server;
let base: string;
const received: Array<{ path: string; headers: http.IncomingHttpHeaders; body: any }> = [];
const held: Array<() => void> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(text) });
      if (req.url === '/ok') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: { grid: { name: '东城第一网格' } } }));
      } else if (req.url === '/refused') {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ errors: [{ message: 'no internal token' }] }));
      } else if (req.url === '/held') {
        // Answers only when the test releases it, so calls made meanwhile are known to be in flight together.
        held.push(() =>
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ data: { grid: { name: `answer for ${JSON.parse(text).variables.code}` } } })),
        );
      } else if (req.url === '/broken') {
        res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
      } // '/slow' never answers
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const context: GatewayContext = { internalToken: 'internal.jwt', purpose: 'case handling', operation: 'GridCard' };

function call(path: string, timeoutMs = 2000) {
  return subgraphDataSource('grid', `${base}${path}`, timeoutMs).process({
    kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
    request: {
      query: 'query GridCard($code: String!) { grid(code: $code) { name } }',
      variables: { code: 'G1' },
      operationName: 'GridCard',
    },
    context,
  });
}

it("posts the query with the caller's internal token, purpose and operation, and returns the subgraph's answer", async () => {
  await expect(call('/ok')).resolves.toEqual({ data: { grid: { name: '东城第一网格' } } });
  const sent = received.find((r) => r.path === '/ok')!;
  expect(sent.body).toEqual({
    query: 'query GridCard($code: String!) { grid(code: $code) { name } }',
    variables: { code: 'G1' },
    operationName: 'GridCard',
  });
  expect(sent.headers).toMatchObject({
    authorization: 'Bearer internal.jwt',
    [PURPOSE_HEADER]: 'case handling',
    [OPERATION_HEADER]: 'GridCard',
    'content-type': 'application/json',
  });
});

it('reports a refused call with its status and body, 401 as UNAUTHENTICATED, on the fields it owes', async () => {
  await expect(call('/refused')).resolves.toEqual({
    errors: [
      expect.objectContaining({
        message: '401: Unauthorized',
        path: ['grid'],
        extensions: expect.objectContaining({
          code: 'UNAUTHENTICATED',
          response: expect.objectContaining({ status: 401, body: { errors: [{ message: 'no internal token' }] } }),
        }),
      }),
    ],
  });
  await expect(call('/broken')).resolves.toMatchObject({
    errors: [
      { message: '502: Bad Gateway', path: ['grid'], extensions: { response: { status: 502, body: 'bad gateway' } } },
    ],
  });
});

it('gives up at the deadline, and names the department when nothing listens', async () => {
  const started = Date.now();
  await expect(call('/slow', 300)).resolves.toEqual({
    errors: [
      {
        message: 'The grid service did not answer within 300 ms',
        path: ['grid'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'grid' },
      },
    ],
  });
  expect(Date.now() - started).toBeLessThan(2000);
  await expect(
    subgraphDataSource('grid', 'http://127.0.0.1:1/graphql', 2000).process({
      kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
      request: { query: '{ __typename }' },
      context,
    }),
  ).resolves.toEqual({
    errors: [
      { message: 'The grid service is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'grid' } },
    ],
  });
});

it('names each field an unanswered entity fetch owes, per representation, through fragments and aliases', async () => {
  const query =
    'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Grid { __typename partyBranches { name } count: partyMemberCount } ... on Community { ...C } } } fragment C on Community { partyCommittee { name } }';
  const representations = [
    { __typename: 'Grid', id: 'g1' },
    { __typename: 'Community', id: 'c1' },
    { __typename: 'Grid', id: 'g2' },
  ];
  const answer = await subgraphDataSource('party-building', 'http://127.0.0.1:1/graphql', 2000).process({
    kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
    request: { query, variables: { representations } },
    context,
  });
  expect(answer.data).toBeUndefined();
  expect(answer.errors!.map((error) => error.path)).toEqual([
    ['_entities', 0, 'partyBranches'],
    ['_entities', 0, 'count'],
    ['_entities', 1, 'partyCommittee'],
    ['_entities', 2, 'partyBranches'],
    ['_entities', 2, 'count'],
  ]);
  expect(new Set(answer.errors!.map((error) => error.message))).toEqual(
    new Set(['The party-building service is unavailable']),
  );
});

it('logs why a subgraph call failed for the operator, without the request, while the client is told only which department', async () => {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const request = { query: 'query ($id: ID!) { resident(id: $id) { name } }', variables: { id: 'r-1' } };
  await expect(
    subgraphDataSource('grid', 'http://127.0.0.1:1/graphql', 2000, undefined, log).process({
      kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
      request,
      context,
    }),
  ).resolves.toMatchObject({ errors: [{ message: 'The grid service is unavailable' }] });
  await expect(
    subgraphDataSource('grid', `${base}/slow`, 300, undefined, log).process({
      kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
      request,
      context,
    }),
  ).resolves.toMatchObject({ errors: [{ message: 'The grid service did not answer within 300 ms' }] });
  expect(lines).toEqual([
    expect.objectContaining({ level: 40, msg: 'a subgraph call failed', service: 'grid', code: 'ECONNREFUSED' }),
    expect.objectContaining({
      level: 40,
      msg: 'a subgraph call failed',
      service: 'grid',
      code: 'TIMEOUT',
      reason: 'no answer within 300 ms',
    }),
  ]);
  // Neither the variables, the query nor the caller's token (the log line also carries the host name, so only these exact texts).
  expect(JSON.stringify(lines)).not.toMatch(/"r-1"|resident\(id|internal\.jwt/);
});

describe('identical reads in flight together', () => {
  const reader: GatewayContext = { internalToken: 'internal.jwt', operation: 'GridCard' };
  const gridCard = {
    query: 'query GridCard($code: String!) { grid(code: $code) { name } }',
    variables: { code: 'G1' },
    operationName: 'GridCard',
  };
  const source = () => subgraphDataSource('grid', `${base}/held`, 2000);
  const process = (
    dataSource: ReturnType<typeof source>,
    context: GatewayContext,
    request: typeof gridCard = gridCard,
  ) => dataSource.process({ kind: GraphQLDataSourceRequestKind.HEALTH_CHECK, request, context });
  const sentToHeld = () => received.filter((r) => r.path === '/held').length;

  async function releaseAll(expected: number) {
    while (held.length < expected) await new Promise((resolve) => setTimeout(resolve, 5));
    held.splice(0).forEach((answer) => answer());
  }

  it('share one call to the subgraph, each with its own copy of the answer', async () => {
    const dataSource = source();
    const before = sentToHeld();
    const calls = [process(dataSource, reader), process(dataSource, reader), process(dataSource, reader)];
    await releaseAll(1);
    const answers = await Promise.all(calls);
    expect(sentToHeld() - before).toBe(1);
    expect(answers).toEqual([0, 1, 2].map(() => ({ data: { grid: { name: 'answer for G1' } } })));
    // The gateway merges later fetches into these objects: one request's must not be another's.
    expect(answers[0]).not.toBe(answers[1]);
    expect((answers[0] as any).data.grid).not.toBe((answers[1] as any).data.grid);

    // Once answered, nothing is kept: the same read a moment later is sent again.
    const again = process(dataSource, reader);
    await releaseAll(1);
    await expect(again).resolves.toEqual({ data: { grid: { name: 'answer for G1' } } });
    expect(sentToHeld() - before).toBe(2);
  });

  it('are each sent when the caller, the variables, the purpose or the kind of operation differ', async () => {
    const dataSource = source();
    const before = sentToHeld();
    const calls = [
      process(dataSource, reader),
      process(dataSource, { ...reader, internalToken: 'another.caller' }),
      process(dataSource, reader, { ...gridCard, variables: { code: 'G2' } }),
      // Each read of personal data in full is recorded as its own access.
      process(dataSource, { ...reader, purpose: 'case handling' }),
      process(dataSource, { ...reader, purpose: 'case handling' }),
      process(dataSource, reader, {
        ...gridCard,
        query: 'mutation GridCard($code: String!) { closeGrid(code: $code) { name } }',
      }),
      process(dataSource, reader, {
        ...gridCard,
        query: 'mutation GridCard($code: String!) { closeGrid(code: $code) { name } }',
      }),
    ];
    await releaseAll(7);
    await Promise.all(calls);
    expect(sentToHeld() - before).toBe(7);
  });
});
