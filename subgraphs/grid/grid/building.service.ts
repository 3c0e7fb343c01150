import { newId } from '../../../lib/ids';
import { checkCode, checkName } from '../shared/codes';
import { gridState, placeBuildings } from './grid.service';
import { assertTakesBuildings } from './grid.rules';
import { changedFields } from '../record-change/record-change.rules';
import { logRecordChange } from '../record-change/record-change.store';
import { requireRecord } from '../../../lib/records';
import { freeCode, requireFreeCode } from '../shared/unique-codes';
import { Building } from './building.entity';
import { Grid } from './grid.entity';
import { RecordAction, RecordType } from '../shared/enums';
import type { GridContext } from '../context';
import { guardStructureWrite } from '../shared/write-guard';
import { actorOf } from '../shared/actor';
import type { CreateBuildingInput, UpdateBuildingInput } from './building.inputs';

/** Buildings of a grid: created, corrected; moves are in grid.service.ts with the other map changes. */
export function createBuilding(ctx: GridContext, input: CreateBuildingInput): Promise<Building> {
  const code = checkCode(input.code, 'input.code');
  const address = checkName(input.address, 'input.address', 200);
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'creating a building', [
      { field: 'input.gridId', kind: 'grid', id: input.gridId },
    ]);
    const grid = await requireRecord(em, Grid, input.gridId, 'input.gridId');
    assertTakesBuildings(gridState(grid), 'input.gridId');
    await requireFreeCode(em, Building, code, 'input.code');
    const building = em.create(Building, { id: newId(), code, address, grid });
    await placeBuildings(em, [building], grid, building.createdAt);
    logRecordChange(em, {
      entityType: RecordType.BUILDING,
      entityId: building.id,
      action: RecordAction.CREATED,
      fields: ['code', 'address', 'grid'],
      actor: actorOf(ctx),
    });
    return building;
  });
}

export function updateBuilding(ctx: GridContext, input: UpdateBuildingInput): Promise<Building> {
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'updating a building', [
      { field: 'input.id', kind: 'building', id: input.id },
    ]);
    const building = await requireRecord(em, Building, input.id, 'input.id');
    const before = { code: building.code, address: building.address };
    if (input.code != null) building.code = await freeCode(em, Building, input.code, 'input.code', building.id);
    if (input.address != null) building.address = checkName(input.address, 'input.address', 200);
    logRecordChange(em, {
      entityType: RecordType.BUILDING,
      entityId: building.id,
      action: RecordAction.UPDATED,
      fields: changedFields(before, { code: building.code, address: building.address }),
      actor: actorOf(ctx),
    });
    return building;
  });
}
