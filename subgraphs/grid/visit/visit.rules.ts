import { badInput, conflict } from '../../../lib/errors';

/** Clocks of phones in the field drift; a visit a few minutes "ahead" is still today's visit. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function checkVisitedAt(visitedAt: Date, now: Date, field = 'input.visitedAt'): Date {
  if (Number.isNaN(visitedAt.getTime())) throw badInput(field, `${field} is not a valid time`);
  if (visitedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw badInput(field, `${field} is in the future; a visit is recorded after it happened`);
  }
  return visitedAt;
}

export function checkVisitNote(value: string, field = 'input.note'): string {
  const note = value.trim();
  if (!note || note.length > 2000) throw badInput(field, `${field} must be 1–2000 characters`);
  return note;
}

/** A visit counts for a grid the worker serves now, and a household visited lies in that grid. */
export function checkVisitPlace(visit: {
  workerName: string;
  gridCode: string;
  servesGrid: boolean;
  householdGridId?: string | null;
  gridId: string;
}): void {
  if (!visit.servesGrid) {
    throw conflict('input.gridId', `worker ${visit.workerName} is not assigned to grid ${visit.gridCode}`);
  }
  if (visit.householdGridId !== undefined && visit.householdGridId !== null && visit.householdGridId !== visit.gridId) {
    throw badInput('input.householdId', `the household is not in grid ${visit.gridCode}`);
  }
}

export function checkPeriod(from: Date | undefined | null, to: Date | undefined | null, field = 'to'): void {
  if (from && to && from.getTime() > to.getTime()) throw badInput(field, `${field} is before from`);
}
