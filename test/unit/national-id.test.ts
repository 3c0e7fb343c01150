import { checkCharacter, checkNationalIdAgrees, makeNationalId, parseNationalId } from '../../lib/national-id';
import { expectDomainError } from './expect-domain-error';

describe('national ID number (GB 11643)', () => {
  it('accepts the standard example and reads birth date and gender from it', () => {
    expect(parseNationalId('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'FEMALE' });
  });

  it('accepts a lower-case check character x', () => {
    expect(parseNationalId('11010519491231002x').birthDate).toBe('1949-12-31');
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    const id = makeNationalId('370323', '1985-06-15', 123);
    expect(id).toHaveLength(18);
    expect(parseNationalId(id)).toEqual({ birthDate: '1985-06-15', gender: 'MALE' });
  });

  it('refuses a wrong check digit and says which digit was expected', () => {
    const error = expectDomainError(
      () => parseNationalId('110105194912310021', 'input.idNumber'),
      'BAD_USER_INPUT',
      'input.idNumber',
    );
    expect(error.message).toContain('expected X');
  });

  it('refuses a number of the wrong length or with letters', () => {
    expectDomainError(() => parseNationalId('1101051949123100'), 'BAD_USER_INPUT', 'idNumber');
    expectDomainError(() => parseNationalId('1101051949A231002X'), 'BAD_USER_INPUT', 'idNumber');
  });

  it('refuses an impossible birth date even with a correct check digit', () => {
    const february30 = makeNationalId('370323', '1990-02-30', 12);
    const error = expectDomainError(() => parseNationalId(february30), 'BAD_USER_INPUT', 'idNumber');
    expect(error.message).toContain('impossible birth date');
    const future = makeNationalId('370323', '2999-01-01', 12);
    expectDomainError(() => parseNationalId(future), 'BAD_USER_INPUT', 'idNumber');
  });

  it('refuses a birth date or gender that disagrees with the number', () => {
    const id = makeNationalId('370323', '1985-06-15', 124); // even sequence: a woman
    expect(checkNationalIdAgrees(id, '1985-06-15', 'FEMALE')).toEqual({ birthDate: '1985-06-15', gender: 'FEMALE' });
    expectDomainError(() => checkNationalIdAgrees(id, '1985-06-16', 'FEMALE'), 'BAD_USER_INPUT', 'birthDate');
    expectDomainError(() => checkNationalIdAgrees(id, '1985-06-15', 'MALE'), 'BAD_USER_INPUT', 'gender');
  });
});
