import type { GraphQLFormattedError } from 'graphql';
import { formatError } from '../lib/format-error';
import { isInternal, withoutInternals } from './internal-errors';
import { domainErrorIn, limitError, tokenLimitOf } from './operation-limits';

/**
 * "Did you mean …?" names fields, arguments and enum values the caller did not ask for. armor
 * removes the field suggestions of validation; coercing a variable ("Did you mean the enum
 * value …?") happens later, and armor leaves its question mark behind, so the last word is here.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean\b.*?\?(?= |$)/g, '').replace(/\.\s+\?$/, '.');
}

/**
 * Apollo's own refusals of a request that carry no code, though the client is to fix them (a
 * persisted query's hash or version): without one they would read as internal errors.
 */
const UNCODED_REQUEST_REFUSALS: Record<string, { field: string; message: string }> = {
  'provided sha does not match query': {
    field: 'extensions.persistedQuery.sha256Hash',
    message: 'extensions.persistedQuery.sha256Hash is not the SHA-256 hash of the query text sent with it',
  },
  'Unsupported persisted query version': {
    field: 'extensions.persistedQuery.version',
    message: 'extensions.persistedQuery.version must be 1',
  },
};

/**
 * The gateway's formatter: the graph's convention (lib/format-error.ts), plus the refusals the
 * gateway makes itself before any subgraph runs (operation limits, arguments). Those come
 * wrapped in Apollo's validation or syntax errors, whose code would hide ours. In every mode,
 * development included, an internal error keeps its message, stack and the subgraph's address
 * to the log (internal-errors.ts): they may hold SQL or an internal URL.
 */
export function gatewayFormatError(production: boolean) {
  const base = formatError(production);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const tokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitOf(formatted.message) : undefined;
    const domain = domainErrorIn(tokens === undefined ? error : limitError('tokens', tokens, tokens + 1));
    if (domain) {
      const { locations, path } = formatted;
      return {
        message: domain.message,
        ...(locations ? { locations } : {}),
        ...(path ? { path } : {}),
        extensions: domain.extensions,
      };
    }
    const uncoded = (error as { extensions?: { code?: unknown } } | undefined)?.extensions?.code === undefined;
    const refusal = uncoded ? UNCODED_REQUEST_REFUSALS[formatted.message] : undefined;
    if (refusal) return { message: refusal.message, extensions: { code: 'BAD_USER_INPUT', field: refusal.field } };
    if (isInternal(formatted.extensions?.code) || /https?:\/\//.test(formatted.message))
      return withoutInternals(formatted);
    const { response: _internalAddress, ...extensions } = formatted.extensions ?? {};
    const result = base({ ...formatted, extensions }, error);
    return production ? { ...result, message: withoutSuggestions(result.message) } : result;
  };
}
