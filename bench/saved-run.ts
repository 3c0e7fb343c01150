import fs from 'node:fs';
import path from 'node:path';
import type { LoadResult } from './load';

/** A figure in ms as the tables print it. */
export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

/** How big the measured database was. */
export interface DataSize {
  grids: number;
  residents: number;
  cases: number;
}

/** One operation's figures in a run, as bench/results/<name>.json keeps them. */
export interface SavedOperation {
  operation: string;
  statements: number;
  fetches: number;
  floorVariableSets: number;
  alone: LoadResult;
  /** With the CPU each process spent per operation, in ms (absent where /proc could not be read). */
  ours: LoadResult & { cpu?: Record<string, number> };
  floor: LoadResult;
  hive?: LoadResult;
  fixedRate: LoadResult & { roundsP95: number[] };
  hiveFixedRate?: LoadResult & { roundsP95: number[] };
}

export interface SavedRun {
  ranAt: string;
  machine: string;
  settings: Record<string, unknown>;
  size: DataSize;
  results: SavedOperation[];
}

/** Where `npm run bench` writes its tables (the source tree, not dist). */
export const RESULTS_DIR = path.resolve(__dirname, '../../bench/results');

/** A run saved under a name (`npm run bench -- --out <name>`); the error says which file is missing. */
export function readSavedRun(name: string): SavedRun {
  const file = path.join(RESULTS_DIR, `${name}.json`);
  if (!fs.existsSync(file))
    throw new Error(
      `no saved run "${name}": ${path.relative(process.cwd(), file)} does not exist (npm run bench -- --out ${name})`,
    );
  const run = JSON.parse(fs.readFileSync(file, 'utf8')) as SavedRun;
  if (run.size?.cases === undefined)
    throw new Error(
      `${path.relative(process.cwd(), file)} was written by an older benchmark without its data size: run it again`,
    );
  return run;
}
