import type { Client } from 'pg';
import { issueDevToken } from '../lib/auth/dev-token';
import { atRate, type Request } from './load';
import { OPERATIONS } from './operations';
import { hubMemory, type ServiceMemory } from './process-memory';
import { ms } from './saved-run';

/**
 * `npm run bench:soak` (`node dist/bench/run.js --soak`): the benchmark's seven operations in
 * turn, each cycling through its variable sets and sent with its own client's token, at a fixed
 * rate for many minutes against the hub as deployed (five processes, production), to find what
 * a short benchmark cannot: errors that come with time (connections dropped, tokens renewed,
 * pools exhausted) and memory that grows. Every interval prints its requests and errors and each
 * process's resident memory; the summary says whether the targets were met: no error, and the
 * memory of every process at the end within 10 % of what it was after the first minute of load (a
 * process warms up first: compiled code, caches, pools), or after the first interval of a shorter run.
 */
export interface SoakOptions {
  minutes: number;
  /** Requests a second, all operations together. */
  rate: number;
  intervalSeconds: number;
}

export interface SoakInterval {
  /** Seconds since the load began, at the end of the interval. */
  at: number;
  requests: number;
  errors: number;
  firstError?: string;
  p50: number;
  p95: number;
  memory: Record<string, ServiceMemory>;
}

export const MEMORY_GROWTH_LIMIT = 0.1;
export const SOAK_DEFAULT_RATE = 50;
/** Load before the memory the end is compared with: code compiled, caches and pools filled. */
export const WARM_UP_SECONDS = 60;

export interface SoakVerdict {
  requests: number;
  errors: number;
  /** Per process: resident memory after the warm-up, at the end, and the most seen after the warm-up, in bytes. */
  memory: Record<string, { first: number; last: number; max: number; growth: number }>;
  /** Services whose process changed during the run (it died and the supervisor started it again). */
  restarted: string[];
  noErrors: boolean;
  memoryFlat: boolean;
}

/**
 * The targets, from the intervals: no error at all, every process's memory at the end within 10 %
 * of what it was when the warm-up ended (the first interval ending at or after WARM_UP_SECONDS,
 * or the first interval of a run too short for that).
 */
export function soakVerdict(intervals: SoakInterval[]): SoakVerdict {
  const warm = Math.max(0, intervals.findIndex((i) => i.at >= WARM_UP_SECONDS));
  const requests = intervals.reduce((sum, i) => sum + i.requests, 0);
  const errors = intervals.reduce((sum, i) => sum + i.errors, 0);
  const memory: SoakVerdict['memory'] = {};
  const restarted: string[] = [];
  const services = [...new Set(intervals.flatMap((i) => Object.keys(i.memory)))];
  for (const service of services) {
    const all = intervals.map((i) => i.memory[service]).filter((m): m is ServiceMemory => m !== undefined);
    if (new Set(all.map((m) => m.pid)).size > 1 || all.length < intervals.length) restarted.push(service);
    const seen = intervals.slice(warm).map((i) => i.memory[service]).filter((m): m is ServiceMemory => m !== undefined);
    const first = seen[0].rss;
    const last = seen[seen.length - 1].rss;
    memory[service] = { first, last, max: Math.max(...seen.map((m) => m.rss)), growth: (last - first) / first };
  }
  const memoryFlat = services.length > 0 && Object.values(memory).every((m) => m.growth <= MEMORY_GROWTH_LIMIT);
  return { requests, errors, memory, restarted, noErrors: errors === 0, memoryFlat };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const percent = (fraction: number) => `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)} %`;
const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;

/** One request after another of the seven operations, each with its next variable set and its client's token. */
async function mixedRequest(db: Client, gatewayUrl: string, minutes: number): Promise<Request> {
  const expiresInSeconds = Math.ceil(minutes * 60) + 3600;
  const operations: Array<Request['next']> = [];
  // One after another: the client runs one query at a time.
  for (const operation of OPERATIONS) {
    const variables = await operation.variables(db);
    const sets = ((await operation.variants?.(db)) ?? []).map((variant) => ({ ...variables, ...variant }));
    const calls = await Promise.all((sets.length ? sets : [variables]).map(async (set) => ({
      variables: set,
      authorization: `Bearer ${await issueDevToken({ ...operation.identity(set), expiresInSeconds })}`,
    })));
    let turn = 0;
    operations.push(() => {
      const call = calls[turn++ % calls.length];
      const fresh = operation.fresh?.() ?? {};
      // As the benchmark sends an intake: the fresh key goes into the input.
      const variables = Object.keys(fresh).length && call.variables.input
        ? { ...call.variables, input: { ...(call.variables.input as object), ...fresh } }
        : { ...call.variables, ...fresh };
      return { body: JSON.stringify({ query: operation.query, variables }), headers: { authorization: call.authorization } };
    });
  }
  let next = 0;
  return { url: gatewayUrl, next: () => operations[next++ % operations.length]() };
}

/** Run the soak and print it; resolves with whether both targets were met. */
export async function runSoak(db: Client, gatewayUrl: string, hubPid: number, options: SoakOptions): Promise<boolean> {
  const request = await mixedRequest(db, gatewayUrl, options.minutes);
  const rounds = Math.max(1, Math.round((options.minutes * 60) / options.intervalSeconds));
  console.log(`soak: ${rounds * options.intervalSeconds / 60} min at ${options.rate} requests a second, the ${OPERATIONS.length} operations in turn ` +
    `(${OPERATIONS.map((o) => o.name).join(', ')}); every ${options.intervalSeconds} s: requests, errors, latency and each process's resident memory`);
  const intervals: SoakInterval[] = [];
  const started = performance.now();
  for (let round = 0; round < rounds; round += 1) {
    const result = await atRate([[request]], options.rate, options.intervalSeconds);
    const memory = Object.fromEntries(hubMemory(hubPid));
    const interval: SoakInterval = {
      at: (performance.now() - started) / 1000, requests: result.requests, errors: result.errors, firstError: result.firstError,
      p50: result.p50, p95: result.p95, memory,
    };
    intervals.push(interval);
    console.log(`[${clock(interval.at)}] ${interval.requests} requests, ${interval.errors} errors, p50 ${ms(interval.p50)} / p95 ${ms(interval.p95)} ms; ` +
      `resident MiB: ${Object.entries(memory).map(([service, m]) => `${service} ${mib(m.rss)}`).join(', ')}`);
    if (interval.firstError) console.log(`  first error: ${interval.firstError.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  const verdict = soakVerdict(intervals);
  console.log([
    '',
    `Soak summary: ${verdict.requests} requests in ${clock((performance.now() - started) / 1000)} at ${options.rate} req/s; ` +
      `${verdict.errors} errors (target 0): ${verdict.noErrors ? 'met' : 'NOT met'}`,
    `Resident memory after the warm-up (${clock(intervals[Math.max(0, intervals.findIndex((i) => i.at >= WARM_UP_SECONDS))].at)}) → at the end (largest since), MiB:`,
    ...Object.entries(verdict.memory).map(([service, m]) => `  ${service}: ${mib(m.first)} → ${mib(m.last)} (${percent(m.growth)}; largest ${mib(m.max)})`),
    `Memory flat within ${MEMORY_GROWTH_LIMIT * 100} %: ${verdict.memoryFlat ? 'met' : 'NOT met'}` +
      (Object.keys(verdict.memory).length ? ` (largest growth ${percent(Math.max(...Object.values(verdict.memory).map((m) => m.growth)))})` : ' (no process memory read: Linux only)'),
    `Restarts during the soak: ${verdict.restarted.length ? verdict.restarted.join(', ') : 'none'}`,
  ].join('\n'));
  return verdict.noErrors && verdict.memoryFlat && !verdict.restarted.length;
}
