import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from './errors';
import type { Logger } from './logger';

/** Extensions a client may see; anything else (internal URLs, stack traces) stays inside. */
const PUBLIC_EXTENSIONS = ['code', 'field', 'type', 'id', 'allowed', 'serviceName', 'scope'];

export const INTERNAL_MESSAGE = 'Internal error: the request could not be completed';

/** What a log may say of an unexpected error: a database error's SQL state and where it arose, never its statement or values. */
export function internalCause(error: unknown): Record<string, unknown> {
  const { name, code, routine, table, column, constraint } = (error ?? {}) as Record<string, unknown>;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    // A PostgreSQL error: its message holds the statement, and its detail the values.
    return { error: name, sqlState: code, routine, table, column, constraint };
  }
  return { err: error };
}

/**
 * Turn our DomainError into the graph's error convention, and in production keep only public
 * extensions. An unexpected error (a bug, a database refusal) is logged with its cause, and its
 * message, which may hold a SQL statement with a record's values, never leaves the service in
 * any mode. Used by every subgraph (with its logger) and by the gateway.
 */
export function formatError(production: boolean, log?: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        ...formatted,
        message: original.message,
        extensions: { ...formatted.extensions, ...original.extensions },
      };
    }
    const unexpected =
      log && formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' && !(original instanceof GraphQLError);
    if (unexpected) {
      log.error({ ...internalCause(original), path: formatted.path }, 'a request failed with an internal error');
      return {
        message: INTERNAL_MESSAGE,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    if (!production) return formatted;
    const extensions: Record<string, unknown> = {};
    for (const key of PUBLIC_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    const code = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
    const message =
      code === 'INTERNAL_SERVER_ERROR' || /https?:\/\//.test(formatted.message) ? INTERNAL_MESSAGE : formatted.message;
    return { message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code } };
  };
}
