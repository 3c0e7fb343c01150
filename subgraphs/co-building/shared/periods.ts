import { badInput } from '../../../lib/errors';

/**
 * Reports are published monthly in the residence community and quarterly in the unit (公示).
 * A period is a closed range of calendar dates; a report, pledge or pairing belongs to a period
 * when it was in force on any day of it.
 */
export interface Period {
  label: string;
  from: string;
  to: string;
}

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function checkYear(year: number, field: string): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput(field, `${field} must be a year between 2000 and 2100`);
  return year;
}

/** `2026-03` → 1–31 March 2026. */
export function monthPeriod(value: string, field = 'month'): Period {
  const match = /^(\d{4})-(\d{2})$/.exec(value.trim());
  const month = match ? Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) throw badInput(field, `${field} must be a month written YYYY-MM`);
  const year = checkYear(Number(match[1]), field);
  const mm = String(month).padStart(2, '0');
  return { label: `${year}-${mm}`, from: `${year}-${mm}-01`, to: lastDay(year, month) };
}

/** `2026-Q2` → 1 April–30 June 2026. */
export function quarterPeriod(value: string, field = 'quarter'): Period {
  const match = /^(\d{4})-Q([1-4])$/i.exec(value.trim());
  if (!match) throw badInput(field, `${field} must be a quarter written YYYY-Qn (n 1–4)`);
  const year = checkYear(Number(match[1]), field);
  const quarter = Number(match[2]);
  const first = (quarter - 1) * 3 + 1;
  return {
    label: `${year}-Q${quarter}`,
    from: `${year}-${String(first).padStart(2, '0')}-01`,
    to: lastDay(year, first + 2),
  };
}

export function yearPeriod(year: number, field = 'year'): Period {
  checkYear(year, field);
  return { label: String(year), from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Whether something that started on `start` and ended on `end` (null: still in force) overlaps the period. */
export function inForceDuring(start: string, end: string | null, period: Period): boolean {
  return start <= period.to && (end === null || end >= period.from);
}

/** An end date may not come before its start. */
export function checkRange(start: string, end: string | null | undefined, field: string): void {
  if (end !== null && end !== undefined && end < start)
    throw badInput(field, `${field} (${end}) is before the start date (${start})`);
}
