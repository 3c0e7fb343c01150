import { entityReference } from '../../../lib/entity-reference';

/** The grid subgraph's Community; this subgraph adds fields to it. */
export const CommunityReference = entityReference('Community');
export type CommunityReference = InstanceType<typeof CommunityReference>;
