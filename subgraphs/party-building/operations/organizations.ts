import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { checkText } from '../domain/names';
import { checkCoverageShape, coveredIds, type CoverageInput } from '../domain/organization-coverage';
import { checkPlacement, type Level } from '../domain/organization-levels';
import { checkDissolvable, checkMovable } from '../domain/reorganisation';
import { today } from '../domain/terms';
import {
  CommitteeSeat, OrganizationChangeKind, OrganizationLevel, OrganizationStatus, PartyMember, PartyOrganization, PartyRole,
} from '../entities';
import { buildingFacts } from '../grid-facts';
import { rewriteSubtreeScope } from '../tree-queries';
import { checkCoverage, scopeOf } from './coverage-checks';
import { requireRecord } from '../../../lib/records';
import { recordChange } from './records';

export interface CreateOrganization extends CoverageInput {
  name: string;
  level: OrganizationLevel;
  parentId?: string | null;
  note?: string | null;
}

function fieldNamer(prefix: string, field: string, isList: boolean) {
  return (index: number) => (isList ? `${prefix}.${field}[${index}]` : `${prefix}.${field}`);
}

/** Street and community an organisation sits in: its own coverage at the top two levels, inherited below. */
function scopeFor(level: Level, parent: PartyOrganization | null, ids: string[]) {
  if (level === 'STREET_WORKING_COMMITTEE') return { streetId: ids[0], communityId: null };
  if (level === 'COMMUNITY_COMMITTEE') return { streetId: parent?.streetId ?? null, communityId: ids[0] };
  return { streetId: parent?.streetId ?? null, communityId: parent?.communityId ?? null };
}

function coverageColumns(level: Level, ids: string[]) {
  return {
    gridIds: level === 'GRID_BRANCH' ? ids : [],
    buildingIds: level === 'BUILDING_GROUP' ? ids : [],
    householdId: level === 'CENTRAL_HOUSEHOLD' ? ids[0] : null,
  };
}

export async function requireActiveParent(em: EntityManager, id: string | null | undefined, field: string): Promise<PartyOrganization | null> {
  if (!id) return null;
  const parent = await requireRecord(em, PartyOrganization, id, field);
  if (parent.status !== OrganizationStatus.ACTIVE) throw conflict(field, `${parent.name} is dissolved and takes no new organisations`);
  return parent;
}

export async function createOrganization(em: EntityManager, input: CreateOrganization, actor: string): Promise<PartyOrganization> {
  const name = checkText(input.name, 'input.name', 100);
  const { field, ids } = checkCoverageShape(input.level, input);
  const parent = await requireActiveParent(em, input.parentId, 'input.parentId');
  checkPlacement(input.level, parent?.level ?? null);
  await checkCoverage(em, input.level, scopeOf(parent), ids, fieldNamer('input', field, Array.isArray(input[field])));
  const organization = em.create(PartyOrganization, {
    id: newId(), name, level: input.level, parent, ...scopeFor(input.level, parent, ids), ...coverageColumns(input.level, ids),
  });
  recordChange(em, {
    organizationId: organization.id, kind: OrganizationChangeKind.CREATED, actor, parentAfterId: parent?.id ?? null, coverageAfter: ids, note: input.note,
  });
  return organization;
}

export interface UpdateOrganization extends CoverageInput {
  id: string;
  name?: string | null;
  note?: string | null;
}

/**
 * Rename, or change what the organisation covers. A street or community committee with
 * organisations under it keeps its coverage (their scope hangs on it); a grid branch may change
 * its grids only while its building groups' buildings stay inside them.
 */
export async function updateOrganization(em: EntityManager, input: UpdateOrganization, actor: string): Promise<PartyOrganization> {
  const organization = await requireRecord(em, PartyOrganization, input.id, 'input.id');
  if (organization.status !== OrganizationStatus.ACTIVE) throw conflict('input.id', `${organization.name} is dissolved`);
  const changed: string[] = [];
  const before = coveredIds(organization.level, organization);
  if (input.name !== undefined && input.name !== null) {
    organization.name = checkText(input.name, 'input.name', 100);
    changed.push('name');
  }
  const coverageGiven = (['streetId', 'communityId', 'gridIds', 'buildingIds', 'householdId'] as const).some((f) => input[f] !== undefined && input[f] !== null);
  if (coverageGiven) {
    const { field, ids } = checkCoverageShape(organization.level, input);
    const fieldOf = fieldNamer('input', field, Array.isArray(input[field]));
    const parent = organization.parent ? await em.findOneOrFail(PartyOrganization, organization.parent.id) : null;
    await checkCoverage(em, organization.level, scopeOf(parent), ids, fieldOf, [organization.id]);
    const children = await em.find(PartyOrganization, { parent: organization, status: OrganizationStatus.ACTIVE });
    if (children.length && (organization.level === 'STREET_WORKING_COMMITTEE' || organization.level === 'COMMUNITY_COMMITTEE')) {
      throw conflict(`input.${field}`, `${organization.name} has ${children.length} organisation(s) under it; its coverage cannot change under them`);
    }
    if (organization.level === 'GRID_BRANCH' && children.length) {
      const buildings = await buildingFacts(children.flatMap((c) => c.buildingIds), () => `input.${field}`);
      const stranded = buildings.find((b) => !ids.includes(b.gridId));
      if (stranded) throw conflict(`input.${field}`, `building ${stranded.id} of a building group under this branch lies in grid ${stranded.gridId}, which the branch would no longer cover`);
    }
    Object.assign(organization, scopeFor(organization.level, parent, ids), coverageColumns(organization.level, ids));
    changed.push(field);
  }
  if (changed.length) {
    recordChange(em, {
      organizationId: organization.id, kind: OrganizationChangeKind.UPDATED, actor, changedFields: changed,
      coverageBefore: before, coverageAfter: coveredIds(organization.level, organization), note: input.note,
    });
  }
  return organization;
}

/** Hang an organisation (and everything under it) under another parent of the level above. */
export async function moveOrganization(
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
    organizationId: organization.id, kind: OrganizationChangeKind.MOVED, actor, parentBeforeId, parentAfterId: parent.id,
    coverageBefore: ids, coverageAfter: ids, note: input.note,
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
export async function dissolveOrganization(em: EntityManager, input: { id: string; note?: string | null }, actor: string): Promise<PartyOrganization> {
  const organization = await requireRecord(em, PartyOrganization, input.id, 'input.id');
  const activeChildren = await em.count(PartyOrganization, { parent: organization, status: OrganizationStatus.ACTIVE });
  const members = await em.count(PartyMember, { organization });
  checkDissolvable(organization, activeChildren, members);
  organization.status = OrganizationStatus.DISSOLVED;
  organization.dissolvedAt = new Date();
  await endOfficesOf(em, organization);
  recordChange(em, {
    organizationId: organization.id, kind: OrganizationChangeKind.DISSOLVED, actor, parentBeforeId: organization.parent?.id ?? null,
    coverageBefore: coveredIds(organization.level, organization), note: input.note,
  });
  return organization;
}
