import { notFound } from '../../../lib/errors';
import { fetchRemoteEntities } from '../../../lib/remote-entities';
import type { BuildingFact, CommunityFact, GridFact } from './organization-coverage.rules';

/**
 * What this subgraph needs to know about the grid subgraph's entities, read through its
 * federation `_entities` field: one HTTP call per entity type, and an unknown id is refused
 * with NOT_FOUND naming the input field it came from.
 */
async function facts<T extends object>(
  typename: string,
  ids: string[],
  selection: string,
  fieldOf: (index: number) => string,
): Promise<T[]> {
  const rows = await fetchRemoteEntities<T>('grid', typename, ids, selection);
  const missing = rows.findIndex((row) => row === null);
  const missingId = ids[missing];
  if (missingId !== undefined) throw notFound(fieldOf(missing), typename, missingId);
  return rows as T[];
}

export async function requireStreets(ids: string[], fieldOf: (index: number) => string): Promise<void> {
  await facts('Street', ids, 'id', fieldOf);
}

export async function communityFacts(ids: string[], fieldOf: (index: number) => string): Promise<CommunityFact[]> {
  const rows = await facts<{ id: string; status: string; street: { id: string } }>(
    'Community',
    ids,
    'id status street { id }',
    fieldOf,
  );
  return rows.map((row) => ({ id: row.id, status: row.status, streetId: row.street.id }));
}

export async function gridFacts(ids: string[], fieldOf: (index: number) => string): Promise<GridFact[]> {
  const rows = await facts<{ id: string; status: string; community: { id: string } }>(
    'Grid',
    ids,
    'id status community { id }',
    fieldOf,
  );
  return rows.map((row) => ({ id: row.id, status: row.status, communityId: row.community.id }));
}

export async function buildingFacts(ids: string[], fieldOf: (index: number) => string): Promise<BuildingFact[]> {
  const rows = await facts<{ id: string; grid: { id: string } }>('Building', ids, 'id grid { id }', fieldOf);
  return rows.map((row) => ({ id: row.id, gridId: row.grid.id }));
}

export async function requireHouseholds(ids: string[], fieldOf: (index: number) => string): Promise<void> {
  await facts('Household', ids, 'id', fieldOf);
}

export interface ResidentFact {
  id: string;
  name: string;
  /** The grid of the resident's household's building, where the member lives. */
  gridId: string | null;
}

type ResidentRow = { id: string; name: string; household: { building: { grid: { id: string } | null } | null } | null };

export async function residentFacts(ids: string[], fieldOf: (index: number) => string): Promise<ResidentFact[]> {
  const rows = await facts<ResidentRow>('Resident', ids, 'id name household { building { grid { id } } }', fieldOf);
  return rows.map((row) => ({ id: row.id, name: row.name, gridId: row.household?.building?.grid?.id ?? null }));
}

export async function residentFact(id: string, field: string): Promise<ResidentFact> {
  const [fact] = await residentFacts([id], () => field);
  if (!fact) throw notFound(field, 'Resident', id);
  return fact;
}
