import { conflict, type DomainError } from '../../../lib/errors';

/** 小事不出格、小事不出村、大事不出镇: a case climbs one level at a time. */
export enum CaseLevel {
  GRID = 'GRID',
  COMMUNITY = 'COMMUNITY',
  STREET = 'STREET',
  DEPARTMENT = 'DEPARTMENT',
  CITY = 'CITY',
}

export const LEVEL_ORDER: readonly CaseLevel[] = [
  CaseLevel.GRID,
  CaseLevel.COMMUNITY,
  CaseLevel.STREET,
  CaseLevel.DEPARTMENT,
  CaseLevel.CITY,
];

/** The CONFLICT of escalating a case already at the top level; null below it. */
export function escalationRefusal(level: CaseLevel, field = 'input.caseId'): DomainError | null {
  const index = LEVEL_ORDER.indexOf(level);
  if (index >= 0 && index < LEVEL_ORDER.length - 1) return null;
  return conflict(field, `the case is already at ${level}, the top level; it cannot be escalated further`);
}

export function nextLevel(level: CaseLevel, field = 'input.caseId'): CaseLevel {
  const refusal = escalationRefusal(level, field);
  if (refusal) throw refusal;
  const next = LEVEL_ORDER[LEVEL_ORDER.indexOf(level) + 1];
  if (!next) throw conflict(field, `the case is already at ${level}, the top level; it cannot be escalated further`);
  return next;
}
