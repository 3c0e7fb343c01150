import { badInput } from '../../../lib/errors';

/**
 * Deadlines are counted in calendar hours from dispatch (GB/T 30428: the clock starts at
 * 任务派遣). Counting only working hours is a refinement for later: it needs the district's
 * working calendar, which nothing in the hub keeps yet.
 */
const HOUR = 3_600_000;

export function deadlineAfter(start: Date, hours: number): Date {
  return new Date(start.getTime() + hours * HOUR);
}

export function isOverdue(deadline: Date | null, now: Date): boolean {
  return deadline !== null && deadline.getTime() < now.getTime();
}

/** The deadline moved by the hours a case spent parked (挂账): the clock stopped meanwhile. */
export function deadlineAfterPark(deadline: Date | null, parkedAt: Date, resumedAt: Date): Date | null {
  if (!deadline) return null;
  return new Date(deadline.getTime() + Math.max(0, resumedAt.getTime() - parkedAt.getTime()));
}

export function checkExtensionHours(hours: number, field = 'input.hours'): number {
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 90) {
    throw badInput(field, `${field} must be a whole number of hours between 1 and ${24 * 90}`);
  }
  return hours;
}

export function hoursBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / HOUR;
}
