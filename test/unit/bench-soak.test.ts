import { soakVerdict, type SoakInterval } from '../../bench/soak';

const MiB = 2 ** 20;
const interval = (at: number, errors: number, memory: Record<string, [pid: number, mib: number]>): SoakInterval => ({
  at,
  requests: 3000,
  errors,
  p50: 4,
  p95: 12,
  memory: Object.fromEntries(Object.entries(memory).map(([service, [pid, mib]]) => [service, { pid, rss: mib * MiB }])),
});

it("meets the targets with no error and every process's memory late within 10 % of early, by the medians of thirds", () => {
  const gateway = [100, 180, 110, 150, 105, 112];
  const verdict = soakVerdict(
    gateway.map((mib, i) => interval(90 + 30 * i, 0, { gateway: [1, mib], grid: [2, 200 + i] })),
  );
  expect(verdict).toMatchObject({ requests: 18000, errors: 0, noErrors: true, memoryFlat: true, restarted: [] });
  // First third 100 and 180 (median 140), last third 105 and 112 (108.5): a swing of the heap, not growth.
  expect(verdict.memory.gateway).toEqual({
    early: 140 * MiB,
    late: 108.5 * MiB,
    max: 180 * MiB,
    growth: (108.5 - 140) / 140,
  });
  expect(verdict.memory.grid.growth).toBeCloseTo((204.5 - 200.5) / 200.5);
});

it('misses them with one error, with memory grown more than 10 %, and names a process that was started again', () => {
  const verdict = soakVerdict([
    interval(90, 0, { gateway: [1, 100], services: [3, 150] }),
    interval(120, 1, { gateway: [1, 105], services: [3, 150] }),
    interval(150, 0, { gateway: [1, 111], services: [4, 120] }),
  ]);
  expect(verdict).toMatchObject({ errors: 1, noErrors: false, memoryFlat: false, restarted: ['services'] });
  expect(verdict.memory.gateway.growth).toBeCloseTo(0.11);
});

it('compares single intervals in a run of fewer than three', () => {
  const verdict = soakVerdict([interval(90, 0, { gateway: [1, 100] }), interval(120, 0, { gateway: [1, 105] })]);
  expect(verdict.memory.gateway).toMatchObject({ early: 100 * MiB, late: 105 * MiB });
  expect(verdict.memoryFlat).toBe(true);
});
