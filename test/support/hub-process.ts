import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * `npm start`'s supervisor (scripts/start-hub.js) as a child process, its log read line by line:
 * which process serves each service now (the supervisor logs each start with the child's pid),
 * and a wait for a line to come.
 */
export interface HubProcess {
  child: ChildProcess;
  /** The pid of the process serving `service` now. */
  pidOf(service: string): number;
  /** Resolves with the first log line, from the `from`-th on, whose message matches. */
  waitForLog(message: RegExp, from?: number, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Log lines so far (a position for waitForLog). */
  lineCount(): number;
  stop(): Promise<number | null>;
}

export async function startHubProcess(env: NodeJS.ProcessEnv): Promise<HubProcess> {
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../scripts/start-hub.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  const pids = new Map<string, number>();
  const listeners = new Set<() => void>();
  let rest = '';
  let raw = '';
  const read = (chunk: Buffer) => {
    raw = (raw + chunk.toString()).slice(-4000);
    rest += chunk.toString();
    const complete = rest.split('\n');
    rest = complete.pop()!;
    for (const text of complete) {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text);
      } catch {
        continue;
      }
      lines.push(line);
      if (typeof line.childPid === 'number' && typeof line.service === 'string') pids.set(line.service, line.childPid);
    }
    listeners.forEach((listener) => listener());
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      resolve(code);
      listeners.forEach((listener) => listener());
    }),
  );

  const waitForLog = (message: RegExp, from = 0, timeoutMs = 60_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = lines.slice(from).find((line) => message.test(String(line.msg)));
        if (found) {
          done();
          resolve(found);
        } else if (exitCode !== undefined) {
          done();
          reject(new Error(`the hub exited (${exitCode}) before logging ${message}:\n${raw}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no log line ${message} within ${timeoutMs} ms:\n${raw}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  await waitForLog(/^the hub answers on/, 0, 120_000);
  return {
    child,
    pidOf(service) {
      const pid = pids.get(service);
      if (!pid) throw new Error(`the hub has not logged a process for ${service}`);
      return pid;
    },
    waitForLog,
    lineCount: () => lines.length,
    stop() {
      if (exitCode !== undefined) return Promise.resolve(exitCode);
      child.kill('SIGINT');
      return exited;
    },
  };
}
