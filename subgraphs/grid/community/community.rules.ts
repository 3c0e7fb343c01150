import { badInput, conflict } from '../../../lib/errors';

/** Rules of merging communities and of what a merged community still takes, free of the database. */
export interface CommunityState {
  id: string;
  code: string;
  status: 'ACTIVE' | 'MERGED';
  streetId: string;
}

export function checkCommunityMerge(
  sources: CommunityState[],
  target: CommunityState | null,
  field = 'input.communityIds',
): void {
  const needed = target ? 1 : 2;
  if (sources.length < needed) {
    throw badInput(
      field,
      target
        ? 'name at least one community to merge into the target'
        : 'a merge into a new community needs at least two communities',
    );
  }
  if (new Set(sources.map((c) => c.id)).size !== sources.length) throw badInput(field, 'a community is named twice');
  for (const community of sources) {
    if (community.status === 'MERGED') throw conflict(field, `community ${community.code} was already merged`);
    if (target && community.id === target.id) throw badInput(field, 'the target community cannot also be a source');
  }
  if (target && target.status === 'MERGED')
    throw conflict('input.intoCommunityId', `community ${target.code} was itself merged`);
  const streets = new Set([...sources, ...(target ? [target] : [])].map((c) => c.streetId));
  if (streets.size > 1) throw badInput(field, 'communities of different streets cannot be merged');
}

/** A merged community lives on in the one it was merged into: new grids go there. */
export function assertTakesGrids(community: CommunityState, field: string): void {
  if (community.status === 'MERGED') {
    throw conflict(
      field,
      `community ${community.code} was merged; create the grid in the community it was merged into`,
    );
  }
}
