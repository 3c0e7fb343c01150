import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from './errors';

/** Extensions a client may see; anything else (internal URLs, stack traces) stays inside. */
const PUBLIC_EXTENSIONS = ['code', 'field', 'type', 'id', 'allowed', 'serviceName', 'scope'];

/**
 * Turn our DomainError into the graph's error convention, and in production keep only public
 * extensions. Used by every subgraph and by the gateway.
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return { ...formatted, message: original.message, extensions: { ...formatted.extensions, ...original.extensions } };
    }
    if (!production) return formatted;
    const extensions: Record<string, unknown> = {};
    for (const key of PUBLIC_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    const code = String(extensions.code ?? 'INTERNAL_SERVER_ERROR');
    const message =
      code === 'INTERNAL_SERVER_ERROR' || /https?:\/\//.test(formatted.message)
        ? 'Internal error: the request could not be completed'
        : formatted.message;
    return { message, locations: formatted.locations, path: formatted.path, extensions: { ...extensions, code } };
  };
}
