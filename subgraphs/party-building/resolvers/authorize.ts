import { checkInsideSubtree, requirePartyWriter, type WriteTarget } from '../access';
import type { PartyContext } from '../loaders';

/**
 * Check a change before anything is written: the caller's role first, then, for a Party
 * organisation, that every organisation the change touches lies in its subtree. `targets` is
 * read only for such a caller; a null target is a record that does not exist, which the change
 * itself then reports as NOT_FOUND.
 */
export async function authorizeChange(
  ctx: PartyContext,
  action: string,
  targets: () => Promise<Array<WriteTarget | null>> | Array<WriteTarget | null>,
): Promise<void> {
  requirePartyWriter(ctx.viewer, action);
  if (ctx.viewer.role !== 'PARTY_ORG') return;
  const [subtree, touched] = await Promise.all([ctx.loaders.scope.currentSubtree(), targets()]);
  checkInsideSubtree(ctx.viewer, subtree, action, touched.filter((target): target is WriteTarget => target !== null));
}

