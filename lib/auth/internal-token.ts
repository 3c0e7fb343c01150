import { jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { internalSecret } from './auth-config';
import type { Role, ScopeClaims, Territory } from './roles';

/**
 * The gateway tells a subgraph who is asking with a short-lived token of its own (HS256 with
 * HUB_INTERNAL_SECRET), carrying the verified role and scope and, for territorial roles, the
 * territory resolved once for the whole request. A subgraph trusts nothing else: a call without
 * a valid internal token is refused, whoever makes it. Services checking ids against each other
 * sign a SERVICE token with the same secret.
 */
export const INTERNAL_ISSUER = 'grid-hub-gateway';
export const INTERNAL_AUDIENCE = 'grid-hub-subgraphs';

export interface InternalIdentity {
  subject: string | null;
  role: Role;
  claims: ScopeClaims;
  territory: Territory | null;
}

let secretKey: Uint8Array | undefined;
function secret(): Uint8Array {
  secretKey ??= new TextEncoder().encode(internalSecret());
  return secretKey;
}

/** For tests that change HUB_INTERNAL_SECRET between hubs. */
export function resetInternalSecret(): void {
  secretKey = undefined;
  verified.clear();
  serviceTokens.clear();
}

export async function mintInternalToken(identity: InternalIdentity, ttlSeconds: number): Promise<string> {
  const jwt = new SignJWT({ role: identity.role, scope: identity.claims, territory: identity.territory ?? undefined })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(INTERNAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + Math.max(1, Math.floor(ttlSeconds)));
  if (identity.subject) jwt.setSubject(identity.subject);
  return jwt.sign(secret());
}

// A verified token is remembered until it expires: one HMAC per token, not per request.
const verified = new LRUCache<string, { identity: InternalIdentity; expiresAt: number }>({ max: 5000 });

/** The identity in a valid internal token; null when the token is missing, forged or expired. */
export async function verifyInternalToken(token: string): Promise<InternalIdentity | null> {
  const cached = verified.get(token);
  if (cached && cached.expiresAt > Date.now() / 1000) return cached.identity;
  // Outside the try: a secret the configuration refuses is the service's fault, not the caller's.
  const key = secret();
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: INTERNAL_ISSUER,
      audience: INTERNAL_AUDIENCE,
      algorithms: ['HS256'],
    });
    const identity: InternalIdentity = {
      subject: payload.sub ?? null,
      role: payload.role as Role,
      claims: (payload.scope as ScopeClaims) ?? {},
      territory: (payload.territory as Territory) ?? null,
    };
    verified.set(token, { identity, expiresAt: payload.exp! });
    return identity;
  } catch {
    return null;
  }
}

const SERVICE_TOKEN_SECONDS = 300;
const serviceTokens = new Map<string, { token: string; expiresAt: number }>();

/** A SERVICE token naming the calling service, reused until shortly before it expires. */
export async function serviceToken(service: string): Promise<string> {
  const now = Date.now() / 1000;
  const cached = serviceTokens.get(service);
  if (cached && cached.expiresAt - 30 > now) return cached.token;
  const token = await mintInternalToken(
    { subject: `service:${service}`, role: 'SERVICE', claims: {}, territory: null },
    SERVICE_TOKEN_SECONDS,
  );
  serviceTokens.set(service, { token, expiresAt: now + SERVICE_TOKEN_SECONDS });
  return token;
}
