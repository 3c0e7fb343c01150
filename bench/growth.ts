import fs from 'node:fs';
import path from 'node:path';
import { ms, readSavedRun, RESULTS_DIR, type SavedOperation, type SavedRun } from './saved-run';

/**
 * `npm run bench:growth -- <name> <name> …`: how each operation grows with the data, from runs
 * saved with `npm run bench -- --out <name>` on databases of different sizes (`--scale district`
 * and `--scale city`). For each operation, each run's SQL statements, latency, throughput and CPU
 * side by side, and the last run's figure as a multiple of the first's. Written to
 * bench/results/growth.md.
 */

/** The figures compared, one table each. */
const COLUMNS: { title: string; value: (op: SavedOperation) => number | undefined; format: (n: number) => string }[] = [
  { title: 'SQL/op', value: (op) => op.statements, format: String },
  { title: 'subgraph fetches', value: (op) => op.fetches, format: String },
  { title: '1 client p50 ms', value: (op) => op.alone.p50, format: ms },
  { title: '1 client p95 ms', value: (op) => op.alone.p95, format: ms },
  { title: 'req/s at fixed concurrency', value: (op) => op.ours.throughput, format: (n) => n.toFixed(0) },
  {
    title: 'CPU ms/op',
    value: (op) => (op.ours.cpu ? Object.values(op.ours.cpu).reduce((a, b) => a + b, 0) : undefined),
    format: ms,
  },
  { title: 'PostgreSQL CPU ms/op', value: (op) => op.ours.cpu?.PostgreSQL, format: ms },
  { title: 'p95 ms at fixed rate', value: (op) => op.fixedRate.p95, format: ms },
];

/** Settings that must match for runs to be compared: the load, not the data. */
const LOAD_SETTINGS = ['seconds', 'warmup', 'rounds', 'concurrency', 'rate'];

export function growthReport(names: string[], runs: SavedRun[]): string {
  const first = runs[0];
  if (!first) throw new Error('a growth report compares at least one run');
  const differing = LOAD_SETTINGS.filter((key) => runs.some((run) => run.settings[key] !== first.settings[key]));
  const machines = new Set(runs.map((run) => run.machine));
  const operations = first.results
    .map((op) => op.operation)
    .filter((name) => runs.every((run) => run.results.some((op) => op.operation === name)));
  const ratioTitle = `${names[names.length - 1]} ÷ ${names[0]}`;
  const lines = [
    `# Growth with the data: ${names.join(', ')}`,
    '',
    ...runs.map(
      (run, i) =>
        `- **${names[i]}**: ${run.size.grids} grids, ${run.size.residents} residents, ${run.size.cases} cases; run ${run.ranAt.slice(0, 16).replace('T', ' ')} UTC on ${run.machine}`,
    ),
    '',
    `Load as in each run: ${LOAD_SETTINGS.map((key) => `${key} ${first.settings[key]}`).join(', ')}.` +
      (differing.length ? ` **Not comparable: the runs differ in ${differing.join(', ')}.**` : '') +
      (machines.size > 1 ? ' **The runs were on different machines.**' : ''),
    '',
  ];
  for (const column of COLUMNS) {
    lines.push(
      `**${column.title}**`,
      '',
      `| operation | ${names.join(' | ')} | ${ratioTitle} |`,
      `|---|${names.map(() => '---|').join('')}---|`,
    );
    for (const name of operations) {
      const values = runs.map((run) => column.value(run.results.find((op) => op.operation === name)!));
      const [a, b] = [values[0], values[values.length - 1]];
      const ratio = a !== undefined && b !== undefined && a > 0 ? `${(b / a).toFixed(2)}×` : 'n/a';
      lines.push(
        `| ${name} | ${values.map((v) => (v === undefined ? 'n/a' : column.format(v))).join(' | ')} | ${ratio} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

function main(): void {
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  if (names.length < 2) {
    console.error(
      'usage: npm run bench:growth -- <saved run> <saved run> … (names given to npm run bench -- --out <name>, smallest data first)',
    );
    process.exit(2);
  }
  let runs: SavedRun[];
  try {
    runs = names.map(readSavedRun);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const report = growthReport(names, runs);
  console.log(report);
  fs.writeFileSync(path.join(RESULTS_DIR, 'growth.md'), report);
  console.log(`\nwritten to bench/results/growth.md`);
}

if (require.main === module) main();
