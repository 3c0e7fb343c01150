import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { gatewayConfig, subgraphUrlFromEnv } from '../lib/config';
import { apolloHttpHandler, requestTarget } from '../lib/apollo-http';
import { sendBody, sendGraphQLError, sendJson, sendNotFound } from '../lib/http-refusals';
import { keepIdleConnections } from '../lib/keep-alive';
import { listenOn } from '../lib/listen';
import { createLogger } from '../lib/logger';
import { callerIdentity } from './caller-identity';
import { argumentChecks } from './argument-checks';
import { graphiqlPage } from './graphiql';
import { hardenedEndpoint } from './hardening';
import { internalErrorLog } from './internal-errors';
import { subgraphDataSource, type GatewayContext, type SubgraphFetch } from './subgraph-fetcher';
import { PURPOSE_HEADER } from '../lib/viewer';

export interface GatewayOptions {
  port?: number;
  /** Subgraph URLs by name, overriding the supergraph file and the environment. */
  subgraphUrls?: Record<string, string>;
  supergraphPath?: string;
  production?: boolean;
  /** Called after each subgraph fetch sent (the benchmark records the fetches of an operation); a read answered by an identical one in flight is not one. */
  observeSubgraphFetch?: (fetch: SubgraphFetch) => void;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The subgraph URL actually used: explicit option, then GRID_URL (or GRID_PORT) style variable, then the file. */
function resolveUrl(name: string, fileUrl: string, overrides: Record<string, string>): string {
  return overrides[name] ?? subgraphUrlFromEnv(name) ?? fileUrl;
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const config = gatewayConfig();
  const production = options.production ?? config.production;
  const log = createLogger('gateway');
  const supergraphSdl = fs.readFileSync(options.supergraphPath ?? config.supergraphPath, 'utf8');
  const subgraphUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const resolved = resolveUrl(name, url ?? '', options.subgraphUrls ?? {});
      subgraphUrls.set(name, resolved);
      return subgraphDataSource(name, resolved, config.subgraphTimeoutMs, options.observeSubgraphFetch, log);
    },
  });

  const identity = callerIdentity({
    gridUrl: () =>
      subgraphUrls.get('grid') ?? resolveUrl('grid', 'http://127.0.0.1:4001/graphql', options.subgraphUrls ?? {}),
    timeoutMs: config.subgraphTimeoutMs,
    production,
  });

  const hardened = hardenedEndpoint(config, production, identity.verifiedCaller);
  // No Express, as in the subgraphs (lib/subgraph-server.ts): the gateway serves four fixed paths,
  // and its guards (rate limit, body size, allow-list) run on node:http directly.
  const httpServer = http.createServer(hardened.serverOptions);
  // Clients and a load balancer in front close an idle connection before the gateway does.
  keepIdleConnections(httpServer, config.keepAliveTimeoutMs);
  hardened.guardConnections(httpServer);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    ...hardened.apollo,
    // Shutdown is ours (database, embedded PostgreSQL, exit code); Apollo's own signal handlers would re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The hub caches no responses: no cache policy to compute per request.
      ApolloServerPluginCacheControlDisabled(),
      ...hardened.plugins,
      argumentChecks(),
      internalErrorLog(log),
    ],
  });
  await server.start();

  const failedOutsideApollo = (error: unknown) => log.error({ err: error }, 'GraphQL request failed outside Apollo');
  const graphql = apolloHttpHandler(server, {
    bodyLimit: hardened.maxBodySize,
    context: async (req) => ({
      internalToken: await identity.internalTokenFor(req.headers.authorization),
      purpose: typeof req.headers[PURPOSE_HEADER] === 'string' ? req.headers[PURPOSE_HEADER] : undefined,
      operation: operationNameOf((req as { body?: unknown }).body),
    }),
    admit: hardened.allowList ?? undefined,
    onError: failedOutsideApollo,
  });
  const limited = hardened.rateLimit;
  /**
   * Ready when every subgraph's /health answers. Otherwise 503, naming each department that is
   * down and why (not reachable, no answer in time, or its database not answering), never its address.
   */
  const ready = async (res: http.ServerResponse) => {
    const checks = await Promise.all(
      [...subgraphUrls].map(async ([name, url]): Promise<[string, string | undefined]> => {
        try {
          const response = await fetch(url.replace(/\/graphql$/, '/health'), {
            signal: AbortSignal.timeout(config.subgraphTimeoutMs),
          });
          response.body?.cancel().catch(() => undefined);
          if (response.ok) return [name, undefined];
          return [
            name,
            response.status === 503 ? 'its database does not answer' : `its health check answered ${response.status}`,
          ];
        } catch (error) {
          const timedOut = (error as Error).name === 'TimeoutError';
          return [name, timedOut ? `no answer within ${config.subgraphTimeoutMs} ms` : 'not reachable'];
        }
      }),
    );
    const down = checks.filter(([, reason]) => reason !== undefined);
    sendJson(res, down.length ? 503 : 200, {
      status: down.length ? 'not ready' : 'ready',
      subgraphs: Object.fromEntries(
        checks.map(([name, reason]) => [name, reason === undefined ? 'ok' : 'unavailable']),
      ),
      ...(down.length ? { down: Object.fromEntries(down) } : {}),
    });
  };

  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const { path, search } = requestTarget(req);
    const route = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    if (route === '/graphql') {
      if (hardened.crossOrigin(req, res)) return;
      if (!limited) return graphql(req, res, search);
      limited(req, res).then(
        (admitted) => admitted && graphql(req, res, search),
        (error: unknown) => {
          failedOutsideApollo(error);
          sendGraphQLError(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
        },
      );
      return;
    }
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (read && route === '/health') sendJson(res, 200, { status: 'ok' });
    else if (read && route === '/ready') void ready(res);
    else if (read && route === '/graphiql' && hardened.graphiql)
      sendBody(res, 200, 'text/html; charset=utf-8', graphiqlPage());
    else sendNotFound(res, req.method, path);
  });

  const port = options.port ?? config.port;
  const actualPort = await listenOn(httpServer, port, () => server.stop());
  const url = `http://127.0.0.1:${actualPort}/graphql`;
  log.info({ url }, 'gateway ready');
  return {
    url,
    port: actualPort,
    stop: () => server.stop(),
  };
}

function operationNameOf(body: unknown): string | undefined {
  const name = (body as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' ? name : undefined;
}
