import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { Community } from './community.entity';
import { CommunityStatus, GridChangeKind } from '../shared/enums';
import { Grid } from '../grid/grid.entity';
import { GridChange } from '../grid/grid-change.entity';
import { checkName } from '../shared/codes';
import { checkCommunityMerge, type CommunityState } from '../grid/grid.rules';
import { requireRecord } from '../../../lib/records';
import { freeCode } from '../shared/unique-codes';

function communityState(community: Community): CommunityState {
  return { id: community.id, code: community.code, status: community.status, streetId: community.street.id };
}

/**
 * Merge communities (五华: two pairs into new communities; 荆州: 33 into 27). The old
 * communities stay, marked MERGED with `mergedInto`; their grids move to the surviving one.
 */
export async function mergeCommunities(
  em: EntityManager,
  input: { communityIds: string[]; intoCommunityId?: string; newCode?: string; newName?: string; note?: string; actor: string },
): Promise<Community> {
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
    target = em.create(Community, { id: newId(), code, name: checkName(input.newName, 'input.newName'), street: sources[0].street, createdAt: at });
  }
  const grids = await em.find(Grid, { community: { $in: sources.map((c) => c.id) } });
  for (const grid of grids) grid.community = target;
  for (const source of sources) {
    source.status = CommunityStatus.MERGED;
    source.mergedInto = target;
    source.mergedAt = at;
  }
  em.create(GridChange, {
    id: newId(), kind: GridChangeKind.COMMUNITY_MERGED, fromGridIds: grids.map((g) => g.id), toGridIds: grids.map((g) => g.id),
    note: `${sources.map((c) => c.code).join(', ')} → ${target.code}${input.note ? `: ${input.note}` : ''}`,
    actor: input.actor, occurredAt: at,
  });
  return target;
}
