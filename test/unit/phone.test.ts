import { checkMobile } from '../../lib/phone';
import { checkPublicContact } from '../../subgraphs/grid/worker/grid-worker.rules';
import { expectDomainError } from './expect-domain-error';

describe('mobile numbers', () => {
  it('accepts 11 digits starting 13–19, trimmed', () => {
    expect(checkMobile('13812345678')).toBe('13812345678');
    expect(checkMobile(' 19912345678 ')).toBe('19912345678');
  });

  it('refuses other shapes, naming the field', () => {
    for (const bad of ['12812345678', '1381234567', '138123456789', '+8613812345678', '138-1234-5678']) {
      expectDomainError(() => checkMobile(bad, 'input.phone'), 'BAD_USER_INPUT', 'input.phone');
    }
  });
});

describe('public contact on the grid card', () => {
  it('accepts a landline with area code and extension, a mobile number or a service line', () => {
    expect(checkPublicContact('0536-5221234')).toBe('0536-5221234');
    expect(checkPublicContact('053652212345-801')).toBe('053652212345-801');
    expect(checkPublicContact('13812345678')).toBe('13812345678');
    expect(checkPublicContact('12345')).toBe('12345');
  });

  it('refuses anything else', () => {
    for (const bad of ['call me', '5221234', '0536 5221234', '']) {
      expectDomainError(() => checkPublicContact(bad), 'BAD_USER_INPUT', 'input.publicContact');
    }
  });
});
