import { badInput } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { Community } from './community.entity';
import { CommunityStatus, GridChangeKind } from '../shared/enums';
import { Grid } from '../grid/grid.entity';
import { GridChange } from '../grid/grid-change.entity';
import { checkName, checkCode } from '../shared/codes';
import { checkCommunityMerge, type CommunityState } from './community.rules';
import { requireRecord } from '../../../lib/records';
import { freeCode, requireFreeCode } from '../shared/unique-codes';
import { Street } from '../street/street.entity';
import type { GridContext } from '../context';
import { guardStructureWrite } from '../shared/write-guard';
import { actorOf } from '../shared/actor';
import type { CreateCommunityInput, UpdateCommunityInput } from './community.inputs';

function communityState(community: Community): CommunityState {
  return { id: community.id, code: community.code, status: community.status, streetId: community.street.id };
}

/**
 * Merge communities (五华: two pairs into new communities; 荆州: 33 into 27). The old
 * communities stay, marked MERGED with `mergedInto`; their grids move to the surviving one.
 */
export function mergeCommunities(
  ctx: GridContext,
  input: { communityIds: string[]; intoCommunityId?: string; newCode?: string; newName?: string; note?: string },
): Promise<Community> {
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'merging communities', [
      ...input.communityIds.map((id, i) => ({ field: `input.communityIds[${i}]`, kind: 'community' as const, id })),
      ...(input.intoCommunityId
        ? [{ field: 'input.intoCommunityId', kind: 'community' as const, id: input.intoCommunityId }]
        : []),
    ]);
    const actor = actorOf(ctx);
    const sources: Community[] = [];
    for (const [index, id] of input.communityIds.entries()) {
      sources.push(await requireRecord(em, Community, id, `input.communityIds[${index}]`));
    }
    const existingTarget = input.intoCommunityId
      ? await requireRecord(em, Community, input.intoCommunityId, 'input.intoCommunityId')
      : null;
    checkCommunityMerge(sources.map(communityState), existingTarget && communityState(existingTarget));
    const at = new Date();
    let target = existingTarget;
    if (!target) {
      if (!input.newCode) throw badInput('input.newCode', 'newCode is required when merging into a new community');
      if (!input.newName) throw badInput('input.newName', 'newName is required when merging into a new community');
      const code = await freeCode(em, Community, input.newCode, 'input.newCode');
      target = em.create(Community, {
        id: newId(),
        code,
        name: checkName(input.newName, 'input.newName'),
        street: sources[0]!.street,
        createdAt: at,
      }); // checkCommunityMerge refused an empty merge
    }
    const grids = await em.find(Grid, { community: { $in: sources.map((c) => c.id) } });
    for (const grid of grids) grid.community = target;
    for (const source of sources) {
      source.status = CommunityStatus.MERGED;
      source.mergedInto = target;
      source.mergedAt = at;
    }
    em.create(GridChange, {
      id: newId(),
      kind: GridChangeKind.COMMUNITY_MERGED,
      fromGridIds: grids.map((g) => g.id),
      toGridIds: grids.map((g) => g.id),
      note: `${sources.map((c) => c.code).join(', ')} → ${target.code}${input.note ? `: ${input.note}` : ''}`,
      actor: actor,
      occurredAt: at,
    });
    return target;
  });
}

export async function createCommunity(ctx: GridContext, input: CreateCommunityInput): Promise<Community> {
  const code = checkCode(input.code, 'input.code');
  const name = checkName(input.name, 'input.name');
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'creating a community', [
      { field: 'input.streetId', kind: 'street', id: input.streetId },
    ]);
    const street = await requireRecord(em, Street, input.streetId, 'input.streetId');
    await requireFreeCode(em, Community, code, 'input.code');
    return em.create(Community, { id: newId(), code, name, street });
  });
}

export async function updateCommunity(ctx: GridContext, input: UpdateCommunityInput): Promise<Community> {
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'updating a community', [
      { field: 'input.id', kind: 'community', id: input.id },
    ]);
    const community = await requireRecord(em, Community, input.id, 'input.id');
    if (input.code != null) community.code = await freeCode(em, Community, input.code, 'input.code', community.id);
    if (input.name != null) community.name = checkName(input.name, 'input.name');
    return community;
  });
}
