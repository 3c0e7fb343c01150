import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { requireRecord } from '../../../lib/records';
import { authorizeChange } from '../access';
import type { PartyContext } from '../context';
import { ancestorsOf, lineOf } from '../organization/organization-tree.store';
import { PartyOrganization } from '../organization/organization.entity';
import { OrganizationStatus, PartyRoleKind } from '../shared/enums';
import { PartyMember } from './member.entity';
import { checkRoleOnMembersLine, checkRoleVacancy, isOnMembersLine } from './member.rules';
import { PartyRole } from './party-role.entity';
import { checkEndOfTerm, checkTerm, today } from './term.rules';

export interface AppointRole {
  memberId: string;
  organizationId: string;
  role: PartyRoleKind;
  termStart: string;
  termEnd?: string | null;
}

async function appoint(em: EntityManager, input: AppointRole): Promise<PartyRole> {
  checkTerm(input.termStart, input.termEnd);
  const member = await requireRecord(em, PartyMember, input.memberId, 'input.memberId');
  const organization = await requireRecord(em, PartyOrganization, input.organizationId, 'input.organizationId');
  if (organization.status !== OrganizationStatus.ACTIVE)
    throw conflict('input.organizationId', `${organization.name} is dissolved`);
  checkRoleOnMembersLine(
    await lineOf(em, organization.id),
    await lineOf(em, member.organization.id),
    'input.organizationId',
  );
  // Offices whose term reaches into the new one's start.
  const current = await em.find(PartyRole, {
    organization,
    endedOn: null,
    $or: [{ termEnd: null }, { termEnd: { $gte: input.termStart } }],
  });
  checkRoleVacancy(
    input.role,
    member.id,
    current.map((r) => ({ role: r.role, memberId: r.member.id })),
    'input.role',
  );
  return em.create(PartyRole, {
    id: newId(),
    member,
    organization,
    role: input.role,
    termStart: input.termStart,
    termEnd: input.termEnd ?? null,
  });
}

async function end(em: EntityManager, input: { id: string; endedOn: string }): Promise<PartyRole> {
  const role = await requireRecord(em, PartyRole, input.id, 'input.id');
  checkEndOfTerm(role, input.endedOn);
  role.endedOn = input.endedOn;
  return role;
}

/**
 * After members moved, an office is kept only where it still lies on the member's line of the
 * tree; the others end today (the row stays). One query for all the lines involved.
 */
export async function endOfficesOffTheirLine(em: EntityManager, memberIds: string[]): Promise<void> {
  if (!memberIds.length) return;
  await em.flush();
  const members = await em.find(PartyMember, { id: { $in: memberIds } });
  const roles = await em.find(PartyRole, { member: { $in: memberIds }, endedOn: null });
  if (!roles.length) return;
  const orgIds = [...new Set([...roles.map((r) => r.organization.id), ...members.map((m) => m.organization.id)])];
  const ancestors = await ancestorsOf(em, orgIds);
  const line = (id: string) => [
    id,
    ...ancestors
      .filter((a) => a.startId === id)
      .map((a) => a.organization.id)
      .reverse(),
  ];
  const day = today();
  for (const role of roles) {
    const member = members.find((m) => m.id === role.member.id)!;
    if (!isOnMembersLine(line(role.organization.id), line(member.organization.id))) {
      role.endedOn = role.termStart > day ? role.termStart : day;
    }
  }
}

export async function appointRole(ctx: PartyContext, input: AppointRole): Promise<PartyRole> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'appointing to a Party office', async () => {
    const member = await ctx.loaders.member.load(input.memberId);
    return [
      { organizationId: input.organizationId, field: 'input.organizationId' },
      member && { organizationId: member.organization.id, field: 'input.memberId' },
    ];
  });
  return ctx.em.transactional((em) => appoint(em, input));
}

export async function endRole(ctx: PartyContext, input: { id: string; endedOn: string }): Promise<PartyRole> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'ending a Party office', async () => {
    const role = await ctx.loaders.role.load(input.id);
    return [role && { organizationId: role.organization.id, field: 'input.id' }];
  });
  return ctx.em.transactional((em) => end(em, input));
}
