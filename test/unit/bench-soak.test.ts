import { soakVerdict, type SoakInterval } from '../../bench/soak';

const MiB = 2 ** 20;
const interval = (at: number, errors: number, memory: Record<string, [pid: number, mib: number]>): SoakInterval => ({
  at, requests: 3000, errors, p50: 4, p95: 12,
  memory: Object.fromEntries(Object.entries(memory).map(([service, [pid, mib]]) => [service, { pid, rss: mib * MiB }])),
});

it('meets the targets with no error and every process within 10 % of its memory after the first minute', () => {
  const verdict = soakVerdict([
    // Warming up: not what the end is compared with.
    interval(30, 0, { gateway: [1, 60], grid: [2, 120] }),
    interval(60, 0, { gateway: [1, 100], grid: [2, 200] }),
    interval(90, 0, { gateway: [1, 130], grid: [2, 190] }),
    interval(120, 0, { gateway: [1, 109], grid: [2, 205] }),
  ]);
  expect(verdict).toMatchObject({ requests: 12000, errors: 0, noErrors: true, memoryFlat: true, restarted: [] });
  expect(verdict.memory.gateway).toEqual({ first: 100 * MiB, last: 109 * MiB, max: 130 * MiB, growth: 0.09 });
  expect(verdict.memory.grid.growth).toBeCloseTo(0.025);
});

it('misses them with one error, with memory grown more than 10 %, and names a process that was started again', () => {
  const verdict = soakVerdict([
    interval(60, 0, { gateway: [1, 100], services: [3, 150] }),
    interval(90, 1, { gateway: [1, 111], services: [4, 120] }),
  ]);
  expect(verdict).toMatchObject({ errors: 1, noErrors: false, memoryFlat: false, restarted: ['services'] });
  expect(verdict.memory.gateway.growth).toBeCloseTo(0.11);
});

it('compares with the first interval when the run is shorter than the warm-up', () => {
  const verdict = soakVerdict([interval(30, 0, { gateway: [1, 100] }), interval(45, 0, { gateway: [1, 105] })]);
  expect(verdict.memory.gateway.first).toBe(100 * MiB);
  expect(verdict.memoryFlat).toBe(true);
});
