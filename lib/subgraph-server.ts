import 'reflect-metadata';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { apolloHttpHandler, requestTarget } from './apollo-http';
import { internalSecret } from './auth/auth-config';
import { sendBody, sendGraphQLError, sendJson, sendNotFound } from './http-refusals';
import { HUB_KEEP_ALIVE_MS, keepIdleConnections } from './keep-alive';
import { demoDataWanted, serviceConfig } from './config';
import { openDatabase, type Database } from './database';
import { formatError } from './format-error';
import { listenOn } from './listen';
import { createLogger } from './logger';
import { stopInTurn, stopOnSignals, undoOnFailure } from './shutdown';
import { subgraphEntry } from './subgraph-registry';
import { hasInternalToken, viewerFromHeaders, type Viewer } from './viewer';

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
  /** Tables whose rows are evidence (access records, timelines): a runtime role may only add to and read them. */
  appendOnlyTables?: readonly string[];
}

export interface StartOptions {
  port?: number;
  databaseUrl?: string;
  /** The owner's URL for migrations, when databaseUrl is a runtime role's (docs/database-roles.md). */
  migrationDatabaseUrl?: string;
  dataDir?: string;
  /** Production rules (default: NODE_ENV=production). */
  production?: boolean;
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
  const production = options.production ?? config.production;
  // Before anything opens: a subgraph that cannot verify the gateway's tokens must not start and look healthy.
  internalSecret(production);
  const database = await openDatabase({
    service: definition.name,
    schema: entry.schema,
    entities: definition.entities,
    migrationsPath: definition.migrationsPath,
    url: options.databaseUrl ?? config.databaseUrl,
    migrationUrl: options.migrationDatabaseUrl ?? config.migrationDatabaseUrl,
    appendOnlyTables: definition.appendOnlyTables,
    dataDir: options.dataDir ?? config.dataDir,
  });
  // A subgraph that cannot start leaves no database pool open behind it.
  return undoOnFailure(
    () => serveSubgraph(definition, database, options.port ?? config.port, production, options.demoOnFirstStart),
    () => database.close(),
  );
}

/** Load the demo district into a new embedded database, then answer GraphQL on the port. */
async function serveSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  database: Database,
  port: number,
  production: boolean,
  demoOnFirstStart: boolean | undefined,
): Promise<RunningSubgraph> {
  const log = createLogger(definition.name);
  if (database.createdNow && definition.seedDemo && demoOnFirstStart !== false && demoDataWanted()) {
    await definition.seedDemo(database.orm.em.fork());
    log.info('loaded the demo district into the new embedded database');
  }

  const schema = await definition.buildSchema();
  // No Express: a subgraph has three fixed paths and one caller, the gateway, which makes up to
  // six subgraph calls per client operation, and Express's router, parseurl, negotiator and
  // response helpers were more than a third of a small call's CPU. Measured on co-building,
  // { __typename }, medians of 7 interleaved runs of 3000 calls: 0.79 ms CPU per call with
  // Express, 0.49 ms without.
  const httpServer = http.createServer();
  // Its callers (the gateway, sibling services) close an idle connection first (lib/subgraph-http.ts).
  keepIdleConnections(httpServer, HUB_KEEP_ALIVE_MS);
  const server = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    formatError: formatError(production, log),
    introspection: !production,
    // Shutdown is ours (database, embedded PostgreSQL, exit code); Apollo's own signal handlers would re-raise the signal.
    stopOnTerminationSignals: false,
    // No usage reporting or traces leave the hub. No cache hints either: the hub caches no
    // responses, and without the plugin Apollo does not wrap every field resolver to collect them.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await server.start();

  const graphql = apolloHttpHandler(server, {
    bodyLimit: '1mb',
    context: async (req) => {
      const viewer = await viewerFromHeaders(req.headers);
      const em = database.orm.em.fork();
      return { em, viewer, loaders: definition.createLoaders(em, viewer) };
    },
    onError: (error) => log.error({ err: error }, 'GraphQL request failed outside Apollo'),
  });
  const health = async (res: http.ServerResponse) => {
    try {
      await database.orm.em.getConnection().execute('select 1');
      sendJson(res, 200, { status: 'ok', service: definition.name });
    } catch {
      sendJson(res, 503, { status: 'unavailable', service: definition.name });
    }
  };
  // Prometheus text format: statements sent to the database and GraphQL requests served. They say
  // how busy a department is, so they are for the hub's own callers: the internal token, as on /graphql.
  let requests = 0;
  const metrics = () =>
    `# TYPE hub_sql_statements_total counter\nhub_sql_statements_total{service="${definition.name}"} ${database.sqlCount()}\n` +
    `# TYPE hub_graphql_requests_total counter\nhub_graphql_requests_total{service="${definition.name}"} ${requests}\n`;

  const serveMetrics = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (await hasInternalToken(req.headers)) sendBody(res, 200, 'text/plain; charset=utf-8', metrics());
    else
      sendGraphQLError(res, 401, "the metrics are for the hub's services: send the internal token", {
        code: 'UNAUTHENTICATED',
        field: 'authorization',
      });
  };

  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const { path, search } = requestTarget(req);
    if (path === '/graphql') {
      requests += 1;
      graphql(req, res, search);
      return;
    }
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (read && path === '/health') void health(res);
    else if (read && path === '/metrics') void serveMetrics(req, res);
    else sendNotFound(res, req.method, path);
  });

  const actualPort = await listenOn(httpServer, port, () => server.stop());
  const url = `http://127.0.0.1:${actualPort}/graphql`;
  log.info({ url, embedded: database.embedded }, 'subgraph ready');
  return {
    name: definition.name,
    url,
    port: actualPort,
    database,
    stop: () => stopInTurn([() => server.stop(), () => database.close()]),
  };
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
