import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { subgraphDataSource, type GatewayContext } from '../gateway/subgraph-fetcher';
import { OPERATION_HEADER, PURPOSE_HEADER } from '../lib/viewer';

/**
 * The gateway's own client for subgraph calls (node:http, kept-alive), against a real local
 * HTTP server that answers as a subgraph would, refuses, fails or stalls.
 */
let server: http.Server;
let base: string;
const received: Array<{ path: string; headers: http.IncomingHttpHeaders; body: any }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(text) });
      if (req.url === '/ok') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { grid: { name: '东城第一网格' } } }));
      } else if (req.url === '/refused') {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'no internal token' }] }));
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
    request: { query: 'query GridCard($code: String!) { grid(code: $code) { name } }', variables: { code: 'G1' }, operationName: 'GridCard' },
    context,
  });
}

it('posts the query with the caller\'s internal token, purpose and operation, and returns the subgraph\'s answer', async () => {
  await expect(call('/ok')).resolves.toEqual({ data: { grid: { name: '东城第一网格' } } });
  const sent = received.find((r) => r.path === '/ok')!;
  expect(sent.body).toEqual({
    query: 'query GridCard($code: String!) { grid(code: $code) { name } }', variables: { code: 'G1' }, operationName: 'GridCard',
  });
  expect(sent.headers).toMatchObject({
    authorization: 'Bearer internal.jwt', [PURPOSE_HEADER]: 'case handling', [OPERATION_HEADER]: 'GridCard', 'content-type': 'application/json',
  });
});

it('reports a refused call with its status and body, 401 as UNAUTHENTICATED', async () => {
  await expect(call('/refused')).rejects.toMatchObject({
    message: '401: Unauthorized',
    extensions: { code: 'UNAUTHENTICATED', response: { status: 401, body: { errors: [{ message: 'no internal token' }] } } },
  });
  await expect(call('/broken')).rejects.toMatchObject({
    message: '502: Bad Gateway', extensions: { response: { status: 502, body: 'bad gateway' } },
  });
});

it('gives up at the deadline, and names the department when nothing listens', async () => {
  const started = Date.now();
  await expect(call('/slow', 300)).rejects.toMatchObject({
    message: 'The grid service did not answer within 300 ms', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'grid' },
  });
  expect(Date.now() - started).toBeLessThan(2000);
  await expect(subgraphDataSource('grid', 'http://127.0.0.1:1/graphql', 2000).process({
    kind: GraphQLDataSourceRequestKind.HEALTH_CHECK, request: { query: '{ __typename }' }, context,
  })).rejects.toMatchObject({ message: 'The grid service is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
});
