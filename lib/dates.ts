import { badInput } from './errors';

/** A calendar date as YYYY-MM-DD; errors name the field. */
export function checkDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!match || !date || date.getUTCDate() !== +match[3] || date.getUTCMonth() !== +match[2] - 1) {
    throw badInput(field, `${field} must be a date written YYYY-MM-DD`);
  }
  return value;
}
