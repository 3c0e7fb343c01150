import http from 'node:http';
import { itemAt } from '../lib/lists';

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
  /** What the first failed request got (status and the start of its body, or the network error), so an error can be looked into. */
  firstError?: string;
  seconds: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

// An idle connection is dropped after 4 s, before a server on Node's default (5 s) closes it, as
// a client honouring its `Keep-Alive: timeout=5` would: a request sent as the server closes the
// connection is reset, and would count as that gateway's error.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 4_000 });

/** Where a URL points, parsed once: the client sends thousands of requests to a handful of URLs. */
const targets = new Map<string, { hostname: string; port: string; path: string }>();

function targetOf(url: string) {
  let target = targets.get(url);
  if (!target) {
    const parsed = new URL(url);
    target = { hostname: parsed.hostname, port: parsed.port, path: parsed.pathname };
    targets.set(url, target);
  }
  return target;
}

/** Resolves with nothing when the request was answered without errors, else with what went wrong. */
function post(request: Request): Promise<string | undefined> {
  const { body: payload, headers } = request.next();
  const { hostname, port, path } = targetOf(request.url);
  return new Promise((resolve) => {
    const req = http.request(
      {
        hostname,
        port,
        path,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        // Kept as bytes: only a failure's start is ever read as text.
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const [only] = chunks;
          const body = only && chunks.length === 1 ? only : Buffer.concat(chunks);
          resolve(
            res.statusCode === 200 && !body.includes('"errors"')
              ? undefined
              : `${res.statusCode}: ${body.toString('utf8', 0, 400)}`,
          );
        });
      },
    );
    req.on('error', (error) => resolve(`no answer: ${error.message}`));
    req.end(payload);
  });
}

async function runOnce(operation: Operation): Promise<string | undefined> {
  let failure: string | undefined;
  for (const group of operation) {
    const results = await Promise.all(group.map(post));
    failure ??= results.find((result) => result !== undefined);
  }
  return failure;
}

/** Latencies and failures of one load run. */
class Tally {
  readonly latencies: number[] = [];
  errors = 0;
  firstError?: string;

  async time(operation: Operation): Promise<void> {
    const started = performance.now();
    const failure = await runOnce(operation);
    this.latencies.push(performance.now() - started);
    if (failure === undefined) return;
    this.errors += 1;
    this.firstError ??= failure;
  }

  summary(seconds: number): LoadResult {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      requests: sorted.length,
      errors: this.errors,
      firstError: this.firstError,
      seconds,
      throughput: sorted.length / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return itemAt(sorted, Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)));
}

/** Closed loop at fixed concurrency. */
export async function atConcurrency(operation: Operation, concurrency: number, seconds: number): Promise<LoadResult> {
  const tally = new Tally();
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await tally.time(operation);
    }),
  );
  return tally.summary(seconds);
}

/** Open loop at a fixed arrival rate: latency as a client sending `rps` requests a second sees it. */
export async function atRate(operation: Operation, rps: number, seconds: number): Promise<LoadResult> {
  const tally = new Tally();
  const pending: Array<Promise<void>> = [];
  const start = performance.now();
  for (let i = 0; i < rps * seconds; i += 1) {
    const due = start + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(tally.time(operation));
  }
  await Promise.all(pending);
  return tally.summary(seconds);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (!sorted.length) return NaN;
  return sorted.length % 2 ? itemAt(sorted, middle) : (itemAt(sorted, middle - 1) + itemAt(sorted, middle)) / 2;
}
