import { conflict } from '../../../lib/errors';

/** 小事不出格、小事不出村、大事不出镇: a case climbs one level at a time. */
export enum CaseLevel {
  GRID = 'GRID',
  COMMUNITY = 'COMMUNITY',
  STREET = 'STREET',
  DEPARTMENT = 'DEPARTMENT',
  CITY = 'CITY',
}

export const LEVEL_ORDER: readonly CaseLevel[] = [
  CaseLevel.GRID, CaseLevel.COMMUNITY, CaseLevel.STREET, CaseLevel.DEPARTMENT, CaseLevel.CITY,
];

export function nextLevel(level: CaseLevel, field = 'input.caseId'): CaseLevel {
  const index = LEVEL_ORDER.indexOf(level);
  if (index < 0 || index === LEVEL_ORDER.length - 1) {
    throw conflict(field, `the case is already at ${level}, the top level; it cannot be escalated further`);
  }
  return LEVEL_ORDER[index + 1];
}
