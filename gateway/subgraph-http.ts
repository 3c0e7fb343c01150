import http from 'node:http';
import https from 'node:https';

/**
 * One POST to a subgraph over a kept-alive connection. The gateway makes several of these for
 * every client request, so it uses node:http directly: the global fetch wraps each call in
 * WHATWG streams, an AbortController and a Request object, which the benchmark's CPU profile
 * showed costing more than the gateway's own query-plan work.
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

/** Connections stay open between requests; enough sockets for the gateway's concurrency per subgraph. */
const agentOptions = { keepAlive: true, keepAliveMsecs: 10_000, maxSockets: 128, maxFreeSockets: 32, scheduling: 'lifo' as const };
const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

export function postToSubgraph(url: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<SubgraphHttpResponse> {
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
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
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
    const timer = setTimeout(() => request.destroy(new SubgraphTimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
    function fail(error: Error) {
      clearTimeout(timer);
      reject(error);
    }
    request.on('error', fail);
    request.end(body);
  });
}
