import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { CareTag, Gender, RecordAction, RecordType, RelationToHead, ResidenceType } from '../shared/enums';
import { Household } from '../household/household.entity';
import { Resident } from './resident.entity';
import { checkName } from '../shared/codes';
import { changedFields, type Snapshot } from '../record-change/record-change.rules';
import { logRecordChange } from '../record-change/record-change.store';
import { requireRecord } from '../../../lib/records';
import { placeOf } from '../shared/places';
import { checkCareTags, checkHead, checkIdentity, checkIdNumberFree, checkOptionalMobile } from './resident.rules';
import type { GridContext } from '../context';
import { actorOf } from '../shared/actor';
import { guardPeopleWrite } from '../shared/write-guard';

/** Creating, correcting and moving resident records: each in its own transaction, after the write guard. */

export interface ResidentInput {
  householdId: string;
  name: string;
  idNumber: string;
  gender?: Gender | null;
  birthDate?: string | null;
  phone?: string | null;
  relationToHead: RelationToHead;
  residenceType: ResidenceType;
  careTags?: CareTag[] | null;
}

export type ResidentChanges = { id: string } & Partial<Omit<ResidentInput, 'householdId'>>;

function snapshot(resident: Resident): Snapshot {
  const { name, gender, birthDate, idNumber, phone, household, relationToHead, residenceType, careTags } = resident;
  return { name, gender, birthDate, idNumber, phone, household, relationToHead, residenceType, careTags };
}

async function otherHeads(em: EntityManager, householdId: string, exceptId?: string): Promise<number> {
  return em.count(Resident, {
    household: householdId,
    relationToHead: RelationToHead.HEAD,
    ...(exceptId ? { id: { $ne: exceptId } } : {}),
  });
}

async function residentWithIdNumber(em: EntityManager, idNumber: string): Promise<string | null> {
  const existing = await em.findOne(Resident, { idNumber }, { fields: ['id'] });
  return existing?.id ?? null;
}

export function createResident(ctx: GridContext, input: ResidentInput): Promise<Resident> {
  return ctx.em.transactional(async (em) => {
    await guardPeopleWrite(em, ctx.viewer, 'registering a resident', [
      { field: 'input.householdId', kind: 'household', id: input.householdId },
    ]);
    const actor = actorOf(ctx);
    const name = checkName(input.name, 'input.name', 50);
    const identity = checkIdentity(input.idNumber, input.birthDate, input.gender);
    const phone = checkOptionalMobile(input.phone);
    const careTags = checkCareTags(input.careTags ?? [], identity.birthDate, new Date());
    const household = await requireRecord(em, Household, input.householdId, 'input.householdId');
    checkHead(input.relationToHead, await otherHeads(em, household.id));
    checkIdNumberFree(await residentWithIdNumber(em, identity.idNumber));
    // The database sets the resident's grid from the household's building as the row is written;
    // the entity gets the same value, read in the same transaction, so it is whole before the flush.
    const place = await placeOf(em, 'household', household.id);
    const resident = em.create(Resident, {
      id: newId(),
      name,
      ...identity,
      phone,
      household,
      gridId: place?.gridId ?? undefined,
      relationToHead: input.relationToHead,
      residenceType: input.residenceType,
      careTags,
    });
    logRecordChange(em, {
      entityType: RecordType.RESIDENT,
      entityId: resident.id,
      action: RecordAction.CREATED,
      fields: Object.keys(snapshot(resident)),
      actor,
    });
    return resident;
  });
}

/** Omitted fields stay; `phone: null` clears the phone. Identity is checked as a whole after the change. */
export function updateResident(ctx: GridContext, input: ResidentChanges): Promise<Resident> {
  return ctx.em.transactional(async (em) => {
    await guardPeopleWrite(em, ctx.viewer, 'updating a resident', [
      { field: 'input.id', kind: 'resident', id: input.id },
    ]);
    const actor = actorOf(ctx);
    const resident = await requireRecord(em, Resident, input.id, 'input.id');
    const before = snapshot(resident);
    if (input.name != null) resident.name = checkName(input.name, 'input.name', 50);
    if (input.idNumber != null || input.birthDate != null || input.gender != null) {
      const identity = checkIdentity(
        input.idNumber ?? resident.idNumber,
        input.birthDate ?? resident.birthDate,
        input.gender ?? resident.gender,
      );
      if (identity.idNumber !== resident.idNumber)
        checkIdNumberFree(await residentWithIdNumber(em, identity.idNumber), resident.id);
      Object.assign(resident, identity);
    }
    if (input.phone !== undefined) resident.phone = checkOptionalMobile(input.phone);
    if (input.careTags != null) resident.careTags = checkCareTags(input.careTags, resident.birthDate, new Date());
    if (input.residenceType != null) resident.residenceType = input.residenceType;
    if (input.relationToHead != null) {
      checkHead(input.relationToHead, await otherHeads(em, resident.household.id, resident.id));
      resident.relationToHead = input.relationToHead;
    }
    logRecordChange(em, {
      entityType: RecordType.RESIDENT,
      entityId: resident.id,
      action: RecordAction.UPDATED,
      fields: changedFields(before, snapshot(resident)),
      actor,
    });
    return resident;
  });
}

/** A resident moves house (搬迁/分户): their relation is restated for the new household. */
export function moveResident(
  ctx: GridContext,
  input: { residentId: string; toHouseholdId: string; relationToHead: RelationToHead },
): Promise<Resident> {
  return ctx.em.transactional(async (em) => {
    await guardPeopleWrite(em, ctx.viewer, 'moving a resident', [
      { field: 'input.residentId', kind: 'resident', id: input.residentId },
      { field: 'input.toHouseholdId', kind: 'household', id: input.toHouseholdId },
    ]);
    const actor = actorOf(ctx);
    const resident = await requireRecord(em, Resident, input.residentId, 'input.residentId');
    const target = await requireRecord(em, Household, input.toHouseholdId, 'input.toHouseholdId');
    if (target.id === resident.household.id) {
      throw badInput(
        'input.toHouseholdId',
        'the resident already lives in this household; use updateResident to change the relation',
      );
    }
    checkHead(input.relationToHead, await otherHeads(em, target.id));
    const before = snapshot(resident);
    resident.household = target;
    resident.relationToHead = input.relationToHead;
    logRecordChange(em, {
      entityType: RecordType.RESIDENT,
      entityId: resident.id,
      action: RecordAction.MOVED,
      fields: changedFields(before, snapshot(resident)),
      actor,
    });
    return resident;
  });
}
