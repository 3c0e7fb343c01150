/**
 * One convention for errors across the whole graph. Domain modules throw DomainError (no GraphQL
 * in them); the subgraph server turns it into a GraphQL error whose extensions carry a
 * machine-readable `code` and, where one field is at fault, its name in `field`.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT' // a value the caller sent is wrong; `field` names it
  | 'NOT_FOUND' // an id that does not exist; `field` names the argument
  | 'CONFLICT' // the request is valid but the current state refuses it (duplicate code, stale version)
  | 'FORBIDDEN' // the caller may not do this
  | 'UNAUTHENTICATED'
  | 'SUBGRAPH_UNAVAILABLE' // a department's service did not answer (set by the gateway)
  | 'RATE_LIMITED' // too many requests from one client; retry after the Retry-After header (gateway)
  | 'PERSISTED_QUERY_NOT_ALLOWED'; // allow-list mode: the operation is not in the manifest (gateway)

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get extensions(): Record<string, unknown> {
    return { code: this.code, ...(this.field ? { field: this.field } : {}), ...this.details };
  }
}

export function badInput(field: string, message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('BAD_USER_INPUT', message, field, details);
}

export function notFound(field: string, type: string, id: string): DomainError {
  return new DomainError('NOT_FOUND', `${type} ${id} does not exist`, field, { type, id });
}

export function conflict(field: string | undefined, message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('CONFLICT', message, field, details);
}

/** Prefix a field path, so a nested input's errors name the full path (`input.idNumber`). */
export function inField<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DomainError && error.field) {
      throw new DomainError(error.code, error.message, `${prefix}.${error.field}`, error.details);
    }
    throw error;
  }
}
