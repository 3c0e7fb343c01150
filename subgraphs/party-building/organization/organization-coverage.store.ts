import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationLevel, OrganizationStatus } from '../shared/enums';
import { PartyOrganization } from './organization.entity';

export type CoverageColumn = 'streetId' | 'communityId' | 'gridIds' | 'buildingIds' | 'householdId';

/** Active organisations of a level covering any of `ids`, other than `selfIds`. */
export function activeHoldersOf(
  em: EntityManager,
  level: OrganizationLevel,
  column: CoverageColumn,
  ids: string[],
  selfIds: string[],
) {
  const match = column === 'gridIds' || column === 'buildingIds' ? { $overlap: ids } : { $in: ids };
  return em.find(PartyOrganization, {
    level,
    status: OrganizationStatus.ACTIVE,
    [column]: match,
    ...(selfIds.length ? { id: { $nin: selfIds } } : {}),
  });
}

/** Which of `ids` an active organisation of the level covers. */
export async function coveredAmong(
  em: EntityManager,
  level: OrganizationLevel,
  column: 'gridIds' | 'buildingIds',
  ids: string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await em.find(
    PartyOrganization,
    { level, status: OrganizationStatus.ACTIVE, [column]: { $overlap: ids } },
    { fields: [column] as any },
  );
  return new Set(rows.flatMap((row) => row[column]));
}

/** Members living in each grid, and how many of them show their identity. */
export async function memberCountsPerGrid(em: EntityManager, ids: string[]) {
  const rows: Array<{ home_grid_id: string; members: string; showing: string }> = ids.length
    ? await em
        .getKnex()('party_building.party_member')
        .whereIn('home_grid_id', ids)
        .groupBy('home_grid_id')
        .select(
          'home_grid_id',
          em.getKnex().raw('count(*) as members'),
          em.getKnex().raw('count(*) filter (where shows_identity_publicly) as showing'),
        )
    : [];
  return new Map(rows.map((row) => [row.home_grid_id, { members: Number(row.members), showing: Number(row.showing) }]));
}
