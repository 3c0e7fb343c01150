import { badInput } from './errors';

/**
 * Citizen identity numbers (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function checkCharacter(first17: string): string {
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += Number(first17[i]) * weight;
  });
  return CHECK_CHARACTERS.charAt(sum % 11);
}

export interface IdFacts {
  birthDate: string; // YYYY-MM-DD
  gender: 'MALE' | 'FEMALE';
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Validate an ID number and return the facts it encodes; errors name `field`. */
export function parseNationalId(value: string, field = 'idNumber'): IdFacts {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    throw badInput(field, `${field} must be 18 characters: 17 digits and a check digit or X`);
  }
  const expected = checkCharacter(id.slice(0, 17));
  if (id[17] !== expected) {
    throw badInput(field, `${field} has a wrong check digit (GB 11643): expected ${expected} in the last position`);
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day) || new Date(Date.UTC(year, month - 1, day)) > new Date()) {
    throw badInput(field, `${field} encodes an impossible birth date`);
  }
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
  };
}

/** An ID number must agree with the birth date (and gender) recorded beside it. */
export function checkNationalIdAgrees(
  idNumber: string,
  birthDate: string | undefined,
  gender: string | undefined,
  field = 'idNumber',
): IdFacts {
  const facts = parseNationalId(idNumber, field);
  if (birthDate !== undefined && birthDate !== facts.birthDate) {
    throw badInput(
      'birthDate',
      `birthDate ${birthDate} does not match the birth date in ${field} (${facts.birthDate})`,
    );
  }
  if (gender !== undefined && gender !== facts.gender) {
    throw badInput('gender', `gender ${gender} does not match the sequence digit of ${field}`);
  }
  return facts;
}

/** Build a valid ID number (demo and generated data). */
export function makeNationalId(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
