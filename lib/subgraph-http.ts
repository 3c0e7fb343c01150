import http from 'node:http';
import https from 'node:https';

/**
 * One POST to a subgraph over a kept-alive connection: the gateway's calls (several for every
 * client request), a department's key checks against another, the gateway's territory look-up.
 * node:http directly, because the global fetch wraps each call in WHATWG streams, an
 * AbortController and a Request object, which the benchmark's CPU profile showed costing the
 * gateway more than its own query-plan work.
 */
export interface SubgraphHttpResponse {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class SubgraphTimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * Connections stay open between requests; enough sockets for the gateway's concurrency per subgraph.
 * An idle connection is closed by this side first: after IDLE_SOCKET_MS, well before a subgraph
 * closes it (HUB_KEEP_ALIVE_MS, lib/keep-alive.ts), with room for this side's timer firing late
 * under load.
 */
export const IDLE_SOCKET_MS = 30_000;
const agentOptions = {
  keepAlive: true,
  keepAliveMsecs: 10_000,
  maxSockets: 128,
  maxFreeSockets: 32,
  scheduling: 'lifo' as const,
  timeout: IDLE_SOCKET_MS,
};
const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

export function postToSubgraph(
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SubgraphHttpResponse> {
  // As bytes: Node writes the headers and a string body as one string in the body's encoding,
  // so a header's bytes above 127 (a purpose sent as raw UTF-8) would reach the subgraph encoded twice.
  const payload = Buffer.from(body, 'utf8');
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    const request = (secure ? https : http).request(
      {
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        agent: agents[secure ? 'https:' : 'http:'],
        headers: { ...headers, 'content-length': payload.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', fail);
      },
    );
    const timer = setTimeout(
      () => request.destroy(new SubgraphTimeoutError(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    request.on('error', fail);
    request.end(payload);
  });
}

/** POST a JSON payload and parse the JSON answer (whatever its status); rejects when there is no answer in time. */
export async function postJson(
  url: string,
  payload: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<unknown> {
  const response = await postToSubgraph(
    new URL(url),
    JSON.stringify(payload),
    { 'content-type': 'application/json', ...headers },
    timeoutMs,
  );
  return JSON.parse(response.body);
}
