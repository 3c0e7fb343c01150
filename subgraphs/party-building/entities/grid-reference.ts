import { entityReference } from '../../../lib/entity-reference';

/** The grid subgraph's Grid; this subgraph adds fields to it. */
export const GridReference = entityReference('Grid');
export type GridReference = InstanceType<typeof GridReference>;
