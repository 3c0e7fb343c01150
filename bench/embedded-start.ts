import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { issueDevToken } from '../lib/auth/dev-token';
import { freePort } from '../lib/free-port';

/**
 * What the embedded default costs a newcomer: `npm start` with no database configured, on a
 * fresh data folder (creating the databases and loading the demo district), then a second start
 * on the same folder. For each start: seconds until the gateway answers a query with the demo's
 * five grids, the memory of every process the command started (resident and proportional set
 * size, so pages shared between PostgreSQL's processes count once), after it answers and after
 * it has settled; then Ctrl-C (SIGINT to the process group, as a terminal sends it) and the exit
 * code. Also the size of the data folder, and `npm run token`'s time. Linux only (/proc).
 *
 *   node dist/bench/embedded-start.js [--runs 3] [--command "npm start"] [--settle 10]
 */
const usage =
  'usage: node dist/bench/embedded-start.js [--runs <n>] [--command "<how to start the hub>"] [--settle <seconds>]';

const root = path.resolve(__dirname, '../..');

interface Memory {
  /** Megabytes by service: launcher (npm, sh, tsc), hub (the supervisor), gateway, the four subgraphs, PostgreSQL. */
  rss: Record<string, number>;
  pss: Record<string, number>;
  processes: Record<string, number>;
  /** CPU seconds so far (user and system, with the children each has reaped: tsc, initdb). */
  cpu: Record<string, number>;
}

interface StartFigures {
  answeredSeconds: number;
  atAnswer: Memory;
  settled: Memory;
  stoppedSeconds: number;
  /** Seconds from the command to each service's log line saying it is ready (or what it did). */
  timeline: string;
  exitCode: number | string | null;
}

function serviceOf(commandLine: string): string {
  const [, subgraph] = /subgraphs\/([\w-]+)\/index\.js/.exec(commandLine) ?? [];
  if (subgraph) return subgraph;
  if (/gateway\/index\.js/.test(commandLine)) return 'gateway';
  if (/^(\/bin\/)?sh /.test(commandLine)) return 'launcher';
  if (/scripts\/start-hub\.js/.test(commandLine)) return 'hub';
  if (/^postgres(:|\s|$)/.test(commandLine) || /\/postgres\s/.test(commandLine)) return 'PostgreSQL';
  return 'launcher';
}

/** Every process descended from `rootPid`, by parent links in /proc (PostgreSQL's detached server included). */
function descendants(rootPid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // ended meanwhile
    }
  }
  const found = [rootPid];
  for (let i = 0; i < found.length; i += 1) {
    for (const [pid, parent] of parents) if (parent === found[i]) found.push(pid);
  }
  return found;
}

function kilobytes(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

function memoryOf(rootPid: number): Memory {
  const memory: Memory = { rss: {}, pss: {}, processes: {}, cpu: {} };
  for (const pid of descendants(rootPid)) {
    try {
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // After the name: utime, stime, cutime, cstime are fields 11 to 14 (in clock ticks of 1/100 s).
      const times = stat
        .slice(stat.lastIndexOf(')') + 2)
        .split(' ')
        .slice(11, 15)
        .map(Number);
      const service = serviceOf(commandLine);
      memory.cpu[service] = (memory.cpu[service] ?? 0) + times.reduce((sum, ticks) => sum + ticks, 0) / 100;
      memory.rss[service] = (memory.rss[service] ?? 0) + kilobytes(rollup, 'Rss') / 1024;
      memory.pss[service] = (memory.pss[service] ?? 0) + kilobytes(rollup, 'Pss') / 1024;
      memory.processes[service] = (memory.processes[service] ?? 0) + 1;
    } catch {
      // ended meanwhile
    }
  }
  return memory;
}

const total = (figures: Record<string, number>, without: string[] = []) =>
  Object.entries(figures)
    .filter(([name]) => !without.includes(name))
    .reduce((sum, [, value]) => sum + value, 0);

async function answersWithDemo(url: string, token: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ grids(first: 1) { totalCount } }' }),
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json()) as { data?: { grids?: { totalCount: number } } };
    return body.data?.grids?.totalCount === 5;
  } catch {
    return false;
  }
}

/** The exit code, or the signal that ended it. */
function exited(child: ChildProcess): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}

async function startOnce(
  command: string,
  dataDir: string,
  settleSeconds: number,
  token: string,
): Promise<StartFigures> {
  const ports = {
    PORT: await freePort(),
    GRID_PORT: await freePort(),
    PARTY_BUILDING_PORT: await freePort(),
    SERVICES_PORT: await freePort(),
    CO_BUILDING_PORT: await freePort(),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
  };
  for (const name of Object.keys(env)) if (name.endsWith('DATABASE_URL')) delete env[name];
  const started = process.hrtime.bigint();
  const startedAt = Date.now();
  // A process group of its own, so that SIGINT reaches everything a terminal's Ctrl-C would.
  const child = spawn('sh', ['-c', `exec ${command}`], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${ports.PORT}/graphql`;
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  while (!(await answersWithDemo(url, token))) {
    if (child.exitCode !== null) throw new Error(`the hub exited with ${child.exitCode}:\n${output}`);
    if (seconds() > 300) throw new Error(`the hub did not answer within 300 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const answeredSeconds = seconds();
  const atAnswer = memoryOf(child.pid!);
  await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
  const settled = memoryOf(child.pid!);
  const stopping = process.hrtime.bigint();
  process.kill(-child.pid!, 'SIGINT');
  const exitCode = await exited(child);
  const stoppedSeconds = Number(process.hrtime.bigint() - stopping) / 1e9;
  // Nothing the hub started may outlive it.
  const left = descendants(child.pid!).filter((pid) => pid !== child.pid);
  if (left.length) console.warn(`processes left after the hub stopped: ${left.join(', ')}`);
  // npm ends itself with the signal it was sent once its script has exited; a number is the hub's own code.
  if (typeof exitCode === 'number' && exitCode !== 0)
    console.warn(`the hub exited with ${exitCode}:\n${output.slice(-4000)}`);
  return { answeredSeconds, atAnswer, settled, stoppedSeconds, timeline: timelineOf(output, startedAt), exitCode };
}

/** The services' pino lines (JSON with name, time and msg) as "name: msg at N s". */
function timelineOf(output: string, startedAt: number): string {
  const events: string[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { name?: string; time?: number; msg?: string };
      if (entry.name && entry.time && entry.msg)
        events.push(`${entry.name} ${((entry.time - startedAt) / 1000).toFixed(1)} s (${entry.msg})`);
    } catch {
      // not a log line
    }
  }
  return events.join('; ');
}

function megabytes(value: number): string {
  return `${Math.round(value)}`;
}

function describe(label: string, figures: StartFigures): string {
  const { settled } = figures;
  const services = Object.keys(settled.rss).sort();
  const lines = [
    `${label}: answered after ${figures.answeredSeconds.toFixed(1)} s, stopped in ${figures.stoppedSeconds.toFixed(1)} s with exit code ${figures.exitCode}`,
    `  timeline: ${figures.timeline}`,
    `  CPU seconds until it answered: ${total(figures.atAnswer.cpu).toFixed(1)} (${Object.entries(figures.atAnswer.cpu)
      .map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`)
      .join(', ')})`,
    `  memory settled (MB, RSS/PSS): ${services.map((s) => `${s} ${megabytes(settled.rss[s] ?? 0)}/${megabytes(settled.pss[s] ?? 0)}${(settled.processes[s] ?? 0) > 1 ? ` (${settled.processes[s]} processes)` : ''}`).join(', ')}`,
    `  hub without the launcher: RSS ${megabytes(total(settled.rss, ['launcher']))} MB, PSS ${megabytes(total(settled.pss, ['launcher']))} MB` +
      ` (at the first answer: RSS ${megabytes(total(figures.atAnswer.rss, ['launcher']))}, PSS ${megabytes(total(figures.atAnswer.pss, ['launcher']))});` +
      ` everything the command started: PSS ${megabytes(total(settled.pss))} MB`,
  ];
  return lines.join('\n');
}

function timeTokenCommand(): number {
  const started = process.hrtime.bigint();
  execFileSync('npm', ['run', '-s', 'token', '--', '--role', 'CITY_ADMIN'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      command: { type: 'string', default: 'npm start' },
      settle: { type: 'string', default: '10' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const runs = Number(values.runs);
  const settle = Number(values.settle);
  const token = await issueDevToken({ role: 'CITY_ADMIN' });
  console.log(
    `${os.cpus().length} cores, ${os.cpus()[0]?.model}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; command: ${values.command}`,
  );
  for (let run = 1; run <= runs; run += 1) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-embedded-start-'));
    try {
      const first = await startOnce(values.command!, dataDir, settle, token);
      const size = execFileSync('du', ['-sm', dataDir], { encoding: 'utf8' }).split('\t')[0];
      const second = await startOnce(values.command!, dataDir, settle, token);
      console.log(`run ${run} (load average ${(os.loadavg()[0] ?? NaN).toFixed(1)})`);
      console.log(describe('  first start', first));
      console.log(describe('  second start', second));
      console.log(`  data folder: ${size} MB`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    console.log(`  npm run token: ${timeTokenCommand().toFixed(1)} s`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
