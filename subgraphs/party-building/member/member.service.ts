import type { EntityManager } from '@mikro-orm/postgresql';
import { checkDate } from '../../../lib/dates';
import { badInput, conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { parseNationalId } from '../../../lib/national-id';
import { checkMobile } from '../../../lib/phone';
import { requireRecord } from '../../../lib/records';
import { authorizeChange } from '../access';
import type { PartyContext } from '../context';
import { residentFact, type ResidentFact } from '../organization/grid-facts.service';
import { checkText } from '../organization/organization-names.rules';
import { PartyOrganization } from '../organization/organization.entity';
import { PartyMemberKind } from '../shared/enums';
import { PartyMember } from './member.entity';
import { checkHoldingOrganization, checkMemberDetails } from './member.rules';
import { MembershipPeriod } from './membership-period.entity';
import { endOfficesOffTheirLine } from './party-role.service';

export interface MemberDetails {
  name?: string | null;
  kind?: PartyMemberKind | null;
  residentId?: string | null;
  workUnitName?: string | null;
  showsIdentityPublicly?: boolean | null;
  joinedOn?: string | null;
  idNumber?: string | null;
  phone?: string | null;
}

export interface CreateMember extends MemberDetails {
  kind: PartyMemberKind;
  organizationId: string;
  note?: string | null;
}

/** The resident exists in the grid subgraph and no other member record is linked to it. */
async function linkResident(em: EntityManager, residentId: string, selfId: string | null): Promise<ResidentFact> {
  const fact = await residentFact(residentId, 'input.residentId');
  const holder = await em.findOne(PartyMember, { residentId });
  if (holder && holder.id !== selfId)
    throw conflict('input.residentId', `resident ${residentId} is already linked to Party member ${holder.id}`);
  return fact;
}

function personalFields(input: MemberDetails) {
  const fields: Partial<Pick<PartyMember, 'idNumber' | 'phone' | 'joinedOn'>> = {};
  if (input.idNumber !== undefined) {
    if (input.idNumber !== null) parseNationalId(input.idNumber, 'input.idNumber');
    fields.idNumber = input.idNumber?.trim().toUpperCase() ?? null;
  }
  if (input.phone !== undefined) fields.phone = input.phone === null ? null : checkMobile(input.phone, 'input.phone');
  if (input.joinedOn !== undefined)
    fields.joinedOn = input.joinedOn === null ? null : checkDate(input.joinedOn, 'input.joinedOn');
  return fields;
}

function openPeriod(
  em: EntityManager,
  member: PartyMember,
  organization: PartyOrganization,
  since: Date,
  note?: string | null,
) {
  em.create(MembershipPeriod, { id: newId(), member, organization, since, note: note ?? null });
}

async function create(em: EntityManager, input: CreateMember): Promise<PartyMember> {
  const workUnitName = checkMemberDetails(input.kind, input.workUnitName);
  const personal = personalFields(input);
  const organization = await requireRecord(em, PartyOrganization, input.organizationId, 'input.organizationId');
  checkHoldingOrganization(organization, 'input.organizationId');
  const resident = input.residentId ? await linkResident(em, input.residentId, null) : null;
  if (!input.name && !resident) throw badInput('input.name', "give name, or residentId to take the resident's name");
  const member = em.create(PartyMember, {
    id: newId(),
    name: checkText(input.name ?? resident!.name, 'input.name', 50),
    kind: input.kind,
    organization,
    residentId: resident?.id ?? null,
    homeGridId: resident?.gridId ?? null,
    workUnitName,
    showsIdentityPublicly: input.showsIdentityPublicly ?? false,
    ...personal,
  });
  openPeriod(em, member, organization, member.createdAt, input.note);
  return member;
}

/**
 * Omitted fields stay; `residentId: null` unlinks the resident. Giving residentId (even the
 * same one) reads the resident's grid again, which is how a member's home grid follows a move.
 */
async function update(em: EntityManager, input: MemberDetails & { id: string }): Promise<PartyMember> {
  const member = await requireRecord(em, PartyMember, input.id, 'input.id');
  const kind = input.kind ?? member.kind;
  const workUnitName = checkMemberDetails(
    kind,
    input.workUnitName !== undefined ? input.workUnitName : member.workUnitName,
  );
  Object.assign(member, personalFields(input), { kind, workUnitName });
  if (input.name !== undefined && input.name !== null) member.name = checkText(input.name, 'input.name', 50);
  if (input.showsIdentityPublicly !== undefined && input.showsIdentityPublicly !== null)
    member.showsIdentityPublicly = input.showsIdentityPublicly;
  if (input.residentId === null) Object.assign(member, { residentId: null, homeGridId: null });
  else if (input.residentId !== undefined) {
    const resident = await linkResident(em, input.residentId, member.id);
    Object.assign(member, { residentId: resident.id, homeGridId: resident.gridId });
  }
  return member;
}

/** Move the membership (组织关系转接): the old period closes, a new one opens, offices off the new line end. */
async function transfer(
  em: EntityManager,
  input: { memberId: string; toOrganizationId: string; note?: string | null },
): Promise<PartyMember> {
  const member = await requireRecord(em, PartyMember, input.memberId, 'input.memberId');
  const target = await requireRecord(em, PartyOrganization, input.toOrganizationId, 'input.toOrganizationId');
  checkHoldingOrganization(target, 'input.toOrganizationId');
  if (member.organization.id === target.id)
    throw badInput('input.toOrganizationId', 'the membership is already held there');
  if (member.residentId) member.homeGridId = (await residentFact(member.residentId, 'input.memberId')).gridId;
  await moveMembership(em, [member], target, new Date(), input.note);
  return member;
}

export async function moveMembership(
  em: EntityManager,
  members: PartyMember[],
  target: PartyOrganization,
  at: Date,
  note?: string | null,
): Promise<void> {
  if (!members.length) return;
  const open = await em.find(MembershipPeriod, { member: { $in: members.map((m) => m.id) }, until: null });
  for (const period of open) period.until = at;
  for (const member of members) {
    member.organization = target;
    openPeriod(em, member, target, at, note);
  }
  await endOfficesOffTheirLine(
    em,
    members.map((m) => m.id),
  );
}

export async function createMember(ctx: PartyContext, input: CreateMember): Promise<PartyMember> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'registering a Party member', () => [
    { organizationId: input.organizationId, field: 'input.organizationId' },
  ]);
  return ctx.em.transactional((em) => create(em, input));
}

export async function updateMember(ctx: PartyContext, input: MemberDetails & { id: string }): Promise<PartyMember> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'changing a Party member', async () => {
    const member = await ctx.loaders.member.load(input.id);
    return [member && { organizationId: member.organization.id, field: 'input.id' }];
  });
  return ctx.em.transactional((em) => update(em, input));
}

export async function transferMember(
  ctx: PartyContext,
  input: { memberId: string; toOrganizationId: string; note?: string | null },
): Promise<PartyMember> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'transferring a Party membership', async () => {
    const member = await ctx.loaders.member.load(input.memberId);
    return [
      member && { organizationId: member.organization.id, field: 'input.memberId' },
      { organizationId: input.toOrganizationId, field: 'input.toOrganizationId' },
    ];
  });
  return ctx.em.transactional((em) => transfer(em, input));
}
