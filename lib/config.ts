/**
 * Configuration read from the environment, in one place so the README can list every variable.
 */
export interface ServiceConfig {
  /** Port the service listens on. */
  port: number;
  /** PostgreSQL URL; undefined means the embedded database (PGlite) under dataDir. */
  databaseUrl: string | undefined;
  /** Folder for embedded databases. */
  dataDir: string;
  production: boolean;
  logLevel: string;
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

export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

export function serviceConfig(service: string, defaultPort: number): ServiceConfig {
  const prefix = envName(service);
  return {
    port: intFromEnv(`${prefix}_PORT`, defaultPort),
    databaseUrl: process.env[`${prefix}_DATABASE_URL`] || process.env.DATABASE_URL || undefined,
    dataDir: process.env.DATA_DIR || '.data',
    production: isProduction(),
    logLevel: process.env.LOG_LEVEL || 'info',
  };
}

export function gatewayConfig() {
  return {
    port: intFromEnv('PORT', 4000),
    subgraphTimeoutMs: intFromEnv('SUBGRAPH_TIMEOUT_MS', 5000),
    supergraphPath: process.env.SUPERGRAPH_PATH || 'gateway/supergraph.graphql',
    production: isProduction(),
  };
}

export { intFromEnv };
