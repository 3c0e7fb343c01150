import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayConfig } from '../lib/config';
import { gatewayFormatError } from './gateway-errors';
import { clientAddress } from './client-address';
import { guardConnections, serverOptions } from './connection-guard';
import { crossOrigin } from './cors';
import { graphiqlLandingPage } from './graphiql';
import { operationLimits } from './operation-limits';
import { persistedQuerySetup } from './persisted-queries';
import { rateLimit, type VerifiedCaller } from './rate-limit';

/**
 * Everything that guards the one public endpoint, in one place: what Apollo is told (limits,
 * error hygiene, CSRF, no batching, persisted queries), what runs before it on /graphql (CORS,
 * rate limit, body size and deadline, allow-list) and what guards the connections themselves. Production adds: no introspection, no suggestions, no
 * stack traces, no GraphiQL.
 */
export function hardenedEndpoint(config: GatewayConfig, production: boolean, callerOf: VerifiedCaller) {
  const limits = operationLimits(config.limits, production);
  const persisted = persistedQuerySetup(config);
  const plugins: ApolloServerPlugin[] = [
    ...limits.plugins,
    production ? ApolloServerPluginLandingPageDisabled() : graphiqlLandingPage(),
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
    /** On /graphql ahead of Apollo, in this order: the rate limit (before the body is read), the body's size, the allow-list. */
    rateLimit: rateLimit(config.rateLimitPerMinute, clientAddress(config.trustProxy), callerOf),
    maxBodySize: config.maxBodySize,
    allowList: persisted.allowList,
    /** GraphiQL at /graphiql (and as the landing page at GET /graphql) outside production. */
    graphiql: !production,
    /** CORS for the origins of CORS_ORIGINS, first on /graphql: true when it answered a preflight itself. */
    crossOrigin: crossOrigin(config.corsOrigins),
    /** Options of the gateway's HTTP server, and the request deadlines and per-address connection cap set on it. */
    serverOptions: serverOptions(config.requestTimeoutMs),
    guardConnections: (server: http.Server) => guardConnections(server, config),
  };
}
