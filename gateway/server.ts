import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { envName, gatewayConfig } from '../lib/config';
import { keepIdleConnections } from '../lib/keep-alive';
import { createLogger } from '../lib/logger';
import { callerIdentity } from './caller-identity';
import { hardenedEndpoint } from './hardening';
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

/** The subgraph URL actually used: explicit option, then GRID_URL-style variable, then the file. */
function resolveUrl(name: string, fileUrl: string, overrides: Record<string, string>): string {
  return overrides[name] ?? process.env[`${envName(name)}_URL`] ?? fileUrl;
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

  const internalTokenFor = callerIdentity({
    gridUrl: () => subgraphUrls.get('grid') ?? resolveUrl('grid', 'http://127.0.0.1:4001/graphql', options.subgraphUrls ?? {}),
    timeoutMs: config.subgraphTimeoutMs,
  });

  const hardened = hardenedEndpoint(config, production);
  const app = express();
  // Responses are per caller and never cached, so no ETag (a hash of every response body).
  app.set('etag', false);
  const httpServer = http.createServer(app);
  // Clients and a load balancer in front close an idle connection before the gateway does.
  keepIdleConnections(httpServer, config.keepAliveTimeoutMs);
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
    ],
  });
  await server.start();

  hardened.routes(app);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      [...subgraphUrls].map(async ([name, url]) => {
        try {
          const response = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(config.subgraphTimeoutMs) });
          return [name, response.ok ? 'ok' : 'unavailable'] as const;
        } catch {
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const ready = checks.every(([, status]) => status === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', subgraphs: Object.fromEntries(checks) });
  });
  app.use(
    '/graphql',
    ...hardened.before,
    expressMiddleware(server, {
      context: async ({ req }) => ({
        internalToken: await internalTokenFor(req.headers.authorization),
        purpose: typeof req.headers[PURPOSE_HEADER] === 'string' ? req.headers[PURPOSE_HEADER] : undefined,
        operation: typeof req.body?.operationName === 'string' ? req.body.operationName : undefined,
      }),
    }),
  );

  const port = options.port ?? config.port;
  await new Promise<void>((resolve) => httpServer.listen(port, process.env.HOST || '127.0.0.1', resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${actualPort}/graphql`;
  log.info({ url }, 'gateway ready');
  return {
    url,
    port: actualPort,
    stop: () => server.stop(),
  };
}
