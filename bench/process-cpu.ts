import fs from 'node:fs';
import os from 'node:os';

/**
 * CPU time of the hub's processes (gateway, each subgraph) and of PostgreSQL, read from /proc,
 * so the benchmark can say where an operation's time goes: profiles sampled on a busy 2-core
 * machine also count the time a process waits for a core, /proc counts only the time it ran.
 * Linux only; elsewhere every figure is unknown.
 */

/** CPU seconds so far of each process, by pid, with the service it belongs to. */
export type CpuSnapshot = Map<number, { service: string; seconds: number }>;

const TICKS_PER_SECOND = 100;

/** The process a command line belongs to: a hub service by its entry script, or PostgreSQL. */
function serviceOf(commandLine: string): string | null {
  const subgraph = /subgraphs\/([\w-]+)\/index\.js/.exec(commandLine);
  if (subgraph) return subgraph[1];
  if (/gateway\/index\.js/.test(commandLine)) return 'gateway';
  if (/^postgres(:|\s|$)/.test(commandLine) || /\/postgres\s/.test(commandLine)) return 'PostgreSQL';
  return null;
}

/** CPU seconds so far of the hub's processes (children of `hubPid`) and of every PostgreSQL process. */
export function cpuSnapshot(hubPid: number): CpuSnapshot {
  const totals: CpuSnapshot = new Map();
  if (os.platform() !== 'linux') return totals;
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const service = serviceOf(commandLine);
      if (!service) continue;
      // Fields after the command name: state is [0], ppid [1], utime [11], stime [12].
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      if (service !== 'PostgreSQL' && Number(fields[1]) !== hubPid) continue;
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      totals.set(Number(pid), { service, seconds });
    } catch {
      // the process ended between listing and reading
    }
  }
  return totals;
}

/**
 * Milliseconds of CPU per operation, per service, between two snapshots. Per process, so that a
 * PostgreSQL backend that closed in between (a pool letting an idle connection go) takes its
 * time with it rather than making the sum negative; one that opened counts from zero.
 */
export function cpuPerOperation(before: CpuSnapshot, after: CpuSnapshot, operations: number): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [pid, { service, seconds }] of after) {
    result[service] = (result[service] ?? 0) + ((seconds - (before.get(pid)?.seconds ?? 0)) * 1000) / operations;
  }
  return result;
}
