import type { JWK } from 'jose';

/**
 * A development key pair for client tokens, public on purpose: `npm run token` signs with it so
 * the demo and the tests can act as any role. The hub accepts it only outside production
 * (NODE_ENV=production refuses to start without AUTH_JWKS_URL or AUTH_PUBLIC_KEY).
 */
export const DEV_CLIENT_PRIVATE_JWK: JWK = {
  crv: 'Ed25519',
  d: '-lZD8Ow2ASFUExkzw-GuZ0wbJ2_A7HA5LnjCAyLXg8I',
  x: '-BnkdFjeW5g4WMqHoXFoUnHZTe7o0c9iNxoXyHuKlco',
  kty: 'OKP',
};

export const DEV_CLIENT_PUBLIC_JWK: JWK = {
  crv: 'Ed25519',
  x: '-BnkdFjeW5g4WMqHoXFoUnHZTe7o0c9iNxoXyHuKlco',
  kty: 'OKP',
};

/** Development secret shared by the gateway and the subgraphs for internal tokens. */
export const DEV_INTERNAL_SECRET = 'development-only-internal-secret-change-me-in-production';
