import { entityReference } from '../../../lib/entity-reference';

/** The grid subgraph's Community; this subgraph adds fields to it. */
export const CommunityReference = entityReference('Community');
export type CommunityReference = InstanceType<typeof CommunityReference>;

/** The party-building subgraph's Party member (党员); this subgraph adds their report and pledges. */
export const PartyMemberReference = entityReference('PartyMember');
export type PartyMemberReference = InstanceType<typeof PartyMemberReference>;

/** The party-building subgraph's Party organisation (党组织) a unit's members belong to. */
export const PartyOrganizationReference = entityReference('PartyOrganization');
export type PartyOrganizationReference = InstanceType<typeof PartyOrganizationReference>;

/** The grid subgraph's Resident (居民); this subgraph adds their wishes. */
export const ResidentReference = entityReference('Resident');
export type ResidentReference = InstanceType<typeof ResidentReference>;

/**
 * The other departments' entities this subgraph adds fields to resolve to their key for a
 * signed-in caller and to null for an anonymous one: with the root fields guarded in schema.ts,
 * every field of this subgraph then needs a signed-in caller.
 */
const signedInOnly = {
  __resolveReference: (reference: { id: string }, ctx: { viewer: { authenticated: boolean } }) =>
    ctx.viewer.authenticated ? reference : null,
};

export const otherDepartmentsReferences = {
  Community: signedInOnly,
  PartyMember: signedInOnly,
  PartyOrganization: signedInOnly,
  Resident: signedInOnly,
};
