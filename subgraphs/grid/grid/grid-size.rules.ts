/**
 * Standard grid size (寿光 about 300, 凌河 300–500 households): a grid outside the band is
 * flagged for review, never refused.
 */
export const STANDARD_HOUSEHOLDS = { min: 300, max: 500 } as const;

export type SizeBand = 'BELOW' | 'WITHIN' | 'ABOVE';

export function sizeBand(households: number): SizeBand {
  if (households < STANDARD_HOUSEHOLDS.min) return 'BELOW';
  if (households > STANDARD_HOUSEHOLDS.max) return 'ABOVE';
  return 'WITHIN';
}
