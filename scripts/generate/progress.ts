import { MultiBar, Presets, type SingleBar } from 'cli-progress';

/** One progress bar per table being written, and the time each took. */
export class Progress {
  private readonly bars = new MultiBar(
    {
      format: '{table} |{bar}| {value}/{total} rows',
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );

  private readonly started = new Map<SingleBar, number>();
  readonly timings: Array<{ table: string; rows: number; ms: number }> = [];

  bar(table: string, total: number): SingleBar {
    const bar = this.bars.create(total, 0, { table: table.padEnd(28) });
    this.started.set(bar, Date.now());
    (bar as unknown as { tableName: string }).tableName = table;
    return bar;
  }

  done(bar: SingleBar): void {
    bar.stop();
    this.timings.push({
      table: (bar as unknown as { tableName: string }).tableName,
      rows: bar.getTotal(),
      ms: Date.now() - (this.started.get(bar) ?? Date.now()),
    });
  }

  stop(): void {
    this.bars.stop();
  }
}
