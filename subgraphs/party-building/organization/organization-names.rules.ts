import { badInput } from '../../../lib/errors';

/** A trimmed, non-empty name of at most `max` characters; errors name the field. */
export function checkText(value: string | null | undefined, field: string, max: number): string {
  const text = (value ?? '').trim();
  if (!text || text.length > max) throw badInput(field, `${field} must be 1–${max} characters`);
  return text;
}
