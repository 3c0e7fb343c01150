import { entityReference } from '../../../lib/entity-reference';

/**
 * The grid subgraph's entities, known here by key only: organisations cover them, members live
 * in them, and this subgraph adds its fields to them.
 */
export const StreetReference = entityReference('Street');
export type StreetReference = InstanceType<typeof StreetReference>;
export const CommunityReference = entityReference('Community');
export type CommunityReference = InstanceType<typeof CommunityReference>;
export const GridReference = entityReference('Grid');
export type GridReference = InstanceType<typeof GridReference>;
export const BuildingReference = entityReference('Building');
export type BuildingReference = InstanceType<typeof BuildingReference>;
export const HouseholdReference = entityReference('Household');
export type HouseholdReference = InstanceType<typeof HouseholdReference>;
export const ResidentReference = entityReference('Resident');
export type ResidentReference = InstanceType<typeof ResidentReference>;

export const REFERENCE_TYPES = [
  StreetReference,
  CommunityReference,
  GridReference,
  BuildingReference,
  HouseholdReference,
  ResidentReference,
];

/** A reference the gateway completes from the owning subgraph. */
export function ref(id: string | null | undefined): { id: string } | null {
  return id ? { id } : null;
}
