import { growthReport } from '../../bench/growth';
import type { LoadResult } from '../../bench/load';
import type { SavedOperation, SavedRun } from '../../bench/saved-run';

const load = (p50: number, p95: number, throughput = 100): LoadResult => ({
  requests: 800,
  errors: 0,
  seconds: 8,
  throughput,
  p50,
  p95,
  p99: p95 * 2,
});

const operation = (name: string, statements: number, p50: number, cpu?: Record<string, number>): SavedOperation => ({
  operation: name,
  statements,
  fetches: 2,
  floorVariableSets: 10,
  alone: load(p50, p50 * 2),
  ours: { ...load(p50 * 5, p50 * 9, 200), cpu },
  floor: load(p50 * 4, p50 * 8),
  fixedRate: { ...load(p50, p50 * 3), roundsP95: [p50 * 3] },
});

const run = (
  grids: number,
  results: SavedOperation[],
  settings: Record<string, unknown> = {},
  machine = '2 × AMD EPYC',
): SavedRun => ({
  ranAt: '2026-12-04T00:10:00.000Z',
  machine,
  size: { grids, residents: grids * 1000, cases: grids * 440 },
  settings: { seconds: 8, warmup: 3, rounds: 3, concurrency: 8, rate: 100, hive: false, ...settings },
  results,
});

/** The row of one operation in the table under a column's title. */
function rowOf(report: string, title: string, operationName: string): string[] {
  const table = report.split(`**${title}**`)[1].split('\n\n')[1];
  const row = table.split('\n').find((line) => line.startsWith(`| ${operationName} |`))!;
  return row
    .split('|')
    .slice(2, -1)
    .map((cell) => cell.trim());
}

describe('the benchmark growth report', () => {
  const district = run(340, [
    operation('community-dashboard', 9, 5, { gateway: 2, PostgreSQL: 3 }),
    operation('entity-fanout', 8, 12),
  ]);
  const city = run(1020, [
    operation('community-dashboard', 9, 6, { gateway: 2.5, PostgreSQL: 4.5 }),
    operation('entity-fanout', 8, 15),
  ]);

  it("puts each run's figure side by side with the last as a multiple of the first", () => {
    const report = growthReport(['district', 'city'], [district, city]);
    expect(report).toContain(
      '- **district**: 340 grids, 340000 residents, 149600 cases; run 2026-12-04 00:10 UTC on 2 × AMD EPYC',
    );
    expect(rowOf(report, 'SQL/op', 'community-dashboard')).toEqual(['9', '9', '1.00×']);
    expect(rowOf(report, '1 client p50 ms', 'community-dashboard')).toEqual(['5.0', '6.0', '1.20×']);
    expect(rowOf(report, 'CPU ms/op', 'community-dashboard')).toEqual(['5.0', '7.0', '1.40×']);
    expect(rowOf(report, 'PostgreSQL CPU ms/op', 'community-dashboard')).toEqual(['3.0', '4.5', '1.50×']);
    expect(rowOf(report, 'p95 ms at fixed rate', 'entity-fanout')).toEqual(['36.0', '45.0', '1.25×']);
  });

  it('shows n/a where a run has no CPU figures', () => {
    expect(rowOf(growthReport(['district', 'city'], [district, city]), 'CPU ms/op', 'entity-fanout')).toEqual([
      'n/a',
      'n/a',
      'n/a',
    ]);
  });

  it('compares only the operations every run measured', () => {
    const partial = run(1020, [operation('entity-fanout', 8, 15)]);
    const report = growthReport(['district', 'city'], [district, partial]);
    expect(report).not.toContain('| community-dashboard |');
    expect(rowOf(report, 'SQL/op', 'entity-fanout')).toEqual(['8', '8', '1.00×']);
  });

  it('says so when the runs applied different loads or ran on different machines', () => {
    const other = run(1020, city.results, { rounds: 5, rate: 50 }, '2 × Intel Xeon');
    const report = growthReport(['district', 'city'], [district, other]);
    expect(report).toContain('**Not comparable: the runs differ in rounds, rate.**');
    expect(report).toContain('**The runs were on different machines.**');
    expect(growthReport(['district', 'city'], [district, city])).not.toContain('Not comparable');
  });
});
