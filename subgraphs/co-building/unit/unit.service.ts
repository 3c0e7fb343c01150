import type { GraphQLResolveInfo } from 'graphql';
import { checkDate } from '../../../lib/dates';
import { conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import type { Page } from '../../../lib/pagination';
import { requireRecord } from '../../../lib/records';
import { requireRemoteEntities } from '../../../lib/remote-entities';
import { checkCityAdmin, checkCommunityWrite } from '../access';
import type { CoBuildingContext } from '../context';
import { checkId } from '../shared/check-id';
import { PairingStatus } from '../shared/enums';
import { checkRange } from '../shared/periods';
import { requireCommunity } from '../shared/remote-checks';
import { checkText } from '../shared/text';
import { Pairing } from './pairing.entity';
import { checkNotPaired } from './pairing.rules';
import type { CreatePairingInput, CreateUnitInput, EndPairingInput, UnitFilter, UpdateUnitInput } from './unit.inputs';
import { Unit } from './unit.entity';
import { unitsPage } from './unit.store';

/** The register of units (共建单位) and their pairings with communities (结对共建). */

/** The party-building subgraph must know a unit's Party organisation before it is recorded. */
async function requirePartyOrganization(organizationId: string, field: string): Promise<void> {
  checkId(organizationId, field, 'PartyOrganization');
  await requireRemoteEntities('party-building', 'PartyOrganization', [organizationId], field);
}

export async function listUnits(
  ctx: CoBuildingContext,
  filter: UnitFilter,
  info: GraphQLResolveInfo,
): Promise<Page<Unit>> {
  return unitsPage(ctx.em, filter, info);
}

export async function createUnit(ctx: CoBuildingContext, input: CreateUnitInput): Promise<Unit> {
  checkCityAdmin(ctx.viewer, 'registering a unit');
  const code = checkText(input.code, 'input.code', 32);
  const name = checkText(input.name, 'input.name', 200);
  if (input.partyOrganizationId) await requirePartyOrganization(input.partyOrganizationId, 'input.partyOrganizationId');
  return ctx.em.transactional(async (em) => {
    if (await em.count(Unit, { code })) throw conflict('input.code', `a unit with code ${code} is already registered`);
    return em.create(Unit, {
      id: newId(),
      code,
      name,
      kind: input.kind,
      partyOrganizationId: input.partyOrganizationId ?? null,
    });
  });
}

export async function updateUnit(ctx: CoBuildingContext, input: UpdateUnitInput): Promise<Unit> {
  checkCityAdmin(ctx.viewer, "changing a unit's register entry");
  const name = input.name != null ? checkText(input.name, 'input.name', 200) : undefined;
  if (input.partyOrganizationId) await requirePartyOrganization(input.partyOrganizationId, 'input.partyOrganizationId');
  return ctx.em.transactional(async (em) => {
    const unit = await requireRecord(em, Unit, input.id, 'input.id');
    if (name) unit.name = name;
    if (input.kind) unit.kind = input.kind;
    if (input.partyOrganizationId) unit.partyOrganizationId = input.partyOrganizationId;
    return unit;
  });
}

export async function createPairing(ctx: CoBuildingContext, input: CreatePairingInput): Promise<Pairing> {
  checkCommunityWrite(ctx.viewer, input.communityId, 'pairing a unit with a community', 'input.communityId');
  const agreement = checkText(input.agreement, 'input.agreement', 4000);
  const instructorName = checkText(input.instructorName, 'input.instructorName', 50);
  const startedOn = checkDate(input.startedOn, 'input.startedOn');
  const endedOn = input.endedOn ? checkDate(input.endedOn, 'input.endedOn') : null;
  checkRange(startedOn, endedOn, 'input.endedOn');
  await requireCommunity(input.communityId, 'input.communityId');
  return ctx.em.transactional(async (em) => {
    const unit = await requireRecord(em, Unit, input.unitId, 'input.unitId');
    const current = await em.count(Pairing, { unit, communityId: input.communityId, status: PairingStatus.ACTIVE });
    checkNotPaired(current, unit.name);
    return em.create(Pairing, {
      id: newId(),
      unit,
      communityId: input.communityId,
      agreement,
      instructorName,
      startedOn,
      endedOn,
    });
  });
}

export async function endPairing(ctx: CoBuildingContext, input: EndPairingInput): Promise<Pairing> {
  const endedOn = checkDate(input.endedOn, 'input.endedOn');
  return ctx.em.transactional(async (em) => {
    const pairing = await requireRecord(em, Pairing, input.pairingId, 'input.pairingId');
    checkCommunityWrite(ctx.viewer, pairing.communityId, 'ending a pairing', 'input.pairingId');
    if (pairing.status === PairingStatus.ENDED) throw conflict('input.pairingId', 'the pairing has already ended');
    checkRange(pairing.startedOn, endedOn, 'input.endedOn');
    pairing.status = PairingStatus.ENDED;
    pairing.endedOn = endedOn;
    return pairing;
  });
}
