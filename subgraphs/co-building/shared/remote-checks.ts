import { requireRemoteEntities } from '../../../lib/remote-entities';
import { checkId } from './check-id';

/** The grid subgraph must know the community before anything is stored against it. */
export async function requireCommunity(communityId: string, field: string): Promise<void> {
  checkId(communityId, field, 'Community');
  await requireRemoteEntities('grid', 'Community', [communityId], field);
}
