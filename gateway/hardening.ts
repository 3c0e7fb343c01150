import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import type { GatewayConfig } from '../lib/config';
import { gatewayFormatError } from './gateway-errors';
import { graphiqlLandingPage, serveGraphiQL } from './graphiql';
import { operationLimits } from './operation-limits';
import { persistedQuerySetup } from './persisted-queries';
import { rateLimit } from './rate-limit';
import { jsonBody } from './request-body';

/**
 * Everything that guards the one public endpoint, in one place: what Apollo is told (limits,
 * error hygiene, CSRF, no batching, persisted queries) and what runs before it on /graphql
 * (rate limit, body size, allow-list). Production adds: no introspection, no suggestions, no
 * stack traces, no GraphiQL.
 */
export function hardenedEndpoint(config: GatewayConfig, production: boolean) {
  const limits = operationLimits(config.limits, production);
  const persisted = persistedQuerySetup(config);
  const plugins: ApolloServerPlugin[] = [
    ...limits.plugins,
    production ? ApolloServerPluginLandingPageDisabled() : graphiqlLandingPage(),
  ];
  const before: Array<RequestHandler | ErrorRequestHandler> = [
    rateLimit(config.rateLimitPerMinute),
    ...jsonBody(config.maxBodySize),
    ...(persisted.allowList ? [persisted.allowList] : []),
  ];
  return {
    /** Spread into the ApolloServer options. */
    apollo: {
      formatError: gatewayFormatError(production),
      includeStacktraceInErrorResponses: !production,
      introspection: !production,
      // A GET or a "simple" POST must carry a header a browser form cannot set: no cross-site requests.
      csrfPrevention: true,
      // One operation per request: a JSON array would multiply the work behind one rate-limit count.
      allowBatchedHttpRequests: false,
      validationRules: limits.validationRules,
      parseOptions: limits.parseOptions,
      persistedQueries: persisted.apollo,
    },
    plugins,
    /** Handlers for /graphql ahead of Apollo's. */
    before,
    /** Routes besides /graphql, and how the client's address is read. */
    routes(app: Express): void {
      if (config.trustProxy) app.set('trust proxy', trustProxyValue(config.trustProxy));
      if (!production) serveGraphiQL(app);
    },
  };
}

/** Express's "trust proxy": a hop count, true, or a list of addresses/subnets. */
function trustProxyValue(raw: string): boolean | number | string {
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}
