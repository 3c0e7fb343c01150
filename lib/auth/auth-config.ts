import { isProduction } from '../config';
import { DEV_INTERNAL_SECRET } from './dev-keys';

/**
 * Where client tokens come from and how the hub's services trust each other, from the
 * environment. Outside production the development key and secret stand in, so `npm start` and
 * the tests need no set-up; production refuses to start without real ones.
 */
export interface AuthConfig {
  /** Expected `iss` of client tokens. */
  issuer: string;
  /** Expected `aud` of client tokens. */
  audience: string;
  /** JWKS URL of the identity provider (preferred), or one public key (PEM or JWK JSON). */
  jwksUrl: string | undefined;
  publicKey: string | undefined;
  /** Algorithm of a PEM public key (a JWK or JWKS names its own). */
  publicKeyAlgorithm: string;
  /** HMAC secret the gateway signs internal tokens with and the subgraphs verify them with. */
  internalSecret: string;
  /** Whether the development client key is accepted. */
  devKeyAccepted: boolean;
}

export function authConfig(): AuthConfig {
  const production = isProduction();
  const jwksUrl = process.env.AUTH_JWKS_URL || undefined;
  const publicKey = process.env.AUTH_PUBLIC_KEY || undefined;
  const internalSecret = process.env.HUB_INTERNAL_SECRET || (production ? '' : DEV_INTERNAL_SECRET);
  if (production && !jwksUrl && !publicKey) {
    throw new Error('Production needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY to verify client tokens');
  }
  if (production && (internalSecret.length < 32 || internalSecret === DEV_INTERNAL_SECRET)) {
    throw new Error('Production needs HUB_INTERNAL_SECRET: at least 32 characters, shared by the gateway and the subgraphs');
  }
  return {
    issuer: process.env.AUTH_ISSUER || 'grid-hub-dev',
    audience: process.env.AUTH_AUDIENCE || 'grid-hub',
    jwksUrl,
    publicKey,
    publicKeyAlgorithm: process.env.AUTH_PUBLIC_KEY_ALG || 'RS256',
    internalSecret,
    devKeyAccepted: !production && !jwksUrl && !publicKey,
  };
}
