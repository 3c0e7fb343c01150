import type { EntityManager } from '@mikro-orm/postgresql';
import { type Level } from '../domain/organization-levels';
import { checkNotCoveredElsewhere, checkWithinParent, type ParentScope } from '../domain/organization-coverage';
import { OrganizationLevel, OrganizationStatus, PartyOrganization } from '../entities';
import { buildingFacts, communityFacts, gridFacts, requireHouseholds, requireStreets } from '../grid-facts';

const COLUMN: Record<Level, 'streetId' | 'communityId' | 'gridIds' | 'buildingIds' | 'householdId'> = {
  STREET_WORKING_COMMITTEE: 'streetId',
  COMMUNITY_COMMITTEE: 'communityId',
  GRID_BRANCH: 'gridIds',
  BUILDING_GROUP: 'buildingIds',
  CENTRAL_HOUSEHOLD: 'householdId',
};

export function scopeOf(parent: PartyOrganization | null): ParentScope {
  return { streetId: parent?.streetId ?? null, communityId: parent?.communityId ?? null, gridIds: parent?.gridIds ?? [] };
}

/**
 * The covered entities exist in the grid subgraph (one call), lie inside the parent's scope,
 * and no other active organisation of the same level covers them.
 */
export async function checkCoverage(
  em: EntityManager,
  level: Level,
  parentScope: ParentScope,
  ids: string[],
  fieldOf: (index: number) => string,
  selfIds: string[] = [],
): Promise<void> {
  if (level === 'STREET_WORKING_COMMITTEE') await requireStreets(ids, fieldOf);
  if (level === 'COMMUNITY_COMMITTEE') checkWithinParent(level, parentScope, { communities: await communityFacts(ids, fieldOf) }, fieldOf);
  if (level === 'GRID_BRANCH') checkWithinParent(level, parentScope, { grids: await gridFacts(ids, fieldOf) }, fieldOf);
  if (level === 'BUILDING_GROUP') checkWithinParent(level, parentScope, { buildings: await buildingFacts(ids, fieldOf) }, fieldOf);
  if (level === 'CENTRAL_HOUSEHOLD') await requireHouseholds(ids, fieldOf);
  await checkNotCoveredByOthers(em, level, ids, fieldOf, selfIds);
}

export async function checkNotCoveredByOthers(
  em: EntityManager,
  level: Level,
  ids: string[],
  fieldOf: (index: number) => string,
  selfIds: string[],
): Promise<void> {
  const column = COLUMN[level];
  const match = column === 'gridIds' || column === 'buildingIds' ? { $overlap: ids } : { $in: ids };
  const holders = await em.find(PartyOrganization, {
    level: level as OrganizationLevel,
    status: OrganizationStatus.ACTIVE,
    [column]: match,
    ...(selfIds.length ? { id: { $nin: selfIds } } : {}),
  });
  const coveredBy = new Map<string, { id: string; name: string }>();
  for (const holder of holders) {
    const value = holder[column];
    for (const id of Array.isArray(value) ? value : [value]) if (id) coveredBy.set(id, holder);
  }
  checkNotCoveredElsewhere(ids, coveredBy, null, fieldOf);
}
