import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { Building } from './building.entity';
import { BuildingGridPeriod } from './building-grid-period.entity';
import { Grid } from './grid.entity';
import { GridChange } from './grid-change.entity';
import { GridChangeKind, GridKind, RecordAction, RecordType } from '../shared/enums';
import { checkName, checkCode } from '../shared/codes';
import { assertTakesBuildings, checkMergeSources, checkRetire, checkSplitPlan, type GridState } from './grid.rules';
import { assertTakesGrids } from '../community/community.rules';
import { logRecordChange } from '../record-change/record-change.store';
import { requireRecord } from '../../../lib/records';
import { freeCode, requireFreeCode } from '../shared/unique-codes';
import { Community } from '../community/community.entity';
import type { GridContext } from '../context';
import { guardStructureWrite } from '../shared/write-guard';
import { actorOf } from '../shared/actor';
import type { CreateGridInput, UpdateGridInput } from './grid.inputs';

/**
 * Changes to the grid map, each in its own transaction after the write guard: the new state, the building
 * periods (which grid a building was in, when) and one GridChange saying what happened.
 */

export function gridState(grid: Grid): GridState {
  return { id: grid.id, code: grid.code, status: grid.status, communityId: grid.community.id };
}

/** Each building that changed grid gets a line in the record-change log (楼栋 is a 房 record). */
function logMoves(em: EntityManager, buildings: Building[], actor: string, at: Date): void {
  for (const building of buildings) {
    logRecordChange(em, {
      entityType: RecordType.BUILDING,
      entityId: building.id,
      action: RecordAction.MOVED,
      fields: ['grid'],
      actor,
      at,
    });
  }
}

/** Move buildings into a grid, closing each one's open period and opening a new one. */
export async function placeBuildings(em: EntityManager, buildings: Building[], grid: Grid, at: Date): Promise<void> {
  const open = await em.find(BuildingGridPeriod, { building: { $in: buildings.map((b) => b.id) }, until: null });
  for (const period of open) period.until = at;
  for (const building of buildings) {
    building.grid = grid;
    em.create(BuildingGridPeriod, { id: newId(), building, grid, since: at });
  }
}

export interface NewGrid {
  code: string;
  name: string;
  kind?: GridKind;
}

async function newGridFrom(em: EntityManager, source: Grid, part: NewGrid, field: string, at: Date): Promise<Grid> {
  const code = await freeCode(em, Grid, part.code, `${field}.code`);
  return em.create(Grid, {
    id: newId(),
    code,
    name: checkName(part.name, `${field}.name`),
    kind: part.kind ?? source.kind,
    community: source.community,
    createdAt: at,
  });
}

function retire(grid: Grid, at: Date): void {
  grid.status = 'RETIRED' as Grid['status'];
  grid.retiredAt = at;
}

export function splitGrid(
  ctx: GridContext,
  input: { gridId: string; parts: Array<NewGrid & { buildingIds: string[] }>; note?: string },
): Promise<Grid[]> {
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'splitting a grid', [
      { field: 'input.gridId', kind: 'grid', id: input.gridId },
    ]);
    const actor = actorOf(ctx);
    const at = new Date();
    const source = await requireRecord(em, Grid, input.gridId, 'input.gridId');
    if (source.status === 'RETIRED') checkRetire(gridState(source), 0);
    const buildings = await em.find(Building, { grid: source });
    checkSplitPlan(
      buildings.map((b) => b.id),
      input.parts.map((p) => ({ code: p.code.trim(), buildingIds: p.buildingIds })),
    );
    const created: Grid[] = [];
    for (const [index, part] of input.parts.entries()) {
      const grid = await newGridFrom(em, source, part, `input.parts[${index}]`, at);
      await placeBuildings(
        em,
        buildings.filter((b) => part.buildingIds.includes(b.id)),
        grid,
        at,
      );
      created.push(grid);
    }
    logMoves(em, buildings, actor, at);
    retire(source, at);
    em.create(GridChange, {
      id: newId(),
      kind: GridChangeKind.SPLIT,
      fromGridIds: [source.id],
      toGridIds: created.map((g) => g.id),
      buildingIds: buildings.map((b) => b.id),
      note: input.note ?? null,
      actor: actor,
      occurredAt: at,
    });
    return created;
  });
}

export function mergeGrids(
  ctx: GridContext,
  input: { gridIds: string[]; into: NewGrid; note?: string },
): Promise<Grid> {
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(
      em,
      ctx.viewer,
      'merging grids',
      input.gridIds.map((id, i) => ({ field: `input.gridIds[${i}]`, kind: 'grid' as const, id })),
    );
    const actor = actorOf(ctx);
    const at = new Date();
    const sources: Grid[] = [];
    for (const [index, id] of input.gridIds.entries())
      sources.push(await requireRecord(em, Grid, id, `input.gridIds[${index}]`));
    checkMergeSources(sources.map(gridState)); // at least two: sources[0] is there
    const merged = await newGridFrom(em, sources[0]!, input.into, 'input.into', at);
    const buildings = await em.find(Building, { grid: { $in: sources.map((g) => g.id) } });
    await placeBuildings(em, buildings, merged, at);
    logMoves(em, buildings, actor, at);
    for (const source of sources) retire(source, at);
    em.create(GridChange, {
      id: newId(),
      kind: GridChangeKind.MERGED,
      fromGridIds: sources.map((g) => g.id),
      toGridIds: [merged.id],
      buildingIds: buildings.map((b) => b.id),
      note: input.note ?? null,
      actor: actor,
      occurredAt: at,
    });
    return merged;
  });
}

export function retireGrid(ctx: GridContext, input: { gridId: string; note?: string }): Promise<Grid> {
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'retiring a grid', [
      { field: 'input.gridId', kind: 'grid', id: input.gridId },
    ]);
    const actor = actorOf(ctx);
    const grid = await requireRecord(em, Grid, input.gridId, 'input.gridId');
    checkRetire(gridState(grid), await em.count(Building, { grid }));
    const at = new Date();
    retire(grid, at);
    em.create(GridChange, {
      id: newId(),
      kind: GridChangeKind.RETIRED,
      fromGridIds: [grid.id],
      toGridIds: [],
      note: input.note ?? null,
      actor: actor,
      occurredAt: at,
    });
    return grid;
  });
}

export function moveBuildings(
  ctx: GridContext,
  input: { buildingIds: string[]; toGridId: string; note?: string },
): Promise<Building[]> {
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'moving buildings', [
      ...input.buildingIds.map((id, i) => ({ field: `input.buildingIds[${i}]`, kind: 'building' as const, id })),
      { field: 'input.toGridId', kind: 'grid', id: input.toGridId },
    ]);
    const actor = actorOf(ctx);
    if (!input.buildingIds.length) throw badInput('input.buildingIds', 'name at least one building to move');
    const target = await requireRecord(em, Grid, input.toGridId, 'input.toGridId');
    assertTakesBuildings(gridState(target), 'input.toGridId');
    const buildings: Building[] = [];
    for (const [index, id] of input.buildingIds.entries()) {
      const building = await requireRecord(em, Building, id, `input.buildingIds[${index}]`);
      if (building.grid.id === target.id) {
        throw badInput(`input.buildingIds[${index}]`, `building ${building.code} is already in grid ${target.code}`);
      }
      buildings.push(building);
    }
    const fromGridIds = [...new Set(buildings.map((b) => b.grid.id))];
    const at = new Date();
    await placeBuildings(em, buildings, target, at);
    logMoves(em, buildings, actor, at);
    em.create(GridChange, {
      id: newId(),
      kind: GridChangeKind.BUILDING_MOVED,
      fromGridIds,
      toGridIds: [target.id],
      buildingIds: buildings.map((b) => b.id),
      note: input.note ?? null,
      actor: actor,
      occurredAt: at,
    });
    return buildings;
  });
}

export function createGrid(ctx: GridContext, input: CreateGridInput): Promise<Grid> {
  const code = checkCode(input.code, 'input.code');
  const name = checkName(input.name, 'input.name');
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'creating a grid', [
      { field: 'input.communityId', kind: 'community', id: input.communityId },
    ]);
    const community = await requireRecord(em, Community, input.communityId, 'input.communityId');
    assertTakesGrids(
      { id: community.id, code: community.code, status: community.status, streetId: community.street.id },
      'input.communityId',
    );
    await requireFreeCode(em, Grid, code, 'input.code');
    const grid = em.create(Grid, { id: newId(), code, name, kind: input.kind, community });
    em.create(GridChange, { id: newId(), kind: GridChangeKind.CREATED, toGridIds: [grid.id], actor: actorOf(ctx) });
    return grid;
  });
}

export function updateGrid(ctx: GridContext, input: UpdateGridInput): Promise<Grid> {
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'updating a grid', [{ field: 'input.id', kind: 'grid', id: input.id }]);
    const grid = await requireRecord(em, Grid, input.id, 'input.id');
    if (input.code != null) grid.code = await freeCode(em, Grid, input.code, 'input.code', grid.id);
    if (input.name != null) grid.name = checkName(input.name, 'input.name');
    if (input.kind != null) grid.kind = input.kind;
    return grid;
  });
}
