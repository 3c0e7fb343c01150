import { checkDate } from '../../../lib/dates';
import { badInput, conflict } from '../../../lib/errors';

/** Today as YYYY-MM-DD in UTC, the calendar terms are counted in. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A term starts on a date and, when its end is known, ends strictly later. */
export function checkTerm(termStart: string, termEnd: string | null | undefined, prefix = 'input'): void {
  checkDate(termStart, `${prefix}.termStart`);
  if (termEnd === null || termEnd === undefined) return;
  checkDate(termEnd, `${prefix}.termEnd`);
  if (termEnd <= termStart) throw badInput(`${prefix}.termEnd`, `${prefix}.termEnd must be after ${prefix}.termStart`);
}

/** Ending an office early: not twice, and not before it began. */
export function checkEndOfTerm(
  term: { termStart: string; endedOn: string | null },
  endedOn: string,
  field = 'input.endedOn',
): void {
  checkDate(endedOn, field);
  if (term.endedOn) throw conflict(field, `this term already ended on ${term.endedOn}`);
  if (endedOn < term.termStart) throw badInput(field, `${field} cannot be before the term started (${term.termStart})`);
}

/** In office on `day`: started, not ended early, not past its end. */
export function isInOffice(
  term: { termStart: string; termEnd: string | null; endedOn: string | null },
  day: string,
): boolean {
  return (
    term.termStart <= day &&
    (term.endedOn === null || term.endedOn > day) &&
    (term.termEnd === null || term.termEnd >= day)
  );
}
