import { mayReadWish, outOfScope } from '../access';
import type { CoBuildingContext } from '../context';
import type { Wish } from './wish.entity';

/** A wish asked for by id: null when it does not exist, FORBIDDEN (naming the caller's scope) when out of scope. */
export function readableWish(ctx: CoBuildingContext, wish: Wish | null, field: string): Wish | null {
  if (!wish) return null;
  const facts = { communityId: wish.communityId, residentId: wish.residentId, status: wish.status, claimedByUnitId: wish.claimedByUnit?.id ?? null };
  if (!mayReadWish(ctx.viewer, facts)) throw outOfScope(ctx.viewer, `Wish ${wish.id}`, field);
  return wish;
}
