import {
  createLocalJWKSet,
  createRemoteJWKSet,
  importJWK,
  importSPKI,
  jwtVerify,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { DomainError } from '../errors';
import { clientTokenConfig, type ClientTokenConfig } from './auth-config';
import { DEV_CLIENT_PUBLIC_JWK } from './dev-keys';
import { CLIENT_ROLES, isClientRole, scopeClaimOf, type ClientRole, type ScopeClaims } from './roles';
import { withArticle } from '../articles';

/** A caller as its verified client token says. */
export interface ClientIdentity {
  subject: string;
  role: ClientRole;
  claims: ScopeClaims;
  /** Seconds since the epoch. */
  expiresAt: number;
}

function unauthenticated(message: string): DomainError {
  return new DomainError('UNAUTHENTICATED', message, 'authorization');
}

type KeySource = KeyLike | Uint8Array | JWTVerifyGetKey;

/**
 * The configured key and the one algorithm a token must name to be checked with it. Pinned,
 * because a key alone admits several: an RSA key verifies RS256, RS384, RS512 and PS256 alike,
 * and a token's header is the signer's to choose.
 */
interface VerificationKey {
  key: Promise<KeySource>;
  algorithms: string[];
}

function verificationKey(config: ClientTokenConfig): VerificationKey {
  if (config.jwksUrl)
    return {
      key: Promise.resolve(createRemoteJWKSet(new URL(config.jwksUrl))),
      algorithms: [config.publicKeyAlgorithm],
    };
  if (config.publicKey?.trim().startsWith('{')) {
    const jwk = JSON.parse(config.publicKey);
    if (jwk.keys) {
      const named = (jwk.keys as Array<{ alg?: string }>).map((key) => key.alg);
      const algorithms = named.every(Boolean) ? [...new Set(named as string[])] : [config.publicKeyAlgorithm];
      return { key: Promise.resolve(createLocalJWKSet(jwk)), algorithms };
    }
    const algorithm = jwk.alg ?? config.publicKeyAlgorithm;
    return { key: importJWK(jwk, algorithm), algorithms: [algorithm] };
  }
  if (config.publicKey)
    return { key: importSPKI(config.publicKey, config.publicKeyAlgorithm), algorithms: [config.publicKeyAlgorithm] };
  return { key: importJWK(DEV_CLIENT_PUBLIC_JWK, 'EdDSA'), algorithms: ['EdDSA'] };
}

/**
 * Verifies client tokens: signature, expiry, issuer and audience, then the role and the claim
 * that scopes it. Every failure is UNAUTHENTICATED and says what is wrong with the token.
 */
export function clientTokenVerifier(config: ClientTokenConfig = clientTokenConfig()) {
  const { key, algorithms } = verificationKey(config);
  return async function verifyClientToken(token: string): Promise<ClientIdentity> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, (await key) as any, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms,
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw unauthenticated('the token has expired');
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
        throw unauthenticated(`the token's ${(error as { claim?: string }).claim} claim is not accepted here`);
      throw unauthenticated('the token could not be verified');
    }
    if (!payload.sub) throw unauthenticated('the token has no sub claim');
    if (!payload.exp) throw unauthenticated('the token has no exp claim');
    const role = payload.role;
    if (!isClientRole(role)) throw unauthenticated(`the token's role claim must be one of ${CLIENT_ROLES.join(', ')}`);
    const claims: ScopeClaims = {};
    const scopeClaim = scopeClaimOf(role);
    if (scopeClaim) {
      const value = payload[scopeClaim];
      if (typeof value !== 'string' || !value)
        throw unauthenticated(`${withArticle(role)} token needs ${withArticle(scopeClaim)} claim`);
      claims[scopeClaim] = value;
    }
    return { subject: payload.sub, role, claims, expiresAt: payload.exp };
  };
}
