import { cpuPerOperation, type CpuSnapshot } from '../../bench/process-cpu';

const snapshot = (entries: Array<[number, string, number]>): CpuSnapshot =>
  new Map(entries.map(([pid, service, seconds]) => [pid, { service, seconds }]));

describe("the benchmark's CPU per operation", () => {
  it('sums each service over its processes and divides by the operations', () => {
    const before = snapshot([[10, 'grid', 1.0], [20, 'PostgreSQL', 5.0], [21, 'PostgreSQL', 2.0]]);
    const after = snapshot([[10, 'grid', 1.5], [20, 'PostgreSQL', 5.3], [21, 'PostgreSQL', 2.2]]);
    const perOperation = cpuPerOperation(before, after, 100);
    expect(perOperation.grid).toBeCloseTo(5, 6);
    expect(perOperation.PostgreSQL).toBeCloseTo(5, 6);
  });

  it('counts a process that started in between from zero and ignores one that ended, never going negative', () => {
    // Backend 20 closed (a pool let an idle connection go) after 9 s of CPU; backend 22 opened and ran 0.4 s.
    const before = snapshot([[20, 'PostgreSQL', 9.0], [21, 'PostgreSQL', 1.0]]);
    const after = snapshot([[21, 'PostgreSQL', 1.2], [22, 'PostgreSQL', 0.4]]);
    expect(cpuPerOperation(before, after, 200).PostgreSQL).toBeCloseTo(3, 6);
  });
});
