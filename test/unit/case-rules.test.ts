import { domainErrorOf } from './expect-domain-error';
import {
  checkExtensionHours,
  deadlineAfter,
  deadlineAfterPark,
  isOverdue,
} from '../../subgraphs/services/case/case-deadline.rules';
import { checkExpectedVersion } from '../../subgraphs/services/case/case-versioning.rules';
import { CaseLevel, nextLevel } from '../../subgraphs/services/case/case-escalation.rules';
import { intakeFingerprint } from '../../subgraphs/services/case/case-intake-fingerprint.rules';
import { checkPeriod, rate } from '../../subgraphs/services/indicators/indicator-period.rules';

describe('escalation', () => {
  it('climbs GRID → COMMUNITY → STREET → DEPARTMENT → CITY and stops there', () => {
    const path = [CaseLevel.GRID];
    while (path[path.length - 1] !== CaseLevel.CITY) path.push(nextLevel(path[path.length - 1]));
    expect(path).toEqual(['GRID', 'COMMUNITY', 'STREET', 'DEPARTMENT', 'CITY']);
    const error = domainErrorOf(() => nextLevel(CaseLevel.CITY));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('top level');
  });
});

describe('deadlines', () => {
  const start = new Date('2026-03-01T00:00:00Z');
  it('counts the time limit in hours from dispatch', () => {
    expect(deadlineAfter(start, 24).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
  it('is overdue only once the deadline has passed, never without one', () => {
    const deadline = deadlineAfter(start, 2);
    expect(isOverdue(deadline, new Date('2026-03-01T01:59:59Z'))).toBe(false);
    expect(isOverdue(deadline, new Date('2026-03-01T02:00:01Z'))).toBe(true);
    expect(isOverdue(null, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
  it('stops the clock while a case is parked', () => {
    const moved = deadlineAfterPark(
      new Date('2026-03-02T00:00:00Z'),
      new Date('2026-03-01T10:00:00Z'),
      new Date('2026-03-01T16:00:00Z'),
    );
    expect(moved!.toISOString()).toBe('2026-03-02T06:00:00.000Z');
  });
  it('takes extensions of 1 h to 90 days', () => {
    expect(checkExtensionHours(48)).toBe(48);
    expect(domainErrorOf(() => checkExtensionHours(0)).field).toBe('input.hours');
    expect(domainErrorOf(() => checkExtensionHours(1.5)).field).toBe('input.hours');
  });
});

describe('expected version', () => {
  it('refuses a stale version naming input.expectedVersion and the current one', () => {
    expect(() => checkExpectedVersion(3, 3)).not.toThrow();
    const error = domainErrorOf(() => checkExpectedVersion(4, 3));
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('input.expectedVersion');
    expect(error.extensions.currentVersion).toBe(4);
  });
});

describe('intake fingerprint', () => {
  it('ignores key order and absent fields, and tells different reports apart', () => {
    const a = intakeFingerprint({
      gridId: 'g',
      description: 'd',
      attributes: [{ name: 'x', value: '1' }],
      location: null,
    });
    const b = intakeFingerprint({ attributes: [{ value: '1', name: 'x' }], description: 'd', gridId: 'g' });
    expect(a).toBe(b);
    expect(intakeFingerprint({ gridId: 'g', description: 'e' })).not.toBe(
      intakeFingerprint({ gridId: 'g', description: 'd' }),
    );
  });
});

describe('indicator periods and rates', () => {
  it('checks the days and their order', () => {
    expect(checkPeriod('2026-01-01', '2026-01-31')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(checkPeriod(undefined, null)).toEqual({ from: null, to: null });
    expect(domainErrorOf(() => checkPeriod('2026-02-30', null)).field).toBe('from');
    expect(domainErrorOf(() => checkPeriod('2026-02-02', '2026-02-01')).field).toBe('to');
  });
  it('gives a fraction, or null when nothing was counted', () => {
    expect(rate(4, 5)).toBe(0.8);
    expect(rate(0, 0)).toBeNull();
  });
});
