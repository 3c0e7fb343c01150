import { DomainError } from '../../lib/errors';

/** Run `act` and return the DomainError it throws, checking its code and field. */
export function expectDomainError(act: () => unknown, code: string, field: string): DomainError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const domainError = error as DomainError;
    expect({ code: domainError.code, field: domainError.field }).toEqual({ code, field });
    return domainError;
  }
  throw new Error(`expected a ${code} error on ${field}, but nothing was thrown`);
}
