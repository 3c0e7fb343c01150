import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { clientTokenConfig, internalSecret } from '../lib/auth/auth-config';
import { clientTokenVerifier, type ClientIdentity } from '../lib/auth/client-token';
import { mintInternalToken, serviceToken } from '../lib/auth/internal-token';
import { isTerritorialRole, type Territory } from '../lib/auth/roles';
import { DomainError } from '../lib/errors';
import { postJson } from '../lib/subgraph-http';

/**
 * From the client's Authorization header to the internal token the subgraphs trust. The
 * gateway verifies the client token once, resolves a territorial caller's streets, communities
 * and grids from the grid subgraph, and signs the result for five minutes at most (never past
 * the client token's own expiry). Both steps are cached, so a busy client costs one
 * verification and one territory look-up per few minutes, not per request.
 */
const INTERNAL_TOKEN_SECONDS = 300;
const TERRITORY_CACHE_MS = 60_000;

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', field: 'authorization', http: { status: 401 } },
  });
}

/** The client token of an Authorization header ("Bearer <token>", spaces around the token ignored); null without one. */
function bearerToken(authorization: string | undefined): string | null {
  if (!authorization) return null;
  if (!authorization.startsWith('Bearer ')) throw unauthenticated('the Authorization header must be "Bearer <token>"');
  return authorization.slice('Bearer '.length).trim();
}

export interface CallerIdentity {
  /** The internal token for a request's Authorization header (none: the anonymous caller). */
  internalTokenFor(authorization: string | undefined): Promise<string>;
  /** Who a request's token verifiably names (its subject); null without a token or with one that does not verify. */
  verifiedCaller(authorization: string | undefined): Promise<string | null>;
}

/**
 * Verifies the client tokens of one gateway. In production it needs the shared internal secret
 * and a configured client key, and refuses to start without them.
 */
export function callerIdentity(options: {
  gridUrl: () => string;
  timeoutMs: number;
  production: boolean;
}): CallerIdentity {
  internalSecret(options.production);
  const verify = clientTokenVerifier(clientTokenConfig(options.production));
  // A verified token is kept until it expires: the rate limit and the internal token ask for the same one.
  const identities = new LRUCache<string, ClientIdentity>({ max: 10_000 });
  async function identityOf(clientToken: string): Promise<ClientIdentity> {
    const cached = identities.get(clientToken);
    if (cached && cached.expiresAt > Date.now() / 1000) return cached;
    let identity: ClientIdentity;
    try {
      identity = await verify(clientToken);
    } catch (error) {
      throw unauthenticated(error instanceof DomainError ? error.message : 'the token could not be verified');
    }
    identities.set(clientToken, identity);
    return identity;
  }
  const internalTokens = new LRUCache<string, { token: string; expiresAt: number }>({ max: 10_000 });
  const territories = new LRUCache<string, Territory>({ max: 10_000, ttl: TERRITORY_CACHE_MS });

  async function territoryOf(identity: ClientIdentity): Promise<Territory> {
    const key = `${identity.role}:${JSON.stringify(identity.claims)}`;
    const cached = territories.get(key);
    if (cached) return cached;
    const body = (await postJson(
      options.gridUrl(),
      {
        query:
          'query ($s: ID, $c: ID, $w: ID) { accessTerritory(streetId: $s, communityId: $c, workerId: $w) { streetIds communityIds gridIds } }',
        variables: { s: identity.claims.streetId, c: identity.claims.communityId, w: identity.claims.workerId },
      },
      { authorization: `Bearer ${await serviceToken('gateway')}` },
      options.timeoutMs,
    ).catch(() => null)) as { data?: { accessTerritory: Territory | null } } | null;
    if (!body?.data) {
      throw new GraphQLError("The grid service could not resolve the caller's territory; try again", {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'grid', http: { status: 503 } },
      });
    }
    const territory = body.data.accessTerritory;
    if (!territory) {
      const [named] = Object.entries(identity.claims);
      throw unauthenticated(
        named
          ? `the token's ${named[0]} ${named[1]} is not known to the grid service`
          : 'the token names no territory known to the grid service',
      );
    }
    territories.set(key, territory);
    return territory;
  }

  let anonymous: { token: string; expiresAt: number } | undefined;

  async function internalTokenFor(authorization: string | undefined): Promise<string> {
    const now = Date.now() / 1000;
    const clientToken = bearerToken(authorization);
    if (clientToken === null) {
      if (!anonymous || anonymous.expiresAt - 30 < now) {
        const token = await mintInternalToken(
          { subject: null, role: 'ANONYMOUS', claims: {}, territory: null },
          INTERNAL_TOKEN_SECONDS,
        );
        anonymous = { token, expiresAt: now + INTERNAL_TOKEN_SECONDS };
      }
      return anonymous.token;
    }
    const cached = internalTokens.get(clientToken);
    if (cached && cached.expiresAt - 5 > now) return cached.token;
    const identity = await identityOf(clientToken);
    const territory = isTerritorialRole(identity.role) ? await territoryOf(identity) : null;
    // A territory travels in the token, so the token lives no longer than the territory is trusted:
    // a worker's new assignment counts within a minute.
    const lifetime = Math.min(territory ? TERRITORY_CACHE_MS / 1000 : INTERNAL_TOKEN_SECONDS, identity.expiresAt - now);
    if (lifetime <= 0) throw unauthenticated('the token has expired');
    const token = await mintInternalToken(
      { subject: identity.subject, role: identity.role, claims: identity.claims, territory },
      lifetime,
    );
    internalTokens.set(clientToken, { token, expiresAt: now + lifetime });
    return token;
  }

  async function verifiedCaller(authorization: string | undefined): Promise<string | null> {
    try {
      const clientToken = bearerToken(authorization);
      return clientToken ? (await identityOf(clientToken)).subject : null;
    } catch {
      return null;
    }
  }

  return { internalTokenFor, verifiedCaller };
}
