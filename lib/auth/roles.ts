/**
 * Who may be asking, and over what. A client token carries one role and the claim that scopes it
 * (a street, a community, a grid worker, a department, a Party organisation, a unit, a resident).
 * Two more roles never come from a client: ANONYMOUS (no token: public data only) and SERVICE
 * (one department's service checking ids against another's).
 */
export const CLIENT_ROLES = [
  'CITY_ADMIN',
  'ANALYST',
  'AUDITOR',
  'STREET_STAFF',
  'COMMUNITY_STAFF',
  'GRID_WORKER',
  'DEPARTMENT',
  'PARTY_ORG',
  'UNIT_LIAISON',
  'RESIDENT',
] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];
export type Role = ClientRole | 'ANONYMOUS' | 'SERVICE';

/** The claim each scoped role needs (CITY_ADMIN, ANALYST and AUDITOR cover the whole district). */
export const SCOPE_CLAIM = {
  STREET_STAFF: 'streetId',
  COMMUNITY_STAFF: 'communityId',
  GRID_WORKER: 'workerId',
  DEPARTMENT: 'department',
  PARTY_ORG: 'organizationId',
  UNIT_LIAISON: 'unitId',
  RESIDENT: 'residentId',
} as const satisfies Partial<Record<ClientRole, string>>;
export type ScopeClaimName = (typeof SCOPE_CLAIM)[keyof typeof SCOPE_CLAIM];
export type ScopeClaims = Partial<Record<ScopeClaimName, string>>;

/** Roles whose records are places: what they see is decided by a territory (streets, communities, grids). */
export const TERRITORIAL_ROLES = ['STREET_STAFF', 'COMMUNITY_STAFF', 'GRID_WORKER'] as const;
export type TerritorialRole = (typeof TERRITORIAL_ROLES)[number];

/** Roles that see every record of the district (personal fields still masked by default). */
export const DISTRICT_WIDE_ROLES: readonly Role[] = ['CITY_ADMIN', 'ANALYST', 'AUDITOR', 'SERVICE'];

/** The grids, communities and streets a territorial caller works in, resolved from the grid subgraph. */
export interface Territory {
  streetIds: string[];
  communityIds: string[];
  gridIds: string[];
}

export function isClientRole(value: unknown): value is ClientRole {
  return typeof value === 'string' && (CLIENT_ROLES as readonly string[]).includes(value);
}

export function isTerritorialRole(role: Role): role is TerritorialRole {
  return (TERRITORIAL_ROLES as readonly string[]).includes(role);
}

export function scopeClaimOf(role: Role): ScopeClaimName | undefined {
  return (SCOPE_CLAIM as Record<string, ScopeClaimName>)[role];
}
