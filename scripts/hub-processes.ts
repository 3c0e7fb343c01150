import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { envName, intFromEnv } from '../lib/config';
import type { Logger } from '../lib/logger';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { startHubDatabase, type HubDatabase } from './hub-database';
import { restartDelayMs, RESTART_READY_TIMEOUT_MS, STABLE_AFTER_MS } from './restart-backoff';

/**
 * `npm start`: the four subgraphs and the gateway as five processes, as they are deployed, so the
 * operating system spreads them over the machine's cores. The subgraphs start together (each
 * migrates its own database), the gateway once all four are ready; if one cannot start, the hub
 * stops and exits non-zero (a configuration to fix, not a fault to retry). Once the hub is up, a
 * service that dies is started again after a back-off that grows while it keeps dying, and the
 * others go on answering meanwhile (a dead department costs only its own fields). Ctrl-C stops all five.
 */
interface Service {
  name: string;
  script: string;
  port: number;
  child?: ChildProcess;
  /** Restarts in a row without the service staying up STABLE_AFTER_MS. */
  failures: number;
  readyAt?: number;
  restartTimer?: NodeJS.Timeout;
}

const root = path.resolve(__dirname, '..');

const isRunning = (child: ChildProcess | undefined) =>
  Boolean(child && child.exitCode === null && child.signalCode === null);

/** Ready when its /health answers; refused if the process exits first, or is not ready by `timeoutMs`. */
async function startService(
  service: Service,
  env: NodeJS.ProcessEnv,
  log: Logger,
  timeoutMs = Infinity,
): Promise<void> {
  // HUB_CPU_PROFILE_DIR=<dir>: each service writes a V8 CPU profile there when it stops (the
  // benchmark's --profile). Node refuses --cpu-prof in NODE_OPTIONS, so it goes on the command line.
  const profile = env.HUB_CPU_PROFILE_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${env.HUB_CPU_PROFILE_DIR}`, `--cpu-prof-name=${service.name}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, [...profile, path.join(root, service.script)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  service.child = child;
  log.info({ service: service.name, childPid: child.pid }, `started ${service.name}`);
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = signal ?? `code ${code}`));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== undefined) throw new Error(`${service.name} exited (${exited}) before it was ready`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${service.name} was not ready within ${timeoutMs} ms`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) {
        service.readyAt = Date.now();
        return;
      }
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
    failures: 0,
  }));
  // Every service finds the others where they listen (the gateway, and subgraphs checking keys).
  for (const service of subgraphs) env[`${envName(service.name)}_URL`] ??= `http://127.0.0.1:${service.port}/graphql`;
  const gateway: Service = { name: 'gateway', script: 'gateway/index.js', port: intFromEnv('PORT', 4000), failures: 0 };
  const all = [...subgraphs, gateway];

  let database: HubDatabase | undefined;
  let stopping = false;
  const stop = (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping the gateway and the four subgraphs');
    for (const service of all) clearTimeout(service.restartTimer);
    const running = all.filter((s) => isRunning(s.child));
    let failed = exitCode;
    Promise.all(
      running.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.child!.once('exit', (code) => {
              if (code !== 0) {
                log.error(`${s.name} exited with code ${code} while stopping`);
                failed = 1;
              }
              resolve();
            });
            s.child!.kill('SIGINT');
          }),
      ),
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

  /** Start a service that died again, after its back-off; again and again until it stays up or the hub stops. */
  const restartLater = (service: Service, reason: string) => {
    // A service that stayed up a while starts over from the shortest delay.
    if (service.readyAt !== undefined && Date.now() - service.readyAt >= STABLE_AFTER_MS) service.failures = 0;
    service.readyAt = undefined;
    service.failures += 1;
    const delay = restartDelayMs(service.failures);
    log.error(
      { service: service.name, attempt: service.failures, delayMs: delay },
      `${service.name} stopped unexpectedly (${reason}); restarting it in ${delay} ms (attempt ${service.failures}); the other services keep answering`,
    );
    service.restartTimer = setTimeout(() => {
      if (stopping) return;
      startService(service, env, log, RESTART_READY_TIMEOUT_MS).then(
        () => {
          if (stopping) return;
          log.info(
            { service: service.name, attempt: service.failures },
            `${service.name} is back (restarted after attempt ${service.failures})`,
          );
          watch(service);
        },
        (error: Error) => !stopping && restartLater(service, error.message),
      );
    }, delay);
  };

  /** From now on, an exit the hub did not ask for is a fault: the service is restarted. */
  const watch = (service: Service) => {
    const child = service.child!;
    child.once('exit', (code, signal) => {
      if (stopping || service.child !== child) return;
      restartLater(service, signal ? `signal ${signal}` : `code ${code}`);
    });
  };

  try {
    database = await startHubDatabase(log, () => stop(1));
    await Promise.all(subgraphs.map((s) => startService(s, env, log)));
    await startService(gateway, env, log);
  } catch (error) {
    log.error({ err: error }, 'the hub could not start');
    stop(1);
    return;
  }
  for (const service of all) watch(service);
  log.info(`the hub answers on http://localhost:${gateway.port}/graphql`);
}
