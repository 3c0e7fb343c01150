import type { Period } from './indicator-period.rules';

/**
 * How a reporting period is counted: the whole months inside it from the monthly figures
 * (case_indicator_month), the days at its edges that do not fill a month from the cases
 * themselves. Dates are YYYY-MM-DD in Asia/Shanghai, as in Period.
 */
export interface IndicatorSources {
  /** Months [from, to) by their first day; null ends are open. Null: no whole month. */
  months: { from: string | null; to: string | null } | null;
  /** Day ranges, both ends included, counted from the cases. */
  days: Period[];
}

export function indicatorSources(period: Period): IndicatorSources {
  const monthsFrom =
    period.from === null ? null : isFirstOfMonth(period.from) ? period.from : firstOfNextMonth(period.from);
  const monthsTo =
    period.to === null ? null : isLastOfMonth(period.to) ? firstOfNextMonth(period.to) : firstOfMonth(period.to);
  if (monthsFrom !== null && monthsTo !== null && monthsFrom >= monthsTo) {
    return { months: null, days: [period] };
  }
  const days: Period[] = [];
  if (period.from !== null && monthsFrom !== period.from)
    days.push({ from: period.from, to: addDays(monthsFrom!, -1) });
  if (period.to !== null && monthsTo !== firstOfNextMonth(period.to)) days.push({ from: monthsTo, to: period.to });
  return { months: { from: monthsFrom, to: monthsTo }, days };
}

function isFirstOfMonth(day: string): boolean {
  return day.endsWith('-01');
}

function isLastOfMonth(day: string): boolean {
  return firstOfNextMonth(day) === addDays(day, 1);
}

export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function firstOfNextMonth(day: string): string {
  const date = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
