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

/** The DomainError that `act` throws (any other outcome fails the test). */
export function domainErrorOf(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}
