import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { verifyInternalToken } from './auth/internal-token';
import type { Role, ScopeClaims, Territory } from './auth/roles';
import { readPurpose, type RefusedPurpose, type StatedPurpose } from './access-purpose';

/**
 * Who is asking. Every resolver receives one in its context; rules about what a caller may see
 * ask the viewer (through lib/auth/access.ts), never the request.
 */
export interface Viewer {
  readonly authenticated: boolean;
  /** The token's subject: recorded as "who" in change logs and access records. */
  readonly subject: string | null;
  readonly role: Role;
  /** The claim that scopes the role (streetId, workerId, department, ...). */
  readonly claims: ScopeClaims;
  /** Streets, communities and grids of a territorial role; null for every other role. */
  readonly territory: Territory | null;
  /** Why personal data is being read in full (the x-access-purpose header), if stated and valid. */
  readonly purpose: string | null;
  /** A purpose stated but refused (control characters, too long): full values are refused, and recorded so. */
  readonly refusedPurpose: RefusedPurpose | null;
  /** The client's operation name, for access records. */
  readonly operation: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({
  authenticated: false,
  subject: null,
  role: 'ANONYMOUS',
  claims: {},
  territory: null,
  purpose: null,
  refusedPurpose: null,
  operation: null,
});

export const PURPOSE_HEADER = 'x-access-purpose';
export const OPERATION_HEADER = 'x-hub-operation';

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : null;
}

function refused(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', field: 'authorization', http: { status: 401 } },
  });
}

/** Whether a request carries a valid internal token (for a subgraph's paths other than /graphql). */
export async function hasInternalToken(headers: IncomingHttpHeaders): Promise<boolean> {
  const authorization = header(headers, 'authorization');
  return (
    !!authorization?.startsWith('Bearer ') &&
    (await verifyInternalToken(authorization.slice('Bearer '.length).trim())) !== null
  );
}

/**
 * The viewer of a subgraph request, from the internal token the gateway (or a sibling service)
 * signed. No token or an invalid one is refused with 401: a subgraph is never called around the
 * gateway's checks, not even for `_service` or `_entities`.
 */
export async function viewerFromHeaders(headers: IncomingHttpHeaders): Promise<Viewer> {
  const authorization = header(headers, 'authorization');
  if (!authorization?.startsWith('Bearer '))
    throw refused("this service only answers calls that carry the hub's internal token");
  const identity = await verifyInternalToken(authorization.slice('Bearer '.length).trim());
  if (!identity) throw refused('the internal token is not valid');
  return {
    authenticated: identity.role !== 'ANONYMOUS',
    subject: identity.subject,
    role: identity.role,
    claims: identity.claims,
    territory: identity.territory,
    ...purposeOf(readPurpose(header(headers, PURPOSE_HEADER))),
    operation: header(headers, OPERATION_HEADER)?.slice(0, 200) ?? null,
  };
}

function purposeOf(stated: StatedPurpose): Pick<Viewer, 'purpose' | 'refusedPurpose'> {
  return { purpose: stated.purpose, refusedPurpose: stated.refused };
}
