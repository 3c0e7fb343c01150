import fs from 'node:fs';
import os from 'node:os';
import { serviceOf } from './process-cpu';

/** A hub service's process now: its pid and resident memory (VmRSS), in bytes. */
export interface ServiceMemory {
  pid: number;
  rss: number;
}

/**
 * Resident memory of the hub's processes (the children of `hubPid`: the gateway and each
 * subgraph), read from /proc, by service. Linux only; elsewhere nothing is known and the map is empty.
 */
export function hubMemory(hubPid: number): Map<string, ServiceMemory> {
  const memory = new Map<string, ServiceMemory>();
  if (os.platform() !== 'linux') return memory;
  for (const entry of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== hubPid) continue;
      const service = serviceOf(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim());
      if (!service || service === 'PostgreSQL') continue;
      const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1] ?? NaN);
      memory.set(service, { pid: Number(entry), rss: rssKb * 1024 });
    } catch {
      // the process ended between listing and reading
    }
  }
  return memory;
}
