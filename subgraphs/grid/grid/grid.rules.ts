import { badInput, conflict } from '../../../lib/errors';

/**
 * Rules of the grid map, free of the database so they can be tested alone:
 * a retired grid takes no new buildings; a split gives every building of the old grid to
 * exactly one new grid; a merge joins at least two active grids of one community.
 */
export interface GridState {
  id: string;
  code: string;
  status: 'ACTIVE' | 'RETIRED';
  communityId: string;
}

export function assertTakesBuildings(grid: GridState, field: string): void {
  if (grid.status === 'RETIRED') {
    throw conflict(field, `grid ${grid.code} is retired and takes no new buildings`);
  }
}

export function assertActive(grid: GridState, field: string, action: string): void {
  if (grid.status === 'RETIRED') throw conflict(field, `grid ${grid.code} is already retired and cannot be ${action}`);
}

export interface SplitPart {
  code: string;
  buildingIds: string[];
}

/** Every building of the grid goes to exactly one part, and only its buildings. */
export function checkSplitPlan(buildingIdsOfGrid: string[], parts: SplitPart[], field = 'input.parts'): void {
  if (parts.length < 2) throw badInput(field, 'a split needs at least two new grids');
  const codes = new Set<string>();
  const owner = new Map<string, number>();
  parts.forEach((part, index) => {
    if (codes.has(part.code)) throw badInput(`${field}[${index}].code`, `code ${part.code} appears twice in the split`);
    codes.add(part.code);
    for (const buildingId of part.buildingIds) {
      if (!buildingIdsOfGrid.includes(buildingId)) {
        throw badInput(`${field}[${index}].buildingIds`, `building ${buildingId} is not in the grid being split`);
      }
      if (owner.has(buildingId)) {
        throw badInput(`${field}[${index}].buildingIds`, `building ${buildingId} is given to two new grids`);
      }
      owner.set(buildingId, index);
    }
  });
  const missing = buildingIdsOfGrid.filter((id) => !owner.has(id));
  if (missing.length) {
    throw badInput(
      field,
      `${missing.length} building(s) of the grid are given to no new grid: ${missing.slice(0, 5).join(', ')}`,
    );
  }
}

export function checkMergeSources(grids: GridState[], field = 'input.gridIds'): void {
  if (grids.length < 2) throw badInput(field, 'a merge needs at least two grids');
  if (new Set(grids.map((g) => g.id)).size !== grids.length) throw badInput(field, 'a grid is named twice');
  for (const grid of grids) assertActive(grid, field, 'merged');
  if (new Set(grids.map((g) => g.communityId)).size > 1) {
    throw badInput(field, 'grids of different communities cannot be merged; merge the communities first');
  }
}

export function checkRetire(grid: GridState, buildingCount: number, field = 'input.gridId'): void {
  assertActive(grid, field, 'retired');
  if (buildingCount > 0) {
    throw conflict(field, `grid ${grid.code} still has ${buildingCount} building(s); move them to another grid first`);
  }
}

export interface GridLineageChange {
  kind: string;
  fromGridIds: string[];
  toGridIds: string[];
}

/** The grids a split or merge made from this one (`successors`) or made it from (`predecessors`). */
export function lineage(
  changes: GridLineageChange[],
  gridId: string,
  direction: 'successors' | 'predecessors',
): string[] {
  return changes
    .filter((change) => change.kind === 'SPLIT' || change.kind === 'MERGED')
    .flatMap((change) => {
      const [near, far] =
        direction === 'successors' ? [change.fromGridIds, change.toGridIds] : [change.toGridIds, change.fromGridIds];
      return near.includes(gridId) ? far : [];
    });
}
