import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { cpuPerOperation, otherCpuSnapshot, type CpuSnapshot } from '../../bench/process-cpu';

const snapshot = (entries: Array<[number, string, number]>): CpuSnapshot =>
  new Map(entries.map(([pid, service, seconds]) => [pid, { service, seconds }]));

describe("the benchmark's CPU per operation", () => {
  it('sums each service over its processes and divides by the operations', () => {
    const before = snapshot([
      [10, 'grid', 1.0],
      [20, 'PostgreSQL', 5.0],
      [21, 'PostgreSQL', 2.0],
    ]);
    const after = snapshot([
      [10, 'grid', 1.5],
      [20, 'PostgreSQL', 5.3],
      [21, 'PostgreSQL', 2.2],
    ]);
    const perOperation = cpuPerOperation(before, after, 100);
    expect(perOperation.grid).toBeCloseTo(5, 6);
    expect(perOperation.PostgreSQL).toBeCloseTo(5, 6);
  });

  it('counts a process that started in between from zero and ignores one that ended, never going negative', () => {
    // Backend 20 closed (a pool let an idle connection go) after 9 s of CPU; backend 22 opened and ran 0.4 s.
    const before = snapshot([
      [20, 'PostgreSQL', 9.0],
      [21, 'PostgreSQL', 1.0],
    ]);
    const after = snapshot([
      [21, 'PostgreSQL', 1.2],
      [22, 'PostgreSQL', 0.4],
    ]);
    expect(cpuPerOperation(before, after, 200).PostgreSQL).toBeCloseTo(3, 6);
  });
});

describe("the benchmark's view of the rest of the machine", () => {
  // /proc is Linux's; elsewhere every snapshot is empty and the benchmark reports nothing.
  const onLinux = process.platform === 'linux' ? it : it.skip;

  onLinux(
    'counts another process by its name, and never a measured process group or the benchmark itself',
    async () => {
      // A process that burns 300 ms of its own CPU (not of wall time, which a busy machine would
      // shorten), says so, and then waits to be read, in a group of its own as the hub is started.
      const burner = spawn(
        process.execPath,
        [
          '-e',
          "while (process.cpuUsage().user < 300_000); process.stdout.write('burnt'); setTimeout(() => {}, 60_000)",
        ],
        { detached: true },
      );
      try {
        await once(burner.stdout!, 'data');
        const others = otherCpuSnapshot([]);
        expect(others.get(burner.pid!)?.service).toBe('node');
        expect(others.get(burner.pid!)!.seconds).toBeGreaterThanOrEqual(0.2);
        expect(others.has(process.pid)).toBe(false);
        // Its group measured (as the hub's is), it is left out.
        expect(otherCpuSnapshot([burner.pid!]).has(burner.pid!)).toBe(false);
      } finally {
        burner.kill();
        await once(burner, 'exit');
      }
    },
  );

  // Kernel threads are visible where the kernel's own processes are (not inside a container).
  const withKernelThreads =
    fs.existsSync('/proc/2/stat') && fs.readFileSync('/proc/2/stat', 'utf8').includes('(kthreadd)') ? it : it.skip;

  withKernelThreads('names a kernel thread, which has no command line, by its own name', () => {
    const names = [...otherCpuSnapshot([]).values()].map(({ service }) => service);
    expect(names).toContain('kthreadd');
  });
});
