import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageArgs } from '../../../lib/pagination';
import { requireSignedIn } from '../access';
import type { PartyContext } from '../context';
import { pageOfIds } from '../shared/connections';
import { OrganizationLevel } from '../shared/enums';
import { buildingFacts, communityFacts, gridFacts, requireHouseholds, requireStreets } from './grid-facts.service';
import {
  checkFigureIds,
  checkNotCoveredElsewhere,
  checkWithinParent,
  type ParentScope,
} from './organization-coverage.rules';
import { activeHoldersOf, coveredAmong, memberCountsPerGrid, type CoverageColumn } from './organization-coverage.store';
import type { PartyOrganization } from './organization.entity';
import type { Level } from './organization-levels.rules';

const COLUMN: Record<Level, CoverageColumn> = {
  STREET_WORKING_COMMITTEE: 'streetId',
  COMMUNITY_COMMITTEE: 'communityId',
  GRID_BRANCH: 'gridIds',
  BUILDING_GROUP: 'buildingIds',
  CENTRAL_HOUSEHOLD: 'householdId',
};

export function scopeOf(parent: PartyOrganization | null): ParentScope {
  return {
    streetId: parent?.streetId ?? null,
    communityId: parent?.communityId ?? null,
    gridIds: parent?.gridIds ?? [],
  };
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
  if (level === 'COMMUNITY_COMMITTEE')
    checkWithinParent(level, parentScope, { communities: await communityFacts(ids, fieldOf) }, fieldOf);
  if (level === 'GRID_BRANCH') checkWithinParent(level, parentScope, { grids: await gridFacts(ids, fieldOf) }, fieldOf);
  if (level === 'BUILDING_GROUP')
    checkWithinParent(level, parentScope, { buildings: await buildingFacts(ids, fieldOf) }, fieldOf);
  if (level === 'CENTRAL_HOUSEHOLD') await requireHouseholds(ids, fieldOf);
  const column = COLUMN[level];
  const holders = await activeHoldersOf(em, level as OrganizationLevel, column, ids, selfIds);
  const coveredBy = new Map<string, { id: string; name: string }>();
  for (const holder of holders) {
    const value = holder[column];
    for (const id of Array.isArray(value) ? value : [value]) if (id) coveredBy.set(id, holder);
  }
  checkNotCoveredElsewhere(ids, coveredBy, null, fieldOf);
}

/*
 * Coverage figures. The list of grids (or buildings, communities) belongs to the grid
 * subgraph, so the caller names them — e.g. the ids from `grids(communityId: …)` — and this
 * subgraph answers for exactly those: no hidden copy of the grid map, no call to another service.
 */

export async function gridsWithoutBranch(ctx: PartyContext, gridIds: string[], page: PageArgs) {
  requireSignedIn(ctx.viewer, 'Party coverage figures');
  const ids = checkFigureIds(gridIds, 'gridIds');
  const covered = await coveredAmong(ctx.em, OrganizationLevel.GRID_BRANCH, 'gridIds', ids);
  return pageOfIds(
    ids.filter((id) => !covered.has(id)),
    page,
  );
}

export async function buildingsWithoutGroup(ctx: PartyContext, buildingIds: string[], page: PageArgs) {
  requireSignedIn(ctx.viewer, 'Party coverage figures');
  const ids = checkFigureIds(buildingIds, 'buildingIds');
  const covered = await coveredAmong(ctx.em, OrganizationLevel.BUILDING_GROUP, 'buildingIds', ids);
  return pageOfIds(
    ids.filter((id) => !covered.has(id)),
    page,
  );
}

export async function membersPerGrid(ctx: PartyContext, gridIds: string[]) {
  // Counts, not people: every signed-in caller may have them.
  requireSignedIn(ctx.viewer, 'Party member counts');
  const ids = checkFigureIds(gridIds, 'gridIds');
  const byGrid = await memberCountsPerGrid(ctx.em, ids);
  return ids.map((id) => ({
    grid: { id },
    members: byGrid.get(id)?.members ?? 0,
    showingIdentity: byGrid.get(id)?.showing ?? 0,
  }));
}

export async function inServiceMembersPerCommunity(ctx: PartyContext, communityIds: string[]) {
  requireSignedIn(ctx.viewer, 'Party member counts');
  const ids = checkFigureIds(communityIds, 'communityIds');
  return Promise.all(
    ids.map(async (id) => ({
      community: { id },
      inServiceMembers: await ctx.loaders.inServiceCountOfCommunity.load(id),
    })),
  );
}
