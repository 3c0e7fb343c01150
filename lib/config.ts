import { HUB_KEEP_ALIVE_MS } from './keep-alive';

/**
 * Configuration read from the environment, in one place so docs/configuration.md can list every variable.
 */
export interface ServiceConfig {
  /** Port the service listens on. */
  port: number;
  /** PostgreSQL URL; undefined means its database on the embedded PostgreSQL server under dataDir. */
  databaseUrl: string | undefined;
  /** Folder for embedded databases. */
  dataDir: string;
  /**
   * The database owner's URL, for migrations (<X>_MIGRATION_DATABASE_URL, else MIGRATION_DATABASE_URL);
   * undefined: the service migrates with databaseUrl. Set, the service runs as databaseUrl's role
   * and the owner grants that role what it needs after migrating (docs/database-roles.md).
   */
  migrationDatabaseUrl: string | undefined;
  production: boolean;
}

export function envName(service: string): string {
  return service.toUpperCase().replace(/-/g, '_');
}

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Environment variable ${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** pino level of every service's log (LOG_LEVEL). */
export function logLevel(): string {
  return process.env.LOG_LEVEL || 'info';
}

/** Interface every service listens on (HOST; 0.0.0.0 in a container). */
export function listenHost(): string {
  return process.env.HOST || '127.0.0.1';
}

/** Deadline of one call to a subgraph, from the gateway or from another subgraph (SUBGRAPH_TIMEOUT_MS). */
export function subgraphTimeoutMs(): number {
  return intFromEnv('SUBGRAPH_TIMEOUT_MS', 5000);
}

/** Whether a new embedded database is given the demo district (DEMO_DATA=off: it starts empty). */
export function demoDataWanted(): boolean {
  return process.env.DEMO_DATA !== 'off';
}

export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

/**
 * Where a subgraph is reached, from the environment: GRID_URL (and the like) when set, else the
 * local port it is told to listen on (GRID_PORT: http://127.0.0.1:<port>/graphql), else
 * undefined, and the caller falls back to the supergraph file's URL or the default port. So a
 * gateway started alone with GRID_PORT=5001 calls 5001, as the subgraph started with it listens there.
 */
export function subgraphUrlFromEnv(service: string): string | undefined {
  const prefix = envName(service);
  const url = process.env[`${prefix}_URL`];
  if (url) return url;
  const port = process.env[`${prefix}_PORT`];
  return port ? `http://127.0.0.1:${intFromEnv(`${prefix}_PORT`, 0)}/graphql` : undefined;
}

export function serviceConfig(service: string, defaultPort: number): ServiceConfig {
  const prefix = envName(service);
  return {
    port: intFromEnv(`${prefix}_PORT`, defaultPort),
    databaseUrl: process.env[`${prefix}_DATABASE_URL`] || process.env.DATABASE_URL || undefined,
    migrationDatabaseUrl:
      process.env[`${prefix}_MIGRATION_DATABASE_URL`] || process.env.MIGRATION_DATABASE_URL || undefined,
    dataDir: process.env.DATA_DIR || '.data',
    production: isProduction(),
  };
}

export type PersistedQueryMode = 'apq' | 'allowlist' | 'off';

/**
 * What one operation may ask for. The defaults leave room above every operation the README and
 * the benchmark send (deepest 10 levels, 4 aliases, no directives, 120 tokens, cost 24 000 for 200
 * residents with their memberships and pledges), and refuse what only an abusive client sends; a
 * list without `first` costs its default page of 20. A value is the largest allowed:
 * MAX_ALIASES=0 refuses every alias.
 */
export interface OperationLimits {
  /** Nesting of fields (MAX_DEPTH). */
  maxDepth: number;
  /** Aliased fields (MAX_ALIASES): each alias is another copy of the work. */
  maxAliases: number;
  /** Directives in the operation (MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Lexical tokens of the document (MAX_TOKENS), checked while parsing. */
  maxTokens: number;
  /** graphql-armor's cost (objects 2, scalars 1, ×1.5 per level, ×first/last), variables counted (MAX_COST). */
  maxCost: number;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new Error(`Environment variable ${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function sizeFromEnv(name: string, fallback: string): string {
  const raw = process.env[name] || fallback;
  if (!/^\d+(kb|mb|b)?$/i.test(raw))
    throw new Error(`Environment variable ${name} must be a size such as 1mb, 200kb or 50000, got "${raw}"`);
  return raw.toLowerCase();
}

export function gatewayConfig() {
  const persistedQueries = oneOf<PersistedQueryMode>('PERSISTED_QUERIES', ['apq', 'allowlist', 'off'], 'apq');
  const persistedQueryManifest = process.env.PERSISTED_QUERY_MANIFEST || undefined;
  if (persistedQueries === 'allowlist' && !persistedQueryManifest) {
    throw new Error('PERSISTED_QUERIES=allowlist needs PERSISTED_QUERY_MANIFEST, the path of the allowed operations');
  }
  const limits: OperationLimits = {
    maxDepth: intFromEnv('MAX_DEPTH', 12),
    maxAliases: intFromEnv('MAX_ALIASES', 15),
    maxDirectives: intFromEnv('MAX_DIRECTIVES', 20),
    maxTokens: intFromEnv('MAX_TOKENS', 1000),
    maxCost: intFromEnv('MAX_COST', 50_000),
  };
  return {
    port: intFromEnv('PORT', 4000),
    subgraphTimeoutMs: subgraphTimeoutMs(),
    /** How long an idle client connection stays open: longer than a load balancer in front keeps one. */
    keepAliveTimeoutMs: intFromEnv('KEEP_ALIVE_TIMEOUT_MS', HUB_KEEP_ALIVE_MS),
    supergraphPath: process.env.SUPERGRAPH_PATH || 'gateway/supergraph.graphql',
    production: isProduction(),
    limits,
    /** Largest request body (body-parser size: 1mb, 200kb, bytes); larger is refused with 413. */
    maxBodySize: sizeFromEnv('MAX_BODY_SIZE', '1mb'),
    /** Requests per minute per client (token, else IP address); 0 turns the limit off. */
    rateLimitPerMinute: intFromEnv('RATE_LIMIT_PER_MINUTE', 6000),
    /** Which proxies' X-Forwarded-For is believed (e.g. 1 behind one load balancer; gateway/client-address.ts), so the client's address is the real one. */
    trustProxy: process.env.TRUST_PROXY || undefined,
    /** apq: automatic persisted queries (web); allowlist: only the manifest's operations (mobile); off. */
    persistedQueries,
    persistedQueryManifest,
    /** Origins whose browser pages may call the endpoint (CORS_ORIGINS); none by default. */
    corsOrigins: corsOrigins(),
    /** Headers and body of one request must arrive within this (REQUEST_TIMEOUT_MS); late: 408 and the connection closed. */
    requestTimeoutMs: positiveIntFromEnv('REQUEST_TIMEOUT_MS', 30_000),
    /** Open connections from one address (MAX_CONNECTIONS_PER_ADDRESS); one more is closed at once; 0: no cap. */
    maxConnectionsPerAddress: intFromEnv('MAX_CONNECTIONS_PER_ADDRESS', 100),
  };
}

export type GatewayConfig = ReturnType<typeof gatewayConfig>;

/**
 * Browser origins allowed to call the gateway from another site (CORS_ORIGINS: a comma-separated
 * list of origins such as https://console.example.gov.cn). Empty: no cross-origin access.
 */
function corsOrigins(): string[] {
  const raw = process.env.CORS_ORIGINS ?? '';
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new Error(
        `CORS_ORIGINS must list origins such as https://console.example.org (scheme, host and port only), got "${origin}"`,
      );
    }
  }
  return origins;
}

/** Where client tokens come from and the secret the services share, as set in the environment (checked in lib/auth/auth-config.ts). */
export function authSettings() {
  return {
    issuer: process.env.AUTH_ISSUER || 'grid-hub-dev',
    audience: process.env.AUTH_AUDIENCE || 'grid-hub',
    jwksUrl: process.env.AUTH_JWKS_URL || undefined,
    publicKey: process.env.AUTH_PUBLIC_KEY || undefined,
    publicKeyAlgorithm: process.env.AUTH_PUBLIC_KEY_ALG || undefined,
    internalSecret: process.env.HUB_INTERNAL_SECRET || undefined,
  };
}

function positiveIntFromEnv(name: string, fallback: number): number {
  const value = intFromEnv(name, fallback);
  if (value === 0) throw new Error(`Environment variable ${name} must be a positive integer, got "0"`);
  return value;
}

export { intFromEnv };
