import { authSettings, isProduction } from '../config';
import { DEV_INTERNAL_SECRET } from './dev-keys';

/**
 * Where client tokens come from and how the hub's services trust each other. Outside production
 * the development key and secret stand in, so `npm start` and the tests need no set-up;
 * production refuses to start without real ones. Each service checks only what it uses: the
 * gateway both, a subgraph the internal secret alone.
 */
export interface ClientTokenConfig {
  /** Expected `iss` of client tokens. */
  issuer: string;
  /** Expected `aud` of client tokens. */
  audience: string;
  /** JWKS URL of the identity provider (preferred), or one public key (PEM or JWK JSON). */
  jwksUrl: string | undefined;
  publicKey: string | undefined;
  /** Algorithm client tokens must be signed with, for a PEM key or a key set (a single JWK may name its own). */
  publicKeyAlgorithm: string;
  /** Whether the development client key is accepted. */
  devKeyAccepted: boolean;
}

export interface AuthConfig extends ClientTokenConfig {
  /** HMAC secret the gateway signs internal tokens with and the subgraphs verify them with. */
  internalSecret: string;
}

export const MIN_INTERNAL_SECRET_LENGTH = 32;

/** The shared secret of internal tokens; in production a missing, short or development one stops the start with the reason. */
export function internalSecret(production = isProduction()): string {
  const secret = authSettings().internalSecret;
  if (!production) return secret ?? DEV_INTERNAL_SECRET;
  const needed = `production needs HUB_INTERNAL_SECRET, a secret of at least ${MIN_INTERNAL_SECRET_LENGTH} characters shared by the gateway and the subgraphs`;
  if (!secret) throw new Error(`HUB_INTERNAL_SECRET is not set: ${needed}`);
  if (secret === DEV_INTERNAL_SECRET)
    throw new Error(`HUB_INTERNAL_SECRET is the development secret, which is published with the code: ${needed}`);
  if (secret.length < MIN_INTERNAL_SECRET_LENGTH)
    throw new Error(`HUB_INTERNAL_SECRET has ${secret.length} characters: ${needed}`);
  return secret;
}

/** How the gateway verifies client tokens; in production it needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY. */
export function clientTokenConfig(production = isProduction()): ClientTokenConfig {
  const settings = authSettings();
  if (production && !settings.jwksUrl && !settings.publicKey) {
    throw new Error(
      'Production needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY to verify client tokens (the development key is refused)',
    );
  }
  return {
    issuer: settings.issuer,
    audience: settings.audience,
    jwksUrl: settings.jwksUrl,
    publicKey: settings.publicKey,
    publicKeyAlgorithm: settings.publicKeyAlgorithm ?? 'RS256',
    devKeyAccepted: !production && !settings.jwksUrl && !settings.publicKey,
  };
}

/** Both halves, for the gateway and the tests. */
export function authConfig(production = isProduction()): AuthConfig {
  return { ...clientTokenConfig(production), internalSecret: internalSecret(production) };
}
