import 'reflect-metadata';
import { startHub, type Hub } from '../../scripts/start-hub';
import { definitionOf } from '../../scripts/subgraph-definitions';
import { issueDevToken, type DevTokenRequest } from '../../lib/auth/dev-token';
import { mintInternalToken, type InternalIdentity } from '../../lib/auth/internal-token';
import { stopInTurn, undoOnFailure } from '../../lib/shutdown';
import { PURPOSE_HEADER } from '../../lib/viewer';

const SERVICE: InternalIdentity = { subject: 'service:test', role: 'SERVICE', claims: {}, territory: null };
import { expectData, expectError, postGraphQL } from './graphql-client';
import { createTestDatabase, type TestDatabase } from './test-database';

/** A client of the hub with one identity: queries that must succeed, must fail, or either. */
export interface TestClient {
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  fail(query: string, variables?: Record<string, unknown>): ReturnType<typeof expectError>;
  post: (query: string, variables?: Record<string, unknown>) => ReturnType<typeof postGraphQL>;
}

/** Who a test client is: a role with its scope claim, and optionally a purpose for full personal values. */
export interface TestIdentity extends DevTokenRequest {
  purpose?: string;
}

/**
 * The whole hub on ephemeral ports over its own empty databases, for one test file. Its own
 * `query`, `fail` and `post` act as a city administrator; `as(...)` gives a client for any
 * role, and `anonymous` one without a token.
 */
export interface TestHub extends TestClient {
  hub: Hub;
  url: string;
  as(identity: TestIdentity): Promise<TestClient>;
  anonymous: TestClient;
  /** A client calling one subgraph directly, around the gateway, with a valid internal token (SERVICE unless told). */
  direct(subgraph: string, identity?: InternalIdentity): Promise<TestClient>;
  /** Headers with a valid internal token, for raw calls to a subgraph. */
  internalHeaders(identity?: InternalIdentity): Promise<Record<string, string>>;
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
  const hub = await undoOnFailure(
    () =>
      startHub({
        gatewayPort: 0,
        subgraphPorts: ports,
        databaseUrl: database.databaseUrl,
        dataDir: database.dataDir,
        demoOnFirstStart: false,
      }),
    () => database.drop(),
  );
  const url = hub.gateway.url;
  const clientWith = (headers: Record<string, string>, target = url): TestClient => ({
    query: (query, variables) => expectData(target, query, variables, headers),
    fail: (query, variables) => expectError(target, query, variables, headers),
    post: (query, variables) => postGraphQL(target, query, variables, headers),
  });
  const as = async ({ purpose, ...request }: TestIdentity) =>
    clientWith({
      authorization: `Bearer ${await issueDevToken(request)}`,
      ...(purpose ? { [PURPOSE_HEADER]: encodeURIComponent(purpose) } : {}),
    });
  const admin = await as({ role: 'CITY_ADMIN', subject: 'test-admin' });
  const internalHeaders = async (identity: InternalIdentity = SERVICE) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${await mintInternalToken(identity, 600)}`,
  });
  return {
    hub,
    url,
    ...admin,
    as,
    anonymous: clientWith({}),
    internalHeaders,
    direct: async (subgraph, identity) => clientWith(await internalHeaders(identity), hub.subgraphs[subgraph].url),
    sql: (subgraph) => hub.subgraphs[subgraph].database.sqlCount(),
    async count(subgraph, table) {
      const rows = await hub.subgraphs[subgraph].database.orm.em
        .getConnection()
        .execute(`select count(*)::int as n from ${table}`);
      return rows[0].n;
    },
    async seedDemo() {
      for (const running of Object.values(hub.subgraphs)) {
        await definitionOf(running.name).seedDemo?.(running.database.orm.em.fork());
      }
    },
    stop: () => stopInTurn([() => hub.stop(), () => database.drop()]),
  };
}
