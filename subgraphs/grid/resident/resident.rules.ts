import { checkDate } from '../../../lib/dates';
import { badInput, conflict, inField } from '../../../lib/errors';
import { checkNationalIdAgrees } from '../../../lib/national-id';
import { checkMobile } from '../../../lib/phone';
import { CareTag, Gender, RelationToHead } from '../shared/enums';

/**
 * Rules of a resident record (居民/实有人口), free of the database. The national ID number is
 * the anchor: birth date and gender must agree with it, and when omitted they are read from it.
 */
export interface Identity {
  idNumber: string;
  birthDate: string;
  gender: Gender;
}

/** Errors name `input.idNumber`, `input.birthDate` or `input.gender`. */
export function checkIdentity(idNumber: string, birthDate?: string | null, gender?: Gender | null): Identity {
  if (birthDate != null) checkDate(birthDate, 'input.birthDate');
  const normalized = idNumber.trim().toUpperCase();
  const facts = inField('input', () => checkNationalIdAgrees(normalized, birthDate ?? undefined, gender ?? undefined));
  return { idNumber: normalized, birthDate: facts.birthDate, gender: facts.gender as Gender };
}

export function checkOptionalMobile(value: string | null | undefined, field = 'input.phone'): string | null {
  if (value == null || !value.trim()) return null;
  return checkMobile(value, field);
}

/** Whole years lived on `today` (a birthday not yet reached this year does not count). */
export function ageOn(birthDate: string, today: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined)
    throw badInput('birthDate', 'birthDate must be a date written YYYY-MM-DD');
  let age = today.getUTCFullYear() - year;
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}

/** Tags that say something about age must agree with the birth date. */
export function checkCareTags(
  tags: readonly CareTag[],
  birthDate: string,
  today: Date,
  field = 'input.careTags',
): CareTag[] {
  const age = ageOn(birthDate, today);
  if (tags.includes(CareTag.OVER_80) && age < 80) {
    throw badInput(field, `OVER_80 does not fit a resident aged ${age}`);
  }
  if (tags.includes(CareTag.LEFT_BEHIND_CHILD) && age >= 18) {
    throw badInput(field, `LEFT_BEHIND_CHILD does not fit a resident aged ${age}`);
  }
  return Object.values(CareTag).filter((tag) => tags.includes(tag));
}

/** A household has one head (户主); relations of the others are relative to them. */
export function checkHead(relation: RelationToHead, otherHeads: number, field = 'input.relationToHead'): void {
  if (relation === RelationToHead.HEAD && otherHeads > 0) {
    throw conflict(field, "the household already has a head; change that resident's relation first");
  }
}

/** An ID number names one person: a second record with it is refused. */
export function checkIdNumberFree(existingId: string | null, ownId?: string, field = 'input.idNumber'): void {
  if (existingId && existingId !== ownId) {
    throw conflict(field, 'a resident with this ID number is already registered', { residentId: existingId });
  }
}
