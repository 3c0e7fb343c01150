import { makeNationalId } from '../../lib/national-id';
import {
  ageOn,
  checkCareTags,
  checkHead,
  checkIdentity,
  checkIdNumberFree,
  checkOptionalMobile,
} from '../../subgraphs/grid/resident/resident.rules';
import { CareTag, Gender, RelationToHead } from '../../subgraphs/grid/shared/enums';
import { expectDomainError } from './expect-domain-error';

const womanBorn1950 = makeNationalId('370323', '1950-03-20', 22);

describe('resident identity', () => {
  it('reads birth date and gender from the ID number when they are left out', () => {
    expect(checkIdentity(womanBorn1950)).toEqual({
      idNumber: womanBorn1950,
      birthDate: '1950-03-20',
      gender: Gender.FEMALE,
    });
  });

  it('upper-cases a trailing x', () => {
    expect(checkIdentity('11010519491231002x').idNumber).toBe('11010519491231002X');
  });

  it('names the input field that disagrees', () => {
    expectDomainError(() => checkIdentity(womanBorn1950, '1950-03-21'), 'BAD_USER_INPUT', 'input.birthDate');
    expectDomainError(() => checkIdentity(womanBorn1950, '1950-03-20', Gender.MALE), 'BAD_USER_INPUT', 'input.gender');
    expectDomainError(() => checkIdentity(womanBorn1950.slice(0, 17) + '0'), 'BAD_USER_INPUT', 'input.idNumber');
    expectDomainError(() => checkIdentity(womanBorn1950, '20-03-1950'), 'BAD_USER_INPUT', 'input.birthDate');
  });

  it("refuses an ID number another resident holds, but not the resident's own", () => {
    expect(() => checkIdNumberFree(null)).not.toThrow();
    expect(() => checkIdNumberFree('r1', 'r1')).not.toThrow();
    expectDomainError(() => checkIdNumberFree('r2', 'r1'), 'CONFLICT', 'input.idNumber');
  });

  it('accepts no phone, and checks one that is given', () => {
    expect(checkOptionalMobile(null)).toBeNull();
    expect(checkOptionalMobile('  ')).toBeNull();
    expectDomainError(() => checkOptionalMobile('12345'), 'BAD_USER_INPUT', 'input.phone');
  });
});

describe('age and care tags', () => {
  it('counts a year only once the birthday is reached', () => {
    expect(ageOn('1950-03-20', new Date('2030-03-19T12:00:00Z'))).toBe(79);
    expect(ageOn('1950-03-20', new Date('2030-03-20T00:00:00Z'))).toBe(80);
  });

  it('refuses age tags that do not fit the birth date and orders the others', () => {
    const today = new Date('2026-06-01T00:00:00Z');
    expect(checkCareTags([CareTag.LIVING_ALONE, CareTag.OVER_80, CareTag.LIVING_ALONE], '1940-01-01', today)).toEqual([
      CareTag.OVER_80,
      CareTag.LIVING_ALONE,
    ]);
    expectDomainError(() => checkCareTags([CareTag.OVER_80], '1990-01-01', today), 'BAD_USER_INPUT', 'input.careTags');
    expectDomainError(
      () => checkCareTags([CareTag.LEFT_BEHIND_CHILD], '1990-01-01', today),
      'BAD_USER_INPUT',
      'input.careTags',
    );
    expect(checkCareTags([CareTag.LEFT_BEHIND_CHILD], '2015-01-01', today)).toEqual([CareTag.LEFT_BEHIND_CHILD]);
  });
});

describe('head of household', () => {
  it('allows one head per household', () => {
    expect(() => checkHead(RelationToHead.HEAD, 0)).not.toThrow();
    expect(() => checkHead(RelationToHead.SPOUSE, 1)).not.toThrow();
    expectDomainError(() => checkHead(RelationToHead.HEAD, 1), 'CONFLICT', 'input.relationToHead');
  });
});
