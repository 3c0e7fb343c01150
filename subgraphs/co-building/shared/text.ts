import { badInput } from '../../../lib/errors';

/** Trimmed, non-empty text of at most `max` characters; errors name the field. */
export function checkText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text || text.length > max) throw badInput(field, `${field} must be 1–${max} characters`);
  return text;
}

/** Optional text: null or blank stays null. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined || !value.trim()) return null;
  return checkText(value, field, max);
}
