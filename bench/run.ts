import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startGateway } from '../gateway/server';
import type { SubgraphFetch } from '../gateway/subgraph-fetcher';
import { itemAt } from '../lib/lists';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { floorOf, type Recording } from './floor';
import { atConcurrency, atRate, median, type LoadResult, type Operation } from './load';
import { BENCH_KEY_PREFIX, OPERATIONS, removeBenchCases, type BenchOperation } from './operations';
import { cpuPerOperation, cpuSnapshot, otherCpuSnapshot } from './process-cpu';
import { ms, RESULTS_DIR, type DataSize, type SavedOperation, type SavedRun } from './saved-run';
import { runSoak, SOAK_DEFAULT_RATE } from './soak';
import { callerIdentity } from '../gateway/caller-identity';
import { issueDevToken } from '../lib/auth/dev-token';
import { serviceToken } from '../lib/auth/internal-token';
import { DEV_CLIENT_PUBLIC_JWK } from '../lib/auth/dev-keys';
import { freePort } from '../lib/free-port';

/**
 * `npm run bench`: each named operation through our gateway, through Hive Gateway loading the same
 * supergraph file, and as its floor (the same subgraph fetches sent directly), at fixed
 * concurrency after a warm-up, several rounds, medians reported; plus latency at a fixed
 * arrival rate and SQL statements per operation. Runs against the database in DATABASE_URL
 * (generate one with `npm run seed -- --scale district`). `--smoke`: one short round, no Hive.
 */
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const text = (name: string): string => {
  const given = args[args.indexOf(`--${name}`) + 1];
  if (given === undefined) {
    console.error(`--${name} needs a value`);
    process.exit(2);
  }
  return given;
};
const smoke = flag('smoke');
/**
 * `--out <name>`: the tables go to bench/results/<name>.md and .json (default `latest`; `smoke`
 * with --smoke), so runs on different data can be kept side by side for `npm run bench:growth`.
 */
const outName = args.includes('--out') ? args[args.indexOf('--out') + 1] : smoke ? 'smoke' : 'latest';
if (!/^[a-z0-9][a-z0-9-]*$/.test(outName ?? '')) {
  console.error(`--out needs a name of lower-case letters, digits and hyphens (got "${outName ?? ''}")`);
  process.exit(2);
}
const settings = {
  seconds: value('seconds', smoke ? 1 : 8),
  warmup: value('warmup', smoke ? 1 : 3),
  rounds: value('rounds', smoke ? 1 : 3),
  concurrency: value('concurrency', smoke ? 2 : 8),
  rate: value('rate', smoke ? 20 : 100),
  hive: !smoke && !flag('no-hive'),
  /** `--profile <dir>`: the hub's five processes write V8 CPU profiles there (open in Chrome DevTools). */
  profileDir: args.includes('--profile') ? path.resolve(text('profile')) : undefined,
  /** `--soak [--minutes N]`: mixed load at the fixed rate for N minutes (default 10) instead of the measurements (bench/soak.ts). */
  soak: flag('soak'),
  minutes: value('minutes', 10),
};

/** Stop a started process and what it started (its process group); resolves when it has exited. */
function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const stopped = new Promise<void>((resolve) =>
    child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
  return stopped;
}

const started: ChildProcess[] = [];
// In groups of their own they no longer hear the terminal's Ctrl-C: the benchmark passes it on.
process.on('exit', () => started.forEach((child) => child.exitCode === null && void stopProcess(child, 'SIGTERM')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/**
 * A process in a group of its own, so that stopProcess reaches what it starts too: npx runs Hive
 * Gateway as a child, which outlived a signal to npx alone and, holding the output pipes, kept
 * the benchmark from exiting after its report.
 */
function startProcess(
  command: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  cwd?: string,
): Promise<ChildProcess> {
  const child = spawn(command, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  started.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${argv.join(' ')} did not start:\n${output.slice(-2000)}`)),
      180_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${argv.join(' ')} exited with ${code}:\n${output.slice(-2000)}`)));
  });
}

async function sqlCounts(urls: Record<string, string>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, url] of Object.entries(urls)) {
    const metrics = await fetch(url.replace(/\/graphql$/, '/metrics'), {
      headers: { authorization: `Bearer ${await serviceToken('bench')}` },
    });
    const text = await metrics.text();
    counts[name] = Number(/hub_sql_statements_total\{[^}]*\} (\d+)/.exec(text)?.[1] ?? NaN);
  }
  return counts;
}

/** Progress of a long run: each phase as it starts, each round as it ends. */
const progress = {
  phase: (operation: string, phase: string) => console.log(`  ${operation}: ${phase}…`),
  /** A round's figures, or a single run's (no round number). */
  result: (result: LoadResult, round?: number) =>
    console.log(
      `    ${round === undefined ? '' : `round ${round + 1} of ${settings.rounds}: `}${result.throughput.toFixed(0)} req/s, ` +
        `p50 ${ms(result.p50)} / p95 ${ms(result.p95)} ms${result.errors ? `, ${result.errors} failed` : ''}`,
    ),
};

/** Seconds one operation's phases take by the settings (the five phases below, Hive's when it runs). */
function secondsPerOperation(): number {
  const closedLoop = settings.warmup + settings.rounds * settings.seconds;
  return (
    closedLoop * (settings.hive ? 3 : 2) +
    settings.seconds +
    settings.rounds * Math.max(2, settings.seconds) * (settings.hive ? 2 : 1)
  );
}

/** Warm-up, then the rounds; with `hubPid`, also the CPU each hub process and PostgreSQL spent per operation. */
async function rounds(operation: Operation, hubPid?: number): Promise<LoadResult & { cpu?: Record<string, number> }> {
  await atConcurrency(operation, settings.concurrency, settings.warmup);
  const results: LoadResult[] = [];
  const before = hubPid ? cpuSnapshot(hubPid) : undefined;
  for (let round = 0; round < settings.rounds; round += 1) {
    const result = await atConcurrency(operation, settings.concurrency, settings.seconds);
    results.push(result);
    progress.result(result, round);
  }
  const cpu =
    hubPid && before
      ? cpuPerOperation(
          before,
          cpuSnapshot(hubPid),
          results.reduce((sum, r) => sum + r.requests, 0),
        )
      : undefined;
  return { cpu, ...medianOf(results) };
}

/** What else ran on the machine while the hub served a fixed rate, in ms of CPU a second (of the machine's 1 000 per core). */
interface MachineShare {
  /** The benchmark's own client, which sends the requests and times them. */
  client: number;
  /** Every other process, by name, largest first: they took these cores from the hub. */
  others: Array<{ name: string; ms: number }>;
}

/**
 * The fixed arrival rate, as many rounds as the closed loop has, medians: one round of a few
 * seconds is at the mercy of a single stall of a shared machine. Each round's p95 is kept too,
 * and what else took CPU meanwhile, so that a slow round can be told from a slow hub.
 */
async function fixedRateRounds(
  operation: Operation,
  measuredGroups: number[],
): Promise<LoadResult & { roundsP95: number[]; machine: MachineShare }> {
  const results: LoadResult[] = [];
  const started = performance.now();
  const clientBefore = process.cpuUsage();
  const othersBefore = otherCpuSnapshot(measuredGroups);
  for (let round = 0; round < settings.rounds; round += 1) {
    const result = await atRate(operation, settings.rate, Math.max(2, settings.seconds));
    results.push(result);
    progress.result(result, round);
  }
  const seconds = (performance.now() - started) / 1000;
  const client = process.cpuUsage(clientBefore);
  // Milliseconds per second: the per-operation arithmetic with seconds for operations.
  const others = Object.entries(cpuPerOperation(othersBefore, otherCpuSnapshot(measuredGroups), seconds))
    .map(([name, ms]) => ({ name, ms }))
    .filter(({ ms }) => ms > 0)
    .sort((a, b) => b.ms - a.ms);
  return {
    ...medianOf(results),
    roundsP95: results.map((r) => r.p95),
    machine: { client: (client.user + client.system) / 1000 / seconds, others },
  };
}

/** A fixed-rate line's note on the machine: the others' total and the largest of them, the client's own share. */
function machineNote({ client, others }: MachineShare): string {
  const total = others.reduce((sum, { ms }) => sum + ms, 0);
  const largest = others
    .slice(0, 3)
    .filter(({ ms }) => ms >= 1)
    .map(({ name, ms }) => `${name} ${ms.toFixed(0)}`);
  return `other processes ${total.toFixed(0)}${largest.length ? ` (${largest.join(', ')})` : ''}, the benchmark's client ${client.toFixed(0)}`;
}

/** Medians over rounds; errors are the worst round's, the first error the first round's that had one. */
function medianOf(results: LoadResult[]): LoadResult {
  return {
    requests: median(results.map((r) => r.requests)),
    errors: Math.max(...results.map((r) => r.errors)),
    firstError: results.find((r) => r.firstError)?.firstError,
    seconds: results[0]?.seconds ?? 0,
    throughput: median(results.map((r) => r.throughput)),
    p50: median(results.map((r) => r.p50)),
    p95: median(results.map((r) => r.p95)),
    p99: median(results.map((r) => r.p99)),
  };
}

const CPU_COLUMNS = ['gateway', ...SUBGRAPHS.map((s) => s.name), 'PostgreSQL'];

/** Without a superuser the append-only timeline keeps the benchmark's cases: said, and the run goes on. */
function warnNotRemoved(error: Error): undefined {
  console.warn(
    `the cases the benchmark reported (idempotency keys "${BENCH_KEY_PREFIX}…") could not be removed: ${error.message}; ` +
      'regenerate the district (npm run seed -- --scale district --replace) to start from generated data again',
  );
  return undefined;
}

/**
 * The hub runs as deployed, as Hive Gateway is run: NODE_ENV=production (graphql-js and Express
 * take their production paths; errors, introspection and limits are production's). Production
 * verifies client tokens only with a configured key: the benchmark configures the development
 * key it signs its clients' tokens with, and an internal secret of its own for this run. Set on
 * this process too, whose recording gateway and internal tokens must match the hub's.
 */
function runAsDeployed(): void {
  process.env.NODE_ENV = 'production';
  process.env.AUTH_PUBLIC_KEY = JSON.stringify({ ...DEV_CLIENT_PUBLIC_JWK, alg: 'EdDSA' });
  process.env.HUB_INTERNAL_SECRET = randomBytes(32).toString('hex');
}

async function main(): Promise<void> {
  runAsDeployed();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error('set DATABASE_URL to a database with a generated district (npm run seed -- --scale district)');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  // Intake writes cases; they are removed at the end, and here if an earlier run stopped before it.
  const servicesDb = new Client({ connectionString: process.env.SERVICES_DATABASE_URL ?? databaseUrl });
  await servicesDb.connect();
  await removeBenchCases(servicesDb).catch(warnNotRemoved);
  const { rows } = await db.query(
    `select (select count(*) from grid.grid)::int as grids, (select count(*) from grid.resident)::int as residents`,
  );
  const { rows: caseRows } = await servicesDb.query(`select count(*)::int as cases from services.service_case`);
  const size: DataSize = { ...(rows[0] as { grids: number; residents: number }), cases: caseRows[0].cases };

  const ports: Record<string, number> = { gateway: await freePort() };
  for (const entry of SUBGRAPHS) ports[entry.name] = await freePort();
  // All load comes from one address and a few tokens: the per-client rate limit is off unless asked for.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    PORT: String(ports.gateway),
    RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '0',
  };
  if (settings.profileDir) env.HUB_CPU_PROFILE_DIR = settings.profileDir;
  for (const entry of SUBGRAPHS) env[`${entry.name.toUpperCase().replace(/-/g, '_')}_PORT`] = String(ports[entry.name]);
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}/graphql`]));
  console.log(`starting the hub on ${size.grids} grids, ${size.residents} residents and ${size.cases} cases…`);
  const hub = await startProcess(
    process.execPath,
    [path.resolve(__dirname, '../scripts/start-hub.js')],
    { ...env, LOG_LEVEL: 'info' },
    /the hub answers on/,
  );
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  if (settings.soak) {
    // A steady rate a 2-core machine sustains for many minutes beside its other work, unless told (--rate).
    const rate = args.includes('--rate') ? settings.rate : SOAK_DEFAULT_RATE;
    const met = await runSoak(db, gatewayUrl, hub.pid!, { minutes: settings.minutes, rate, intervalSeconds: 30 });
    const removed = await removeBenchCases(servicesDb).catch(warnNotRemoved);
    if (removed !== undefined) console.log(`removed the ${removed} cases the soak reported`);
    await stopProcess(hub, 'SIGINT');
    await db.end();
    await servicesDb.end();
    process.exitCode = met ? 0 : 1;
    return;
  }

  let recorded: SubgraphFetch[] = [];
  const recorder = await startGateway({ port: 0, subgraphUrls, observeSubgraphFetch: (f) => recorded.push(f) });

  let hive: ChildProcess | undefined;
  let hiveUrl: string | undefined;
  let hiveNote = 'not run (--smoke or --no-hive)';
  if (settings.hive) {
    const supergraph = fs
      .readFileSync(path.resolve(__dirname, '../../gateway/supergraph.graphql'), 'utf8')
      .replace(/url: "http:\/\/127\.0\.0\.1:(\d+)\/graphql"/g, (_m, port) => {
        const entry = SUBGRAPHS.find((s) => s.defaultPort === Number(port));
        return `url: "${entry ? subgraphUrls[entry.name] : ''}"`;
      });
    const file = path.join(os.tmpdir(), `bench-supergraph-${process.pid}.graphql`);
    fs.writeFileSync(file, supergraph);
    const port = await freePort();
    // Hive passes the caller's Authorization on to the subgraphs; the benchmark sends it the internal
    // token our gateway would have minted, since Hive does not mint one.
    const hiveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hive-'));
    fs.writeFileSync(
      path.join(hiveDir, 'gateway.config.mjs'),
      "export const gatewayConfig = { propagateHeaders: { fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') }) } };\n",
    );
    try {
      hive = await startProcess(
        'npx',
        ['--yes', '@graphql-hive/gateway@2.15.1', 'supergraph', file, '--port', String(port)],
        { ...process.env, NODE_ENV: 'production' },
        /(Listening|Serving|started) .*(http|localhost)/i,
        hiveDir,
      );
      hiveUrl = `http://127.0.0.1:${port}/graphql`;
      hiveNote = '@graphql-hive/gateway 2.15.1, same supergraph file';
    } catch (error) {
      hiveNote = `Hive Gateway did not start: ${(error as Error).message.split('\n')[0]}`;
    }
  }

  // Client tokens per variable set (a worker's request carries that worker's token), and the internal
  // tokens our gateway makes of them, for Hive, which passes Authorization through.
  const gridUrl = subgraphUrls.grid;
  if (!gridUrl) throw new Error('the hub has no grid subgraph to resolve territories');
  const { internalTokenFor } = callerIdentity({ gridUrl: () => gridUrl, timeoutMs: 10_000, production: false });
  const credentialsFor = async (operation: BenchOperation, variables: Record<string, unknown>) => {
    const client = `Bearer ${await issueDevToken(operation.identity(variables))}`;
    return { client, internal: `Bearer ${await internalTokenFor(client)}` };
  };

  const table: string[] = [];
  const cpuTable: string[] = [];
  const errorsSeen: string[] = [];
  const rateRounds: string[] = [];
  const floorsNarrowed: string[] = [];
  const json: SavedOperation[] = [];
  const selected = OPERATIONS.filter((operation) => !args.includes('--only') || args.includes(operation.name));
  console.log(
    `measuring ${selected.length} operation(s), about ${Math.ceil((selected.length * secondsPerOperation()) / 60)} min of load`,
  );
  for (const operation of selected) {
    const variables = await operation.variables(db);
    const variants = (await operation.variants?.(db)) ?? [];
    const bodyWith = (base: Record<string, unknown> = variables) => {
      const fresh = operation.fresh?.() ?? {};
      const merged =
        Object.keys(fresh).length && variables.input
          ? { ...base, input: { ...(base.input as object), ...fresh } }
          : { ...base, ...fresh };
      return JSON.stringify({ query: operation.query, variables: merged });
    };
    const sets = variants.length ? variants.map((variant) => ({ ...variables, ...variant })) : [variables];
    // A body is written once per variable set, unless every request needs fresh values (an intake's key):
    // the client shares the hub's two cores, so what it spends per request is taken from the hub.
    const calls = await Promise.all(
      sets.map(async (set) => ({
        variables: set,
        body: operation.fresh ? undefined : bodyWith(set),
        ...(await credentialsFor(operation, set)),
      })),
    );
    // Internal tokens of territorial roles live a minute: renewed (from the gateway's cache, re-minted
    // near expiry) while the operation runs, for Hive and the floor, which send them as they are.
    const renewal = setInterval(() => {
      for (const call of calls)
        internalTokenFor(call.client).then(
          (token) => (call.internal = `Bearer ${token}`),
          () => undefined,
        );
    }, 2000);
    let turn = 0;
    const request = (url: string, credential: 'client' | 'internal') => ({
      url,
      next: () => {
        const call = itemAt(calls, turn++ % calls.length);
        return { body: call.body ?? bodyWith(call.variables), headers: { authorization: call[credential] } };
      },
    });
    /** One request with the variable set at `index`, and the body sent (where an intake's fresh values are). */
    const once = async (url: string, index = 0) => {
      turn = index;
      const { body, headers } = request(url, 'client').next();
      turn = 0;
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
      return { body, answer: (await response.json()) as { errors?: unknown[] } };
    };
    const { answer: check } = await once(gatewayUrl);
    if (check.errors) throw new Error(`${operation.name} fails: ${JSON.stringify(check.errors).slice(0, 500)}`);
    const before = await sqlCounts(subgraphUrls);
    await once(gatewayUrl);
    const after = await sqlCounts(subgraphUrls);
    const statements = Object.entries(after).reduce((sum, [name, n]) => sum + n - (before[name] ?? 0), 0);
    // The floor: the subgraph fetches our gateway makes for each variable set, recorded one set at a time.
    const recordings: Recording[] = [];
    for (const [index, call] of calls.entries()) {
      recorded = [];
      const { body, answer } = await once(recorder.url, index);
      if (!answer.errors) recordings.push({ gatewayBody: body, fetches: recorded, authorization: () => call.internal });
    }
    if (!recordings.length)
      throw new Error(`${operation.name} fails for every variable set through the recording gateway`);
    const floorPlan = floorOf(recordings, operation.fresh);

    console.log(
      `${operation.name}: ${statements} SQL statements, ${floorPlan.fetches} subgraph fetches in ${floorPlan.operation.length} step(s); ` +
        `the floor replays those of ${floorPlan.variableSets} of ${calls.length} variable set(s)`,
    );
    progress.phase(operation.name, `${settings.concurrency} clients through our gateway`);
    const ours = await rounds([[request(gatewayUrl, 'client')]], hub.pid);
    // One client alone: the latency a user sees when the hub is not busy.
    progress.phase(operation.name, 'one client alone');
    const alone = await atConcurrency([[request(gatewayUrl, 'client')]], 1, settings.seconds);
    progress.result(alone);
    progress.phase(operation.name, `the floor, ${settings.concurrency} clients`);
    const floor = await rounds(floorPlan.operation);
    if (hiveUrl) progress.phase(operation.name, `${settings.concurrency} clients through Hive Gateway`);
    const theirs = hiveUrl ? await rounds([[request(hiveUrl, 'internal')]]) : undefined;
    progress.phase(operation.name, `${settings.rate} requests a second through our gateway`);
    // The hub and Hive Gateway each run in a process group of their own (startProcess): neither counts as the machine's other load.
    const measuredGroups = [hub.pid, hive?.pid].filter((pid): pid is number => pid !== undefined);
    const fixedRate = await fixedRateRounds([[request(gatewayUrl, 'client')]], measuredGroups);
    if (hiveUrl) progress.phase(operation.name, `${settings.rate} requests a second through Hive Gateway`);
    const theirsAtRate = hiveUrl ? await fixedRateRounds([[request(hiveUrl, 'internal')]], measuredGroups) : undefined;
    rateRounds.push(
      `${operation.name}: ours ${fixedRate.roundsP95.map(ms).join(', ')} (${machineNote(fixedRate.machine)})` +
        (theirsAtRate
          ? `; Hive ${theirsAtRate.roundsP95.map(ms).join(', ')} (${machineNote(theirsAtRate.machine)})`
          : ''),
    );
    if (floorPlan.variableSets < calls.length) {
      floorsNarrowed.push(
        `- ${operation.name}: ${floorPlan.variableSets} of ${calls.length} (the others' plans ran other steps: one with nothing to join makes no second fetch)`,
      );
    }
    clearInterval(renewal);
    json.push({
      operation: operation.name,
      statements,
      fetches: floorPlan.fetches,
      floorVariableSets: floorPlan.variableSets,
      alone,
      ours,
      floor,
      hive: theirs,
      fixedRate,
      hiveFixedRate: theirsAtRate,
    });
    const cpu = ours.cpu ?? {};
    const cpuTotal = Object.values(cpu).reduce((sum, n) => sum + n, 0);
    cpuTable.push(
      `| ${operation.name} | ${floorPlan.fetches} | ${CPU_COLUMNS.map((name) => (cpu[name] === undefined ? 'n/a' : cpu[name].toFixed(1))).join(' | ')} | ` +
        `${Object.keys(cpu).length ? cpuTotal.toFixed(1) : 'n/a'} |`,
    );
    const runs = {
      '1 client': alone,
      [`${settings.concurrency} clients`]: ours,
      [`${settings.rate} req/s`]: fixedRate,
      floor,
      Hive: theirs,
      [`Hive at ${settings.rate} req/s`]: theirsAtRate,
    };
    for (const [run, result] of Object.entries(runs)) {
      if (result?.firstError)
        errorsSeen.push(
          `- ${operation.name}, ${run}: ${result.errors} request(s) failed; the first got ${result.firstError.replace(/\s+/g, ' ')}`,
        );
    }
    table.push(
      `| ${operation.name} | ${statements} | ${ms(alone.p50)} / ${ms(alone.p95)} | ${ms(ours.p50)} / ${ms(ours.p95)} / ${ms(ours.p99)} | ${ours.throughput.toFixed(0)} | ` +
        `${ms(floor.p50)} / ${ms(floor.p95)} | ${(ours.p50 / floor.p50).toFixed(2)}× | ` +
        `${theirs ? `${ms(theirs.p50)} / ${ms(theirs.p95)} / ${ms(theirs.p99)}` : 'n/a'} | ${theirs ? theirs.throughput.toFixed(0) : 'n/a'} | ` +
        `${ms(fixedRate.p50)} / ${ms(fixedRate.p95)} | ${theirsAtRate ? `${ms(theirsAtRate.p50)} / ${ms(theirsAtRate.p95)}` : 'n/a'} | ` +
        `${ours.errors + alone.errors + fixedRate.errors} / ${floor.errors} / ${theirs && theirsAtRate ? theirs.errors + theirsAtRate.errors : 'n/a'} |`,
    );
  }

  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim()}`;
  const report = [
    `# Benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${machine}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, PostgreSQL from DATABASE_URL. Both gateways and the subgraphs run with NODE_ENV=production.`,
    `Data: ${size.grids} grids, ${size.residents} residents, ${size.cases} cases. Load: ${settings.concurrency} concurrent clients, ${settings.warmup} s warm-up, ` +
      `${settings.rounds} round(s) of ${settings.seconds} s, medians; fixed rate ${settings.rate} req/s, ${settings.rounds} round(s) of ${Math.max(2, settings.seconds)} s, medians. Hive: ${hiveNote}.`,
    '',
    `| operation | SQL/op | 1 client p50 / p95 ms | ${settings.concurrency} clients p50 / p95 / p99 ms | req/s | floor p50 / p95 ms | gateway ÷ floor (p50) | Hive p50 / p95 / p99 ms | Hive req/s | at ${settings.rate} req/s p50 / p95 ms | Hive at ${settings.rate} req/s p50 / p95 ms | errors: ours / floor / Hive |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...table,
    '',
    `CPU per operation in ms, over the ${settings.concurrency}-client rounds through our gateway (from /proc: time each process actually ran; PostgreSQL is all its backends):`,
    '',
    `| operation | subgraph fetches | ${CPU_COLUMNS.join(' | ')} | total |`,
    `|---|---|${CPU_COLUMNS.map(() => '---|').join('')}---|`,
    ...cpuTable,
    '',
    'Floor: the subgraph fetches our gateway made for the operation, recorded for each variable set and sent directly, cycling through the sets as the requests through the gateway do, parallel where the plan ran them in parallel.',
    'Errors: requests answered with an error or not at all; a column with errors does not measure the operation (an error is fast).',
    'Requests cycle through different variable sets (workers, communities, streets, months, grids) as real clients do; grids-outside-band has no variables,',
    'so its concurrent requests are identical: both gateways send an identical subgraph read already in flight only once.',
    '',
    `At ${settings.rate} req/s, each round's p95 in ms (the table shows their median), through our gateway and through Hive's, and the CPU that ` +
      `processes outside the hub, Hive and PostgreSQL took meanwhile, in ms a second (each core has 1 000): kernel threads and other services share ` +
      `the cores with the hub:`,
    '',
    ...rateRounds.map((line) => `- ${line}`),
    '',
    ...(floorsNarrowed.length ? ['Variable sets the floor replays, where not all:', '', ...floorsNarrowed, ''] : []),
    ...(errorsSeen.length ? ['Errors seen:', '', ...errorsSeen, ''] : []),
  ].join('\n');
  console.log(`\n${report}`);
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${outName}.md`), report);
  const saved: SavedRun = { ranAt: new Date().toISOString(), machine, settings, size, results: json };
  fs.writeFileSync(path.join(RESULTS_DIR, `${outName}.json`), JSON.stringify(saved, null, 2));
  console.log(`written to bench/results/${outName}.md and .json`);

  const removed = await removeBenchCases(servicesDb).catch(warnNotRemoved);
  if (removed !== undefined) console.log(`removed the ${removed} cases the benchmark reported`);
  await recorder.stop();
  if (hive) await stopProcess(hive, 'SIGTERM');
  await stopProcess(hub, 'SIGINT');
  if (settings.profileDir) console.log(`CPU profiles of the hub's processes: ${settings.profileDir}`);
  await db.end();
  await servicesDb.end();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
