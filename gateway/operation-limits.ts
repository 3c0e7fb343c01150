import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { OperationLimits } from '../lib/config';
import { badInput, DomainError } from '../lib/errors';
import { DEFAULT_PAGE_SIZE } from '../lib/page-size';
import { documentShapePlugin, documentShapeRule } from './document-shape';
import { variableCostPlugin } from './variable-cost';

/**
 * Depth, aliases, directives and cost of an operation, checked by graphql-armor while Apollo
 * validates it, and the token count while it is parsed. An operation over a limit is refused
 * before any subgraph is called, with the graph's error convention: BAD_USER_INPUT on the field
 * `query`, naming the limit, the largest allowed value and what the operation had.
 */
export type LimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'fieldRepeats';

const DESCRIBE: Record<LimitName, (found: number, max: number, subject?: string) => string> = {
  depth: (found, max) => `The operation is nested ${found} levels deep; at most ${max} are allowed`,
  aliases: (found, max) => `The operation has ${found} aliases; at most ${max} are allowed`,
  directives: (found, max) => `The operation has ${found} directives; at most ${max} are allowed`,
  tokens: (_found, max) => `The operation has more than ${max} tokens; shorten it or send fewer fields`,
  cost: (found, max) =>
    `The operation's cost is ${found}, over the limit of ${max}: each list multiplies the cost of its fields by its page size (first/last; ${DEFAULT_PAGE_SIZE} when not given); ask for smaller pages or fewer nested lists`,
  fieldRepeats: (found, _max, subject) =>
    `The field "${subject}" is selected ${found} times in one selection set; select it once (an alias asks for another copy)`,
};

export function limitError(limit: LimitName, max: number, found: number, subject?: string): GraphQLError {
  const details = { limit, max, ...(limit === 'tokens' ? {} : { found }) };
  const domain = badInput('query', DESCRIBE[limit](found, max, subject), details);
  // Validation errors reach the client through Apollo's own wrapper; the DomainError inside
  // carries our code and details to the gateway's error formatter.
  return new GraphQLError(domain.message, {
    originalError: domain,
    extensions: { ...domain.extensions, http: { status: 400 } },
  });
}

/** The DomainError of a limit (or any other) refusal, wherever Apollo wrapped it. */
export function domainErrorIn(error: unknown): DomainError | undefined {
  for (let current = error as { originalError?: unknown } | undefined, hops = 0; current && hops < 5; hops += 1) {
    if (current instanceof DomainError) return current;
    current = current.originalError as typeof current;
  }
  return undefined;
}

/** graphql-js stops parsing past maxTokens with a syntax error ("more that N tokens" in 16.x); this reads it back as a limit. */
export function tokenLimitOf(message: string): number | undefined {
  const match = /contains more tha[nt] (\d+) tokens/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** armor rejects with "... limit of 12 exceeded, found 14."; we keep its numbers, not its words. */
function rejectAs(limit: LimitName, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = Math.ceil(Number(/found (\d+(?:\.\d+)?)/.exec(error.message)?.[1] ?? max + 1));
        context?.reportError(limitError(limit, max, found));
      },
    ],
  };
}

export interface OperationLimitOptions {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  /** For Apollo's parser: graphql-js counts tokens itself. */
  parseOptions: { maxTokens: number };
}

export function operationLimits(limits: OperationLimits, production: boolean): OperationLimitOptions {
  const { validationRules, plugins } = new ApolloArmor({
    // Suggestions name fields a caller did not ask for: in production they map the schema.
    blockFieldSuggestion: { enabled: production, mask: '' },
    // armor's token plugin installs a hook that turns every unexpected error of any request into
    // a validation error carrying the internal message; the parser's own maxTokens counts the
    // same tokens without it.
    maxTokens: { enabled: false },
    maxDepth: { n: limits.maxDepth, ...rejectAs('depth', limits.maxDepth) },
    // Every alias counts, `__typename` ones too (armor exempts those by default): a hundred copies of
    // even the cheapest field are a hundred answers to build.
    maxAliases: { n: limits.maxAliases, allowList: [], ...rejectAs('aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...rejectAs('directives', limits.maxDirectives) },
    costLimit: { maxCost: limits.maxCost, ...rejectAs('cost', limits.maxCost) },
  }).protect();
  // The same cost rule alone, run again with the request's page sizes (see variable-cost.ts).
  const [costRule] = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    costLimit: { maxCost: limits.maxCost, ...rejectAs('cost', limits.maxCost) },
  }).protect().validationRules;
  if (!costRule) throw new Error('graphql-armor gave no cost rule with only costLimit enabled');
  return {
    validationRules: [...validationRules, documentShapeRule],
    plugins: [...plugins, documentShapePlugin(), variableCostPlugin(costRule)],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
