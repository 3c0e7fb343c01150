import { itemAt } from '../../lib/lists';

/**
 * A small seeded generator (mulberry32) for the hundreds of thousands of draws that decide
 * states, times and choices: faker is kept for names and text, where its locale data matters,
 * and would be the slowest part of generating a year of cases.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(values: readonly T[]): T {
    return itemAt(values, Math.floor(this.float() * values.length));
  }

  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let r = this.float() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    const last = entries.at(-1);
    if (!last) throw new RangeError('a weighted pick needs at least one entry');
    return last[0];
  }

  /** Log-normal-ish duration: most near `typical`, a long tail up to `max`. */
  skewed(typical: number, max: number): number {
    const u = this.float();
    return Math.min(max, typical * Math.exp((u - 0.5) * 2.2) * (u > 0.93 ? 1 + (u - 0.93) * 40 : 1));
  }

  shuffle<T>(values: T[]): T[] {
    for (let i = values.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.float() * (i + 1));
      [values[i], values[j]] = [itemAt(values, j), itemAt(values, i)];
    }
    return values;
  }
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** YYYY-MM-DD of an instant, in UTC. */
export function day(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}
