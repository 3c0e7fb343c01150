import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { envName, intFromEnv } from '../lib/config';
import type { Logger } from '../lib/logger';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { startHubDatabase, type HubDatabase } from './hub-database';

/**
 * `npm start`: the four subgraphs and the gateway as five processes, as they are deployed, so the
 * operating system spreads them over the machine's cores. The subgraphs start together (each
 * migrates its own database), the gateway once all four are ready. Ctrl-C stops all five; if one
 * dies, the others are stopped and the hub exits non-zero.
 */
interface Service {
  name: string;
  script: string;
  port: number;
  child?: ChildProcess;
}

const root = path.resolve(__dirname, '..');

/** Ready when its /health answers; refused if the process exits first. */
async function startService(service: Service, env: NodeJS.ProcessEnv): Promise<void> {
  // HUB_CPU_PROFILE_DIR=<dir>: each service writes a V8 CPU profile there when it stops (the
  // benchmark's --profile). Node refuses --cpu-prof in NODE_OPTIONS, so it goes on the command line.
  const profile = env.HUB_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${env.HUB_CPU_PROFILE_DIR}`, `--cpu-prof-name=${service.name}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...profile, path.join(root, service.script)], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  service.child = child;
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  for (;;) {
    if (exited !== undefined) throw new Error(`${service.name} exited with code ${exited} before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function runHubProcesses(log: Logger): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const subgraphs: Service[] = SUBGRAPHS.map((entry) => ({
    name: entry.name,
    script: `subgraphs/${entry.name}/index.js`,
    port: intFromEnv(`${envName(entry.name)}_PORT`, entry.defaultPort),
  }));
  // Every service finds the others where they listen (the gateway, and subgraphs checking keys).
  for (const service of subgraphs) env[`${envName(service.name)}_URL`] ??= `http://127.0.0.1:${service.port}/graphql`;
  const gateway: Service = { name: 'gateway', script: 'gateway/index.js', port: intFromEnv('PORT', 4000) };
  const all = [...subgraphs, gateway];

  let database: HubDatabase | undefined;
  let stopping = false;
  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping the gateway and the four subgraphs');
    const running = all.filter((s) => s.child && s.child.exitCode === null && s.child.signalCode === null);
    let failed = exitCode;
    Promise.all(
      running.map((s) => new Promise<void>((resolve) => {
        s.child!.once('exit', (code) => {
          if (code !== 0) {
            log.error(`${s.name} exited with code ${code} while stopping`);
            failed = 1;
          }
          resolve();
        });
        s.child!.kill('SIGINT');
      })),
    )
      .then(() => database?.stop())
      .catch((error) => {
        log.error({ err: error }, 'the embedded PostgreSQL did not stop cleanly');
        failed = 1;
      })
      .then(() => process.exit(failed));
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  // A closed terminal: stop as on Ctrl-C, so the embedded PostgreSQL is not left running.
  process.on('SIGHUP', () => stop(0));

  try {
    database = await startHubDatabase(log, () => stop(1));
    await Promise.all(subgraphs.map((s) => startService(s, env)));
    await startService(gateway, env);
  } catch (error) {
    log.error({ err: error }, 'the hub could not start');
    stop(1);
    return;
  }
  for (const service of all) {
    service.child!.once('exit', (code) => {
      if (!stopping) {
        log.error(`${service.name} stopped unexpectedly (code ${code}); stopping the hub`);
        stop(1);
      }
    });
  }
  log.info(`the hub answers on http://localhost:${gateway.port}/graphql`);
}
