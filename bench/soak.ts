import type { Client } from 'pg';
import { issueDevToken } from '../lib/auth/dev-token';
import { itemAt } from '../lib/lists';
import { atRate, type Request } from './load';
import { OPERATIONS } from './operations';
import { hubMemory, type ServiceMemory } from './process-memory';
import { ms } from './saved-run';

/**
 * `npm run bench:soak` (`node dist/bench/run.js --soak`): the benchmark's seven operations in
 * turn, each cycling through its variable sets and sent with its own client's token, at a fixed
 * rate for many minutes against the hub as deployed (five processes, production), to find what
 * a short benchmark cannot: errors that come with time (connections dropped, tokens renewed,
 * pools exhausted) and memory that grows. A minute's warm-up comes first, the rate rising to
 * the full one (a hub just started compiles its code and fills its caches and pools; it is not
 * what a soak is about). Then every interval prints its requests and errors and each process's
 * resident memory, and the summary says whether the targets were met.
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
/** The warm-up: this many steps of this many seconds, at 1/n, 2/n … n/n of the rate. */
export const WARM_UP_STEPS = 6;
export const WARM_UP_STEP_SECONDS = 10;

export interface SoakVerdict {
  requests: number;
  errors: number;
  /**
   * Per process, in bytes: resident memory early in the soak and late in it (the medians of the
   * first and the last third of the intervals: a garbage-collected heap swings between two
   * readings by more than a leak grows in minutes), the most seen, and the growth from early to late.
   */
  memory: Record<string, { early: number; late: number; max: number; growth: number }>;
  /** Services whose process changed during the run (it died and the supervisor started it again). */
  restarted: string[];
  noErrors: boolean;
  memoryFlat: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (!sorted.length) return NaN;
  return sorted.length % 2 ? itemAt(sorted, middle) : (itemAt(sorted, middle - 1) + itemAt(sorted, middle)) / 2;
}

/**
 * The targets, from the intervals after the warm-up: no error at all; every process's memory late
 * in the soak within 10 % of what it was early in it; no process started again.
 */
export function soakVerdict(intervals: SoakInterval[]): SoakVerdict {
  const requests = intervals.reduce((sum, i) => sum + i.requests, 0);
  const errors = intervals.reduce((sum, i) => sum + i.errors, 0);
  const memory: SoakVerdict['memory'] = {};
  const restarted: string[] = [];
  const services = [...new Set(intervals.flatMap((i) => Object.keys(i.memory)))];
  for (const service of services) {
    const seen = intervals.map((i) => i.memory[service]).filter((m): m is ServiceMemory => m !== undefined);
    if (new Set(seen.map((m) => m.pid)).size > 1 || seen.length < intervals.length) restarted.push(service);
    const third = Math.max(1, Math.floor(seen.length / 3));
    const early = median(seen.slice(0, third).map((m) => m.rss));
    const late = median(seen.slice(-third).map((m) => m.rss));
    memory[service] = { early, late, max: Math.max(...seen.map((m) => m.rss)), growth: (late - early) / early };
  }
  const memoryFlat = services.length > 0 && Object.values(memory).every((m) => m.growth <= MEMORY_GROWTH_LIMIT);
  return { requests, errors, memory, restarted, noErrors: errors === 0, memoryFlat };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const percent = (fraction: number) => `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)} %`;
const clock = (seconds: number) => {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

/** One request after another of the seven operations, each with its next variable set and its client's token. */
async function mixedRequest(db: Client, gatewayUrl: string, minutes: number): Promise<Request> {
  const expiresInSeconds = Math.ceil(minutes * 60) + 3600;
  const operations: Array<Request['next']> = [];
  // One after another: the client runs one query at a time.
  for (const operation of OPERATIONS) {
    const variables = await operation.variables(db);
    const sets = ((await operation.variants?.(db)) ?? []).map((variant) => ({ ...variables, ...variant }));
    const calls = await Promise.all(
      (sets.length ? sets : [variables]).map(async (set) => ({
        variables: set,
        authorization: `Bearer ${await issueDevToken({ ...operation.identity(set), expiresInSeconds })}`,
      })),
    );
    let turn = 0;
    operations.push(() => {
      const call = itemAt(calls, turn++ % calls.length);
      const fresh = operation.fresh?.() ?? {};
      // As the benchmark sends an intake: the fresh key goes into the input.
      const variables =
        Object.keys(fresh).length && call.variables.input
          ? { ...call.variables, input: { ...(call.variables.input as object), ...fresh } }
          : { ...call.variables, ...fresh };
      return {
        body: JSON.stringify({ query: operation.query, variables }),
        headers: { authorization: call.authorization },
      };
    });
  }
  let next = 0;
  return { url: gatewayUrl, next: () => itemAt(operations, next++ % operations.length)() };
}

const memoryLine = (memory: Record<string, ServiceMemory>) =>
  `resident MiB: ${Object.entries(memory)
    .map(([service, m]) => `${service} ${mib(m.rss)}`)
    .join(', ')}`;

/** Run the soak and print it; resolves with whether the targets were met. */
export async function runSoak(db: Client, gatewayUrl: string, hubPid: number, options: SoakOptions): Promise<boolean> {
  const request = await mixedRequest(db, gatewayUrl, options.minutes);
  const rounds = Math.max(1, Math.round((options.minutes * 60) / options.intervalSeconds));
  console.log(
    `soak: a ${WARM_UP_STEPS * WARM_UP_STEP_SECONDS} s warm-up, then ${(rounds * options.intervalSeconds) / 60} min at ${options.rate} ` +
      `requests a second, the ${OPERATIONS.length} operations in turn (${OPERATIONS.map((o) => o.name).join(', ')}); ` +
      `every ${options.intervalSeconds} s: requests, errors, latency and each process's resident memory`,
  );
  const started = performance.now();
  const warmUp = { requests: 0, errors: 0, firstError: undefined as string | undefined };
  for (let step = 1; step <= WARM_UP_STEPS; step += 1) {
    const result = await atRate(
      [[request]],
      Math.max(1, Math.round((options.rate * step) / WARM_UP_STEPS)),
      WARM_UP_STEP_SECONDS,
    );
    warmUp.requests += result.requests;
    warmUp.errors += result.errors;
    warmUp.firstError ??= result.firstError;
  }
  console.log(
    `[${clock((performance.now() - started) / 1000)}] warm-up: ${warmUp.requests} requests, ${warmUp.errors} errors (not counted); ` +
      memoryLine(Object.fromEntries(hubMemory(hubPid))),
  );
  if (warmUp.firstError) console.log(`  first error: ${warmUp.firstError.replace(/\s+/g, ' ').slice(0, 300)}`);

  const intervals: SoakInterval[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const result = await atRate([[request]], options.rate, options.intervalSeconds);
    const memory = Object.fromEntries(hubMemory(hubPid));
    const interval: SoakInterval = {
      at: (performance.now() - started) / 1000,
      requests: result.requests,
      errors: result.errors,
      firstError: result.firstError,
      p50: result.p50,
      p95: result.p95,
      memory,
    };
    intervals.push(interval);
    console.log(
      `[${clock(interval.at)}] ${interval.requests} requests, ${interval.errors} errors, p50 ${ms(interval.p50)} / p95 ${ms(interval.p95)} ms; ` +
        memoryLine(memory),
    );
    if (interval.firstError) console.log(`  first error: ${interval.firstError.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  const verdict = soakVerdict(intervals);
  const [firstInterval] = intervals;
  const lastInterval = intervals.at(-1);
  if (!firstInterval || !lastInterval) throw new Error('the soak measured no interval');
  const third = Math.max(1, Math.floor(intervals.length / 3));
  const growths = Object.values(verdict.memory).map((m) => m.growth);
  console.log(
    [
      '',
      `Soak summary: ${verdict.requests} requests at ${options.rate} req/s from ${clock(firstInterval.at - options.intervalSeconds)} to ${clock(lastInterval.at)} ` +
        `(after the warm-up, whose ${warmUp.errors} errors are not counted); ${verdict.errors} errors (target 0): ${verdict.noErrors ? 'met' : 'NOT met'}`,
      `Resident memory early → late in the soak (medians of the first and the last ${third} interval(s)), largest seen, MiB:`,
      ...Object.entries(verdict.memory).map(
        ([service, m]) =>
          `  ${service}: ${mib(m.early)} → ${mib(m.late)} (${percent(m.growth)}); largest ${mib(m.max)}`,
      ),
      `Memory flat within ${MEMORY_GROWTH_LIMIT * 100} %: ${verdict.memoryFlat ? 'met' : 'NOT met'}` +
        (growths.length
          ? ` (largest growth ${percent(Math.max(...growths))})`
          : ' (no process memory read: Linux only)'),
      `Restarts during the soak: ${verdict.restarted.length ? verdict.restarted.join(', ') : 'none'}`,
    ].join('\n'),
  );
  return verdict.noErrors && verdict.memoryFlat && !verdict.restarted.length;
}
