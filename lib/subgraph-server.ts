import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { EntityManager } from '@mikro-orm/postgresql';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { serviceConfig } from './config';
import { openDatabase, type Database } from './database';
import { formatError } from './format-error';
import { createLogger } from './logger';
import { subgraphEntry } from './subgraph-registry';
import { viewerFromHeaders, type Viewer } from './viewer';

/** What every resolver of every subgraph receives. */
export interface SubgraphContext<Loaders> {
  em: EntityManager;
  viewer: Viewer;
  loaders: Loaders;
}

export interface SubgraphDefinition<Loaders> {
  name: string;
  entities: Function[];
  /** Compiled migrations folder (absolute). */
  migrationsPath: string;
  buildSchema(): Promise<GraphQLSchema>;
  createLoaders(em: EntityManager, viewer: Viewer): Loaders;
  /** Demo data loaded into a freshly created embedded database. */
  seedDemo?(em: EntityManager): Promise<void>;
}

export interface StartOptions {
  port?: number;
  databaseUrl?: string;
  dataDir?: string;
  /** Load demo data when the embedded database is new (default true). */
  demoOnFirstStart?: boolean;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  database: Database;
  stop(): Promise<void>;
}

export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  options: StartOptions = {},
): Promise<RunningSubgraph> {
  const entry = subgraphEntry(definition.name);
  const config = serviceConfig(definition.name, entry.defaultPort);
  const log = createLogger(definition.name);
  const database = await openDatabase({
    service: definition.name,
    schema: entry.schema,
    entities: definition.entities,
    migrationsPath: definition.migrationsPath,
    url: options.databaseUrl ?? config.databaseUrl,
    dataDir: options.dataDir ?? config.dataDir,
  });
  if (database.createdNow && definition.seedDemo && options.demoOnFirstStart !== false && process.env.DEMO_DATA !== 'off') {
    await definition.seedDemo(database.orm.em.fork());
    log.info('loaded the demo district into the new embedded database');
  }

  const schema = await definition.buildSchema();
  const app = express();
  // Responses are per caller and never cached, so no ETag (a hash of every response body).
  app.set('etag', false);
  const httpServer = http.createServer(app);
  const server = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    formatError: formatError(config.production),
    introspection: !config.production,
    // Shutdown is ours (database, embedded PostgreSQL, exit code); Apollo's own signal handlers would re-raise the signal.
    stopOnTerminationSignals: false,
    // No usage reporting or traces leave the hub. No cache hints either: the hub caches no
    // responses, and without the plugin Apollo does not wrap every field resolver to collect them.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await server.start();

  app.get('/health', async (_req, res) => {
    try {
      await database.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok', service: definition.name });
    } catch {
      res.status(503).json({ status: 'unavailable', service: definition.name });
    }
  });
  // Prometheus text format: statements sent to the database and GraphQL requests served.
  let requests = 0;
  app.get('/metrics', (_req, res) => {
    res.type('text/plain').send(
      `# TYPE hub_sql_statements_total counter\nhub_sql_statements_total{service="${definition.name}"} ${database.sqlCount()}\n` +
        `# TYPE hub_graphql_requests_total counter\nhub_graphql_requests_total{service="${definition.name}"} ${requests}\n`,
    );
  });
  app.use('/graphql', (_req, _res, next) => {
    requests += 1;
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const viewer = await viewerFromHeaders(req.headers);
        const em = database.orm.em.fork();
        return { em, viewer, loaders: definition.createLoaders(em, viewer) };
      },
    }),
  );

  const port = options.port ?? config.port;
  await new Promise<void>((resolve) => httpServer.listen(port, process.env.HOST || '127.0.0.1', resolve));
  const actualPort = (httpServer.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${actualPort}/graphql`;
  log.info({ url, embedded: database.embedded }, 'subgraph ready');
  return {
    name: definition.name,
    url,
    port: actualPort,
    database,
    async stop() {
      await server.stop();
      await database.close();
    },
  };
}

/**
 * Stop once on SIGINT or SIGTERM, however many arrive: Ctrl-C in a terminal signals the whole
 * process group, so a service started by `npm start` hears it from the terminal and from the hub.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** Entry point of a subgraph started alone: start, and stop cleanly on Ctrl-C or SIGTERM. */
export function runStandalone<Loaders>(definition: SubgraphDefinition<Loaders>): void {
  const log = createLogger(definition.name);
  startSubgraph(definition).then(
    (running) => stopOnSignals(() => running.stop()),
    (error) => {
      log.error({ err: error }, 'failed to start');
      process.exit(1);
    },
  );
}
