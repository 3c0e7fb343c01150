import type { EntityManager } from '@mikro-orm/postgresql';
import { requireRecord } from '../../../lib/records';
import { authorizeChange } from '../access';
import type { PartyContext } from '../context';
import { PartyMember } from '../member/member.entity';
import { PartyRole } from '../member/party-role.entity';
import { today } from '../member/term.rules';
import { OrganizationChangeKind, OrganizationStatus } from '../shared/enums';
import { CommitteeSeat } from './committee-seat.entity';
import { recordChange } from './organization-change.store';
import { checkCoverage, scopeOf } from './organization-coverage.service';
import { coveredIds } from './organization-coverage.rules';
import { checkPlacement } from './organization-levels.rules';
import { rewriteSubtreeScope } from './organization-tree.store';
import { actorOf, scopeFor } from './organization.service';
import { PartyOrganization } from './organization.entity';
import { checkDissolvable, checkMovable } from './reorganisation.rules';

/** Hang an organisation (and everything under it) under another parent of the level above. */
async function move(
  em: EntityManager,
  input: { id: string; parentId: string; note?: string | null },
  actor: string,
): Promise<PartyOrganization> {
  const organization = await requireRecord(em, PartyOrganization, input.id, 'input.id');
  const parent = await requireRecord(em, PartyOrganization, input.parentId, 'input.parentId');
  checkMovable({ id: organization.id, status: organization.status, parentId: organization.parent?.id ?? null }, parent);
  checkPlacement(organization.level, parent.level);
  const ids = coveredIds(organization.level, organization);
  // What the organisation covers must lie inside the new parent's scope; the parent is what to fix.
  await checkCoverage(em, organization.level, scopeOf(parent), ids, () => 'input.parentId', [organization.id]);
  const parentBeforeId = organization.parent?.id ?? null;
  organization.parent = parent;
  const scope = scopeFor(organization.level, parent, ids);
  Object.assign(organization, scope);
  await em.flush();
  await rewriteSubtreeScope(em, organization.id, scope, organization.level === 'COMMUNITY_COMMITTEE');
  recordChange(em, {
    organizationId: organization.id,
    kind: OrganizationChangeKind.MOVED,
    actor,
    parentBeforeId,
    parentAfterId: parent.id,
    coverageBefore: ids,
    coverageAfter: ids,
    note: input.note,
  });
  return organization;
}

/** End what an organisation's dissolution ends: offices in it and, for a committee, its part-time seats. */
export async function endOfficesOf(em: EntityManager, organization: PartyOrganization): Promise<void> {
  const day = today();
  const roles = await em.find(PartyRole, { organization, endedOn: null });
  for (const role of roles) role.endedOn = role.termStart > day ? role.termStart : day;
  const seats = await em.find(CommitteeSeat, { committee: organization, endedOn: null });
  for (const seat of seats) seat.endedOn = seat.termStart > day ? seat.termStart : day;
}

/** Dissolve (撤销): the record stays with its history and the time it ended; nothing is deleted. */
async function dissolve(
  em: EntityManager,
  input: { id: string; note?: string | null },
  actor: string,
): Promise<PartyOrganization> {
  const organization = await requireRecord(em, PartyOrganization, input.id, 'input.id');
  const activeChildren = await em.count(PartyOrganization, { parent: organization, status: OrganizationStatus.ACTIVE });
  const members = await em.count(PartyMember, { organization });
  checkDissolvable(organization, activeChildren, members);
  organization.status = OrganizationStatus.DISSOLVED;
  organization.dissolvedAt = new Date();
  await endOfficesOf(em, organization);
  recordChange(em, {
    organizationId: organization.id,
    kind: OrganizationChangeKind.DISSOLVED,
    actor,
    parentBeforeId: organization.parent?.id ?? null,
    coverageBefore: coveredIds(organization.level, organization),
    note: input.note,
  });
  return organization;
}

export async function moveOrganization(
  ctx: PartyContext,
  input: { id: string; parentId: string; note?: string | null },
): Promise<PartyOrganization> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'moving a Party organisation', () => [
    { organizationId: input.id, field: 'input.id', below: true },
    { organizationId: input.parentId, field: 'input.parentId' },
  ]);
  return ctx.em.transactional((em) => move(em, input, actorOf(ctx)));
}

export async function dissolveOrganization(
  ctx: PartyContext,
  input: { id: string; note?: string | null },
): Promise<PartyOrganization> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'dissolving a Party organisation', () => [
    { organizationId: input.id, field: 'input.id', below: true },
  ]);
  return ctx.em.transactional((em) => dissolve(em, input, actorOf(ctx)));
}
