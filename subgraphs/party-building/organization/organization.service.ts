import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { requireRecord } from '../../../lib/records';
import { authorizeChange } from '../access';
import type { PartyContext } from '../context';
import { OrganizationChangeKind, OrganizationLevel, OrganizationStatus } from '../shared/enums';
import { buildingFacts } from './grid-facts.service';
import { recordChange } from './organization-change.store';
import { checkCoverage, scopeOf } from './organization-coverage.service';
import { checkCoverageShape, coveredIds, type CoverageInput } from './organization-coverage.rules';
import { checkPlacement, type Level } from './organization-levels.rules';
import { checkText } from './organization-names.rules';
import { PartyOrganization } from './organization.entity';

/** The name recorded as "who" in the organisation history. */
export function actorOf(ctx: PartyContext): string {
  return ctx.viewer.subject ?? 'anonymous';
}

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
export function scopeFor(level: Level, parent: PartyOrganization | null, ids: string[]) {
  if (level === 'STREET_WORKING_COMMITTEE') return { streetId: ids[0] ?? null, communityId: null };
  if (level === 'COMMUNITY_COMMITTEE') return { streetId: parent?.streetId ?? null, communityId: ids[0] ?? null };
  return { streetId: parent?.streetId ?? null, communityId: parent?.communityId ?? null };
}

function coverageColumns(level: Level, ids: string[]) {
  return {
    gridIds: level === 'GRID_BRANCH' ? ids : [],
    buildingIds: level === 'BUILDING_GROUP' ? ids : [],
    householdId: level === 'CENTRAL_HOUSEHOLD' ? ids[0] : null,
  };
}

async function requireActiveParent(
  em: EntityManager,
  id: string | null | undefined,
  field: string,
): Promise<PartyOrganization | null> {
  if (!id) return null;
  const parent = await requireRecord(em, PartyOrganization, id, field);
  if (parent.status !== OrganizationStatus.ACTIVE)
    throw conflict(field, `${parent.name} is dissolved and takes no new organisations`);
  return parent;
}

async function create(em: EntityManager, input: CreateOrganization, actor: string): Promise<PartyOrganization> {
  const name = checkText(input.name, 'input.name', 100);
  const { field, ids } = checkCoverageShape(input.level, input);
  const parent = await requireActiveParent(em, input.parentId, 'input.parentId');
  checkPlacement(input.level, parent?.level ?? null);
  await checkCoverage(em, input.level, scopeOf(parent), ids, fieldNamer('input', field, Array.isArray(input[field])));
  const organization = em.create(PartyOrganization, {
    id: newId(),
    name,
    level: input.level,
    parent,
    ...scopeFor(input.level, parent, ids),
    ...coverageColumns(input.level, ids),
  });
  recordChange(em, {
    organizationId: organization.id,
    kind: OrganizationChangeKind.CREATED,
    actor,
    parentAfterId: parent?.id ?? null,
    coverageAfter: ids,
    note: input.note,
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
async function update(em: EntityManager, input: UpdateOrganization, actor: string): Promise<PartyOrganization> {
  const organization = await requireRecord(em, PartyOrganization, input.id, 'input.id');
  if (organization.status !== OrganizationStatus.ACTIVE)
    throw conflict('input.id', `${organization.name} is dissolved`);
  const changed: string[] = [];
  const before = coveredIds(organization.level, organization);
  if (input.name !== undefined && input.name !== null) {
    organization.name = checkText(input.name, 'input.name', 100);
    changed.push('name');
  }
  const coverageGiven = (['streetId', 'communityId', 'gridIds', 'buildingIds', 'householdId'] as const).some(
    (f) => input[f] !== undefined && input[f] !== null,
  );
  if (coverageGiven) {
    const { field, ids } = checkCoverageShape(organization.level, input);
    const fieldOf = fieldNamer('input', field, Array.isArray(input[field]));
    const parent = organization.parent ? await em.findOneOrFail(PartyOrganization, organization.parent.id) : null;
    await checkCoverage(em, organization.level, scopeOf(parent), ids, fieldOf, [organization.id]);
    const children = await em.find(PartyOrganization, { parent: organization, status: OrganizationStatus.ACTIVE });
    if (
      children.length &&
      (organization.level === 'STREET_WORKING_COMMITTEE' || organization.level === 'COMMUNITY_COMMITTEE')
    ) {
      throw conflict(
        `input.${field}`,
        `${organization.name} has ${children.length} organisation(s) under it; its coverage cannot change under them`,
      );
    }
    if (organization.level === 'GRID_BRANCH' && children.length) {
      const buildings = await buildingFacts(
        children.flatMap((c) => c.buildingIds),
        () => `input.${field}`,
      );
      const stranded = buildings.find((b) => !ids.includes(b.gridId));
      if (stranded)
        throw conflict(
          `input.${field}`,
          `building ${stranded.id} of a building group under this branch lies in grid ${stranded.gridId}, which the branch would no longer cover`,
        );
    }
    Object.assign(organization, scopeFor(organization.level, parent, ids), coverageColumns(organization.level, ids));
    changed.push(field);
  }
  if (changed.length) {
    recordChange(em, {
      organizationId: organization.id,
      kind: OrganizationChangeKind.UPDATED,
      actor,
      changedFields: changed,
      coverageBefore: before,
      coverageAfter: coveredIds(organization.level, organization),
      note: input.note,
    });
  }
  return organization;
}

export async function createOrganization(ctx: PartyContext, input: CreateOrganization): Promise<PartyOrganization> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'creating a Party organisation', () => [
    { organizationId: input.parentId ?? null, field: 'input.parentId' },
  ]);
  return ctx.em.transactional((em) => create(em, input, actorOf(ctx)));
}

export async function updateOrganization(ctx: PartyContext, input: UpdateOrganization): Promise<PartyOrganization> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'changing a Party organisation', () => [
    { organizationId: input.id, field: 'input.id' },
  ]);
  return ctx.em.transactional((em) => update(em, input, actorOf(ctx)));
}
