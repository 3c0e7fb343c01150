import http from 'node:http';

/**
 * A closed-loop load driver: `concurrency` loops each send the next request as soon as the
 * previous one answers, for `seconds`. Written here rather than taken from autocannon because the
 * benchmark needs p95 (autocannon reports p90 and p97.5) and needs an "operation" to be a
 * sequence of requests (the subgraph fetches of the floor), which autocannon times one by one.
 */
export interface Request {
  url: string;
  /**
   * The body and headers of the next request: each request may get its own (an intake needs a
   * fresh idempotency key; a request for another worker carries that worker's token).
   */
  next: () => { body: string; headers: Record<string, string> };
}

/** One operation: a group list; requests in a group run in parallel, groups one after another. */
export type Operation = Request[][];

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(request: Request): Promise<boolean> {
  const { body: payload, headers } = request.next();
  return new Promise((resolve) => {
    const url = new URL(request.url);
    const req = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(res.statusCode === 200 && !body.includes('"errors"')));
      },
    );
    req.on('error', () => resolve(false));
    req.end(payload);
  });
}

async function runOnce(operation: Operation): Promise<boolean> {
  let ok = true;
  for (const group of operation) {
    const results = await Promise.all(group.map(post));
    ok = ok && results.every(Boolean);
  }
  return ok;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length, errors, seconds,
    throughput: latencies.length / seconds,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
  };
}

/** Closed loop at fixed concurrency. */
export async function atConcurrency(operation: Operation, concurrency: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const ok = await runOnce(operation);
        latencies.push(performance.now() - started);
        if (!ok) errors += 1;
      }
    }),
  );
  return summarise(latencies, errors, seconds);
}

/** Open loop at a fixed arrival rate: latency as a client sending `rps` requests a second sees it. */
export async function atRate(operation: Operation, rps: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const pending: Array<Promise<void>> = [];
  const start = performance.now();
  for (let i = 0; i < rps * seconds; i += 1) {
    const due = start + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      (async () => {
        const started = performance.now();
        const ok = await runOnce(operation);
        latencies.push(performance.now() - started);
        if (!ok) errors += 1;
      })(),
    );
  }
  await Promise.all(pending);
  return summarise(latencies, errors, seconds);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
