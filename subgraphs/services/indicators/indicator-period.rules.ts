import { badInput } from '../../../lib/errors';
import { checkDate } from '../../../lib/dates';

/**
 * A reporting period of whole days in the district's time zone (Asia/Shanghai): `from` and `to`
 * are both included. Either may be left open.
 */
export interface Period {
  from: string | null;
  to: string | null;
}

export function checkPeriod(from: string | null | undefined, to: string | null | undefined): Period {
  const period = { from: from ? checkDate(from, 'from') : null, to: to ? checkDate(to, 'to') : null };
  if (period.from && period.to && period.from > period.to) throw badInput('to', 'to must not be before from');
  return period;
}

export function periodKey(period: Period): string {
  return `${period.from ?? ''}..${period.to ?? ''}`;
}

/** A rate as a fraction 0–1, or null when nothing was counted. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
