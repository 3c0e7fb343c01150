import { maskIdNumber, maskPhone, revealPersonal } from '../../lib/personal-data';
import { ANONYMOUS, type Viewer } from '../../lib/viewer';

const trusted: Viewer = { authenticated: true, subject: 'officer', roles: ['officer'], mayReadInFull: () => true };

describe('masking personal data', () => {
  it('keeps the region prefix and last four digits of an ID number', () => {
    expect(maskIdNumber('370323199001011234')).toBe('370323********1234');
  });

  it('keeps the operator prefix and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks short values entirely', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskIdNumber('1234567890')).toBe('**********');
  });

  it('gives an anonymous viewer the mask and a permitted viewer the value; null stays null', () => {
    expect(revealPersonal(ANONYMOUS, 'phone', '13812345678')).toBe('138****5678');
    expect(revealPersonal(ANONYMOUS, 'idNumber', '370323199001011234')).toBe('370323********1234');
    expect(revealPersonal(trusted, 'phone', '13812345678')).toBe('13812345678');
    expect(revealPersonal(ANONYMOUS, 'phone', null)).toBeNull();
  });
});
