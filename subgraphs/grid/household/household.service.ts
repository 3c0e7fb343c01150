import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../../lib/ids';
import { Building } from '../grid/building.entity';
import { Household } from './household.entity';
import { RecordAction, RecordType, Tenure } from '../shared/enums';
import { checkRoomFree, checkUnitOrRoom } from './household.rules';
import { changedFields, type Snapshot } from '../record-change/record-change.rules';
import { logRecordChange } from '../record-change/record-change.store';
import { requireRecord } from '../../../lib/records';
import type { GridContext } from '../context';
import { actorOf } from '../shared/actor';
import { guardPeopleWrite } from '../shared/write-guard';

/** Households (户) of a building: each use case in its own transaction, after the write guard. */

function snapshot(household: Household): Snapshot {
  const { building, unit, room, tenure } = household;
  return { building, unit, room, tenure };
}

async function householdAt(em: EntityManager, buildingId: string, unit: string, room: string) {
  return em.findOne(Household, { building: buildingId, unit, room }, { fields: ['id'] });
}

export function createHousehold(
  ctx: GridContext,
  input: { buildingId: string; unit: string; room: string; tenure: Tenure },
): Promise<Household> {
  return ctx.em.transactional(async (em) => {
    await guardPeopleWrite(em, ctx.viewer, 'creating a household', [
      { field: 'input.buildingId', kind: 'building', id: input.buildingId },
    ]);
    const actor = actorOf(ctx);
    const unit = checkUnitOrRoom(input.unit, 'input.unit');
    const room = checkUnitOrRoom(input.room, 'input.room');
    const building = await requireRecord(em, Building, input.buildingId, 'input.buildingId');
    checkRoomFree(await householdAt(em, building.id, unit, room), { buildingCode: building.code, unit, room });
    const household = em.create(Household, { id: newId(), building, unit, room, tenure: input.tenure });
    logRecordChange(em, {
      entityType: RecordType.HOUSEHOLD,
      entityId: household.id,
      action: RecordAction.CREATED,
      fields: Object.keys(snapshot(household)),
      actor,
    });
    return household;
  });
}

/** The building stays: a household belongs to exactly one building for its whole life. */
export function updateHousehold(
  ctx: GridContext,
  input: { id: string; unit?: string | null; room?: string | null; tenure?: Tenure | null },
): Promise<Household> {
  return ctx.em.transactional(async (em) => {
    await guardPeopleWrite(em, ctx.viewer, 'updating a household', [
      { field: 'input.id', kind: 'household', id: input.id },
    ]);
    const actor = actorOf(ctx);
    const household = await requireRecord(em, Household, input.id, 'input.id');
    const before = snapshot(household);
    const unit = input.unit != null ? checkUnitOrRoom(input.unit, 'input.unit') : household.unit;
    const room = input.room != null ? checkUnitOrRoom(input.room, 'input.room') : household.room;
    // Checked before the entity changes, so no automatic flush meets the unique index first.
    if (unit !== household.unit || room !== household.room) {
      const building = await em.findOneOrFail(Building, household.building.id);
      checkRoomFree(
        await householdAt(em, building.id, unit, room),
        { buildingCode: building.code, unit, room },
        household.id,
      );
    }
    Object.assign(household, { unit, room });
    if (input.tenure != null) household.tenure = input.tenure;
    logRecordChange(em, {
      entityType: RecordType.HOUSEHOLD,
      entityId: household.id,
      action: RecordAction.UPDATED,
      fields: changedFields(before, snapshot(household)),
      actor,
    });
    return household;
  });
}
