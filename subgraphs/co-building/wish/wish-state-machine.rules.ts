import { badInput, conflict } from '../../../lib/errors';
import { withArticle } from '../../../lib/articles';

/**
 * 微心愿: OPEN → CLAIMED (by one member or one unit) → FULFILLED, or WITHDRAWN by the resident
 * while not yet fulfilled. A claimant may release the wish back to OPEN. One claimant at a time:
 * claiming a claimed wish is refused.
 */
export type WishState = 'OPEN' | 'CLAIMED' | 'FULFILLED' | 'WITHDRAWN';

export type Claimant = { kind: 'MEMBER'; memberId: string } | { kind: 'UNIT'; unitId: string };

export type WishEvent =
  { type: 'CLAIM'; claimant: Claimant } | { type: 'RELEASE' } | { type: 'FULFIL' } | { type: 'WITHDRAW' };

export interface WishSnapshot {
  status: WishState;
  claimant: Claimant | null;
}

const ALLOWED: Record<WishState, WishEvent['type'][]> = {
  OPEN: ['CLAIM', 'WITHDRAW'],
  CLAIMED: ['FULFIL', 'RELEASE', 'WITHDRAW'],
  FULFILLED: [],
  WITHDRAWN: [],
};

function describe(claimant: Claimant | null): string {
  if (!claimant) return 'someone';
  return claimant.kind === 'MEMBER' ? `Party member ${claimant.memberId}` : `unit ${claimant.unitId}`;
}

/** The wish after the event, or the refusal naming `field`. */
export function nextWish(wish: WishSnapshot, event: WishEvent, field = 'input.wishId'): WishSnapshot {
  if (event.type === 'CLAIM' && wish.status === 'CLAIMED') {
    throw conflict(field, `the wish is already claimed by ${describe(wish.claimant)}; one claimant at a time`);
  }
  if (!ALLOWED[wish.status].includes(event.type)) {
    throw conflict(field, `${withArticle(wish.status)} wish cannot be ${PAST[event.type]}`, {
      allowed: ALLOWED[wish.status],
    });
  }
  switch (event.type) {
    case 'CLAIM':
      return { status: 'CLAIMED', claimant: event.claimant };
    case 'RELEASE':
      return { status: 'OPEN', claimant: null };
    case 'FULFIL':
      return { status: 'FULFILLED', claimant: wish.claimant };
    case 'WITHDRAW':
      return { status: 'WITHDRAWN', claimant: wish.claimant };
  }
}

const PAST: Record<WishEvent['type'], string> = {
  CLAIM: 'claimed',
  RELEASE: 'released',
  FULFIL: 'fulfilled',
  WITHDRAW: 'withdrawn',
};

/** Exactly one of memberId and unitId names the claimant. */
export function claimantOf(input: { memberId?: string | null; unitId?: string | null }, field = 'input'): Claimant {
  if (input.memberId && input.unitId)
    throw badInput(`${field}.unitId`, 'a wish is claimed by a member or by a unit, not both');
  if (input.memberId) return { kind: 'MEMBER', memberId: input.memberId };
  if (input.unitId) return { kind: 'UNIT', unitId: input.unitId };
  throw badInput(`${field}.memberId`, 'name the claimant: memberId or unitId');
}
