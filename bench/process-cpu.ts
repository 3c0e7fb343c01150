import fs from 'node:fs';
import os from 'node:os';

/**
 * CPU time of the hub's processes (gateway, each subgraph) and of PostgreSQL, read from /proc,
 * so the benchmark can say where an operation's time goes: profiles sampled on a busy 2-core
 * machine also count the time a process waits for a core, /proc counts only the time it ran.
 * Also the CPU everything else on the machine took meanwhile (kernel threads included), which
 * the hub had to share the cores with. Linux only; elsewhere every figure is unknown.
 */

/** CPU seconds so far of each process, by pid, with the service (or, for other processes, the name) it belongs to. */
export type CpuSnapshot = Map<number, { service: string; seconds: number }>;

const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  pid: number;
  ppid: number;
  /** Its process group: the hub and Hive Gateway are each started in a group of their own, with what they start. */
  group: number;
  /** The kernel's name for it (a kernel thread has no command line). */
  name: string;
  commandLine: string;
  seconds: number;
}

/** The process a command line belongs to: a hub service by its entry script, or PostgreSQL. */
export function serviceOf(commandLine: string): string | null {
  const [, subgraph] = /subgraphs\/([\w-]+)\/index\.js/.exec(commandLine) ?? [];
  if (subgraph) return subgraph;
  if (/gateway\/index\.js/.test(commandLine)) return 'gateway';
  if (/^postgres(:|\s|$)/.test(commandLine) || /\/postgres\s/.test(commandLine)) return 'PostgreSQL';
  return null;
}

/** Every process's CPU seconds so far, as /proc tells them. */
function processTimes(): ProcessTimes[] {
  if (os.platform() !== 'linux') return [];
  const processes: ProcessTimes[] = [];
  for (const pid of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The name is in parentheses and may itself hold spaces or parentheses.
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // Fields after the name: state is [0], ppid [1], process group [2], utime [11], stime [12].
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      processes.push({
        pid: Number(pid),
        ppid: Number(fields[1]),
        group: Number(fields[2]),
        name,
        commandLine,
        seconds,
      });
    } catch {
      // the process ended between listing and reading
    }
  }
  return processes;
}

/** CPU seconds so far of the hub's processes (children of `hubPid`) and of every PostgreSQL process. */
export function cpuSnapshot(hubPid: number): CpuSnapshot {
  const totals: CpuSnapshot = new Map();
  for (const process of processTimes()) {
    const service = serviceOf(process.commandLine);
    if (!service || (service !== 'PostgreSQL' && process.ppid !== hubPid)) continue;
    totals.set(process.pid, { service, seconds: process.seconds });
  }
  return totals;
}

/**
 * CPU seconds so far of every other process on the machine, kernel threads included, by its
 * name: not the process groups measured (the hub's, Hive Gateway's), not PostgreSQL, not this
 * benchmark.
 */
export function otherCpuSnapshot(measuredGroups: readonly number[]): CpuSnapshot {
  const totals: CpuSnapshot = new Map();
  for (const other of processTimes()) {
    if (
      other.pid === process.pid ||
      measuredGroups.includes(other.group) ||
      serviceOf(other.commandLine) === 'PostgreSQL'
    )
      continue;
    totals.set(other.pid, { service: other.name, seconds: other.seconds });
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
