import { badInput } from '../../../lib/errors';

/**
 * Codes of streets, communities, grids and buildings: digits and capital letters, as
 * CJ/T 349 builds them (county code, then street, community and grid sequence numbers).
 */
export function checkCode(value: string, field = 'code'): string {
  const code = value.trim();
  if (!/^[0-9A-Z-]{2,40}$/.test(code)) {
    throw badInput(field, `${field} must be 2–40 characters of digits, capital letters or "-"`);
  }
  return code;
}

export function checkName(value: string, field = 'name', max = 100): string {
  const name = value.trim();
  if (!name || name.length > max) throw badInput(field, `${field} must be 1–${max} characters`);
  return name;
}
