import type { Viewer } from './viewer';

/**
 * Personal information (PIPL): national ID numbers and phone numbers are shown masked unless
 * the viewer is allowed the full value. Masks keep enough to recognise a record
 * (region prefix and last four digits of an ID; operator prefix and last four of a phone).
 */
export type PersonalField = 'idNumber' | 'phone';

export function maskIdNumber(value: string): string {
  if (value.length <= 10) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

export function maskPhone(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

const MASKS: Record<PersonalField, (value: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
};

/** The value a viewer gets for one personal field of one record. */
export function revealPersonal(
  viewer: Viewer,
  field: PersonalField,
  value: string | null | undefined,
): string | null {
  if (value === null || value === undefined) return null;
  return viewer.mayReadInFull(field) ? value : MASKS[field](value);
}
