import { badInput } from './errors';

/** A calendar date as YYYY-MM-DD; errors name the field. */
export function checkDate(value: string, field: string): string {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? [];
  const date = year && month && day ? new Date(Date.UTC(+year, +month - 1, +day)) : null;
  if (!date || date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) {
    throw badInput(field, `${field} must be a date written YYYY-MM-DD`);
  }
  return value;
}
