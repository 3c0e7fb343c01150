import 'reflect-metadata';
import { startHub, type Hub } from '../../scripts/start-hub';
import { definitionOf } from '../../scripts/subgraph-definitions';
import { expectData, expectError, postGraphQL } from './graphql-client';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The whole hub on ephemeral ports over its own empty databases, for one test file. */
export interface TestHub {
  hub: Hub;
  url: string;
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  fail(query: string, variables?: Record<string, unknown>): ReturnType<typeof expectError>;
  post: (query: string, variables?: Record<string, unknown>) => ReturnType<typeof postGraphQL>;
  /** SQL statements the subgraph has sent since it started. */
  sql(subgraph: string): number;
  /** Row count of a table (schema-qualified), read through the subgraph's own connection. */
  count(subgraph: string, table: string): Promise<number>;
  seedDemo(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestHub(): Promise<TestHub> {
  process.env.LOG_LEVEL ??= 'warn';
  const database: TestDatabase = await createTestDatabase();
  const ports = { grid: 0, 'party-building': 0, services: 0, 'co-building': 0 };
  const hub = await startHub({
    gatewayPort: 0,
    subgraphPorts: ports,
    databaseUrl: database.databaseUrl,
    dataDir: database.dataDir,
    demoOnFirstStart: false,
  });
  const url = hub.gateway.url;
  return {
    hub,
    url,
    query: (query, variables) => expectData(url, query, variables),
    fail: (query, variables) => expectError(url, query, variables),
    post: (query, variables) => postGraphQL(url, query, variables),
    sql: (subgraph) => hub.subgraphs[subgraph].database.sqlCount(),
    async count(subgraph, table) {
      const rows = await hub.subgraphs[subgraph].database.orm.em.getConnection().execute(`select count(*)::int as n from ${table}`);
      return rows[0].n;
    },
    async seedDemo() {
      for (const running of Object.values(hub.subgraphs)) {
        await definitionOf(running.name).seedDemo?.(running.database.orm.em.fork());
      }
    },
    async stop() {
      await hub.stop();
      await database.drop();
    },
  };
}
