import { importJWK, SignJWT } from 'jose';
import { authSettings } from '../config';
import { DEV_CLIENT_PRIVATE_JWK } from './dev-keys';
import { scopeClaimOf, type ClientRole, type ScopeClaims } from './roles';
import { withArticle } from '../articles';

export interface DevTokenRequest {
  role: ClientRole;
  /** The claim that scopes the role (workerId for GRID_WORKER, ...). */
  claims?: ScopeClaims;
  subject?: string;
  /** Lifetime in seconds (default 8 hours, a working day). */
  expiresInSeconds?: number;
}

/**
 * A client token signed with the development key, as an identity provider would issue it.
 * For the demo, the tests and the benchmark; the hub refuses the key in production.
 */
export async function issueDevToken(request: DevTokenRequest): Promise<string> {
  const config = authSettings();
  const claim = scopeClaimOf(request.role);
  if (claim && !request.claims?.[claim]) throw new Error(`${withArticle(request.role)} token needs --${claim}`);
  const key = await importJWK(DEV_CLIENT_PRIVATE_JWK, 'EdDSA');
  return new SignJWT({ role: request.role, ...(claim ? { [claim]: request.claims![claim] } : {}) })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setSubject(request.subject ?? `dev-${request.role.toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (request.expiresInSeconds ?? 8 * 3600))
    .sign(key);
}
