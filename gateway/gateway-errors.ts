import type { GraphQLFormattedError } from 'graphql';
import { formatError } from '../lib/format-error';
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
 * The gateway's formatter: the graph's convention (lib/format-error.ts), plus the refusals the
 * gateway makes itself before any subgraph runs (operation limits). Those come wrapped in
 * Apollo's validation or syntax errors, whose code would hide ours.
 */
export function gatewayFormatError(production: boolean) {
  const base = formatError(production);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const tokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitOf(formatted.message) : undefined;
    const domain = domainErrorIn(tokens === undefined ? error : limitError('tokens', tokens, tokens + 1));
    if (domain) {
      const { locations, path } = formatted;
      return { message: domain.message, ...(locations ? { locations } : {}), ...(path ? { path } : {}), extensions: domain.extensions };
    }
    const result = base(formatted, error);
    return production ? { ...result, message: withoutSuggestions(result.message) } : result;
  };
}
