import { entityReference } from '../../../lib/entity-reference';

/** The party-building subgraph's Party member (党员); this subgraph adds their report and pledges. */
export const PartyMemberReference = entityReference('PartyMember');
export type PartyMemberReference = InstanceType<typeof PartyMemberReference>;

/** The party-building subgraph's Party organisation (党组织) a unit's members belong to. */
export const PartyOrganizationReference = entityReference('PartyOrganization');
export type PartyOrganizationReference = InstanceType<typeof PartyOrganizationReference>;

/** The grid subgraph's Resident (居民); this subgraph adds their wishes. */
export const ResidentReference = entityReference('Resident');
export type ResidentReference = InstanceType<typeof ResidentReference>;
