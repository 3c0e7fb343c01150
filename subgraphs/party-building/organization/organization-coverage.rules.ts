import { badInput, conflict } from '../../../lib/errors';
import { isId } from '../../../lib/ids';
import type { Level } from './organization-levels.rules';
import { withArticle } from '../../../lib/articles';

/**
 * What each level covers in the grid subgraph (支部建在网格上): a street, a community, one or
 * more grids, one or more buildings, a household. Each level takes its own field and no other.
 */
export interface CoverageInput {
  streetId?: string | null;
  communityId?: string | null;
  gridIds?: string[] | null;
  buildingIds?: string[] | null;
  householdId?: string | null;
}

export interface Coverage {
  streetId: string | null;
  communityId: string | null;
  gridIds: string[];
  buildingIds: string[];
  householdId: string | null;
}

type CoverageField = keyof CoverageInput;

export const COVERAGE_FIELD: Record<Level, CoverageField> = {
  STREET_WORKING_COMMITTEE: 'streetId',
  COMMUNITY_COMMITTEE: 'communityId',
  GRID_BRANCH: 'gridIds',
  BUILDING_GROUP: 'buildingIds',
  CENTRAL_HOUSEHOLD: 'householdId',
};

/** The grid subgraph's type behind each coverage field. */
export const COVERED_TYPE: Record<CoverageField, string> = {
  streetId: 'Street',
  communityId: 'Community',
  gridIds: 'Grid',
  buildingIds: 'Building',
  householdId: 'Household',
};

const MAX_COVERED = 200;

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** Check that `input` gives exactly the level's coverage field; returns that field's ids. */
export function checkCoverageShape(
  level: Level,
  input: CoverageInput,
  prefix = 'input',
): { field: CoverageField; ids: string[] } {
  const own = COVERAGE_FIELD[level];
  for (const field of Object.keys(COVERED_TYPE) as CoverageField[]) {
    if (field !== own && isGiven(input[field])) {
      throw badInput(
        `${prefix}.${field}`,
        `${prefix}.${field} does not apply to ${withArticle(level)}: it covers ${COVERED_TYPE[own]} by ${own}`,
      );
    }
  }
  const value = input[own];
  const ids = Array.isArray(value) ? value : value ? [value] : [];
  if (!ids.length)
    throw badInput(`${prefix}.${own}`, `${withArticle(level)} covers ${withArticle(COVERED_TYPE[own])}: give ${own}`);
  if (ids.length > MAX_COVERED) throw badInput(`${prefix}.${own}`, `${own} takes at most ${MAX_COVERED} ids`);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index)
      throw badInput(`${prefix}.${own}[${index}]`, `${COVERED_TYPE[own]} ${id} is named twice`);
  });
  return { field: own, ids };
}

/** The ids an organisation covers at its own level, for history records. */
export function coveredIds(level: Level, coverage: Coverage): string[] {
  const value = coverage[COVERAGE_FIELD[level]];
  return Array.isArray(value) ? [...value] : value ? [value] : [];
}

/** What the grid subgraph says about the entities being covered. */
export interface GridFact {
  id: string;
  status: string;
  communityId: string;
}
export interface CommunityFact {
  id: string;
  status: string;
  streetId: string;
}
export interface BuildingFact {
  id: string;
  gridId: string;
}

export interface ParentScope {
  streetId: string | null;
  communityId: string | null;
  gridIds: string[];
}

/**
 * A covered entity must lie inside what the parent covers: a community in the street working
 * committee's street, a grid in the community committee's community (and still in use), a
 * building in one of the grid branch's grids.
 */
export function checkWithinParent(
  level: Level,
  parent: ParentScope,
  facts: { communities?: CommunityFact[]; grids?: GridFact[]; buildings?: BuildingFact[] },
  fieldOf: (index: number) => string,
): void {
  if (level === 'COMMUNITY_COMMITTEE') {
    facts.communities?.forEach((community, index) => {
      if (community.status !== 'ACTIVE') {
        throw conflict(fieldOf(index), `community ${community.id} was merged; cover the community it was merged into`);
      }
      if (community.streetId !== parent.streetId) {
        throw badInput(
          fieldOf(index),
          `community ${community.id} lies in another street than its street working committee's`,
        );
      }
    });
  }
  if (level === 'GRID_BRANCH') {
    facts.grids?.forEach((grid, index) => {
      if (grid.status !== 'ACTIVE')
        throw conflict(fieldOf(index), `grid ${grid.id} is retired; a branch covers grids in use`);
      if (grid.communityId !== parent.communityId) {
        throw badInput(fieldOf(index), `grid ${grid.id} lies in another community than its community committee's`);
      }
    });
  }
  if (level === 'BUILDING_GROUP') {
    facts.buildings?.forEach((building, index) => {
      if (!parent.gridIds.includes(building.gridId)) {
        throw badInput(fieldOf(index), `building ${building.id} lies in none of its grid branch's grids`);
      }
    });
  }
}

/** One entity, one organisation of a level: refuse ids an active organisation already covers. */
export function checkNotCoveredElsewhere(
  ids: string[],
  coveredBy: Map<string, { id: string; name: string }>,
  selfId: string | null,
  fieldOf: (index: number) => string,
): void {
  ids.forEach((id, index) => {
    const holder = coveredBy.get(id);
    if (holder && holder.id !== selfId) {
      throw conflict(
        fieldOf(index),
        `${id} is already covered by ${holder.name} (${holder.id}); move or split that organisation first`,
      );
    }
  });
}

/** The most ids a coverage figure answers for in one call. */
export const MAX_FIGURE_IDS = 1000;

/** The ids a coverage figure was asked for: at most MAX_FIGURE_IDS, each an id, without repeats. */
export function checkFigureIds(ids: string[], field: string): string[] {
  if (ids.length > MAX_FIGURE_IDS) throw badInput(field, `${field} takes at most ${MAX_FIGURE_IDS} ids`);
  ids.forEach((id, index) => {
    if (!isId(id)) throw badInput(`${field}[${index}]`, `${field}[${index}] is not an id`);
  });
  return [...new Set(ids)];
}
