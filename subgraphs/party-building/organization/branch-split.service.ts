import type { EntityManager } from '@mikro-orm/postgresql';
import { withArticle } from '../../../lib/articles';
import { badInput, conflict } from '../../../lib/errors';
import { itemAt } from '../../../lib/lists';
import { newId } from '../../../lib/ids';
import { requireRecord } from '../../../lib/records';
import { authorizeChange } from '../access';
import type { PartyContext } from '../context';
import { PartyMember } from '../member/member.entity';
import { moveMembership } from '../member/member.service';
import { OrganizationChangeKind, OrganizationLevel, OrganizationStatus } from '../shared/enums';
import { buildingFacts, residentFacts } from './grid-facts.service';
import { recordChange } from './organization-change.store';
import { checkCoverage, scopeOf } from './organization-coverage.service';
import { actorOf } from './organization.service';
import { PartyOrganization } from './organization.entity';
import { endOfficesOf } from './reorganisation.service';
import { checkSplitParts, placeInParts, type SplitPart } from './reorganisation.rules';

export interface SplitBranch {
  branchId: string;
  parts: SplitPart[];
  note?: string | null;
}

/**
 * When its grid is split, a grid branch splits with it (支部建在网格上): new branches under the same
 * committee, each covering some of the grids; every building group and every member of the old
 * branch goes to one of them (by the grid they are in, or as listed); the old branch is dissolved,
 * and history links old and new both ways.
 */
async function split(em: EntityManager, input: SplitBranch, actor: string): Promise<PartyOrganization[]> {
  const parts = checkSplitParts(input.parts);
  const branch = await requireRecord(em, PartyOrganization, input.branchId, 'input.branchId');
  if (branch.level !== OrganizationLevel.GRID_BRANCH)
    throw badInput('input.branchId', `only a GRID_BRANCH is split with its grid, not ${withArticle(branch.level)}`);
  if (branch.status !== OrganizationStatus.ACTIVE)
    throw conflict('input.branchId', `${branch.name} is already dissolved`);
  const parent = branch.parent ? await em.findOneOrFail(PartyOrganization, branch.parent.id) : null;
  const allGrids = parts.flatMap((p) => p.gridIds);
  const where = parts.flatMap((p, index) => p.gridIds.map((_, g) => `input.parts[${index}].gridIds[${g}]`));
  await checkCoverage(em, OrganizationLevel.GRID_BRANCH, scopeOf(parent), allGrids, (i) => where[i] ?? 'input.parts', [
    branch.id,
  ]);

  const children = await em.find(
    PartyOrganization,
    { parent: branch, status: OrganizationStatus.ACTIVE },
    { orderBy: { id: 'asc' } },
  );
  const buildings = await buildingFacts(
    children.flatMap((c) => c.buildingIds),
    () => 'input.parts',
  );
  const gridOf = new Map(buildings.map((b) => [b.id, b.gridId]));
  const childPlace = placeInParts(
    children.map((c) => ({ id: c.id, gridIds: [...new Set(c.buildingIds.map((b) => gridOf.get(b)!))] })),
    parts,
    (p) => p.childIds,
    'building group',
  );
  const members = await em.find(PartyMember, { organization: branch }, { orderBy: { id: 'asc' } });
  // The grid split moved the residents' households into the new grids: read where they live now.
  const linked = members.filter((m) => m.residentId);
  const homes = await residentFacts(
    linked.map((m) => m.residentId!),
    () => 'input.branchId',
  );
  linked.forEach((member, index) => {
    const home = homes[index];
    if (home) member.homeGridId = home.gridId;
  });
  const memberPlace = placeInParts(
    members.map((m) => ({ id: m.id, gridIds: m.homeGridId ? [m.homeGridId] : [] })),
    parts,
    (p) => p.memberIds,
    'member',
  );

  const at = new Date();
  const created = parts.map((part) =>
    em.create(PartyOrganization, {
      id: newId(),
      name: part.name,
      level: OrganizationLevel.GRID_BRANCH,
      parent,
      streetId: branch.streetId,
      communityId: branch.communityId,
      gridIds: part.gridIds,
      createdAt: at,
    }),
  );
  const newIds = created.map((c) => c.id);
  branch.status = OrganizationStatus.DISSOLVED;
  branch.dissolvedAt = at;
  await endOfficesOf(em, branch);
  recordChange(
    em,
    {
      organizationId: branch.id,
      kind: OrganizationChangeKind.SPLIT,
      actor,
      parentBeforeId: parent?.id ?? null,
      coverageBefore: branch.gridIds,
      relatedOrganizationIds: newIds,
      note: input.note,
    },
    at,
  );
  created.forEach((organization) =>
    recordChange(
      em,
      {
        organizationId: organization.id,
        kind: OrganizationChangeKind.CREATED,
        actor,
        parentAfterId: parent?.id ?? null,
        coverageAfter: organization.gridIds,
        relatedOrganizationIds: [branch.id],
        note: input.note,
      },
      at,
    ),
  );
  for (const child of children) {
    const target = itemAt(created, childPlace.get(child.id)!);
    child.parent = target;
    recordChange(
      em,
      {
        organizationId: child.id,
        kind: OrganizationChangeKind.MOVED,
        actor,
        parentBeforeId: branch.id,
        parentAfterId: target.id,
        coverageBefore: child.buildingIds,
        coverageAfter: child.buildingIds,
        note: input.note ?? `${branch.name} split`,
      },
      at,
    );
  }
  for (const [index, target] of created.entries()) {
    await moveMembership(
      em,
      members.filter((m) => memberPlace.get(m.id) === index),
      target,
      at,
      input.note ?? `${branch.name} split`,
    );
  }
  return created;
}

export async function splitBranch(ctx: PartyContext, input: SplitBranch): Promise<PartyOrganization[]> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'splitting a grid branch', () => [
    { organizationId: input.branchId, field: 'input.branchId', below: true },
  ]);
  return ctx.em.transactional((em) => split(em, input, actorOf(ctx)));
}
