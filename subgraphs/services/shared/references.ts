import { entityReference } from '../../../lib/entity-reference';

/** The grid subgraph's Grid, Community, Resident and Street; this subgraph adds fields to them. */
export const GridReference = entityReference('Grid');
export type GridReference = InstanceType<typeof GridReference>;

export const CommunityReference = entityReference('Community');
export type CommunityReference = InstanceType<typeof CommunityReference>;

export const ResidentReference = entityReference('Resident');
export type ResidentReference = InstanceType<typeof ResidentReference>;

export const StreetReference = entityReference('Street');
export type StreetReference = InstanceType<typeof StreetReference>;
