import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { notFound } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import type { Page } from '../../../lib/pagination';
import { requireRecord } from '../../../lib/records';
import { fetchRemoteEntities } from '../../../lib/remote-entities';
import {
  checkRaiseWish,
  checkWishClaimant,
  checkWishRaiser,
  checkWithdrawWish,
  mayReadWish,
  outOfScope,
  wishScope,
} from '../access';
import type { CoBuildingContext } from '../context';
import { MemberReport } from '../member-report/member-report.entity';
import { checkReportInForce } from '../member-report/member-report.rules';
import { checkId } from '../shared/check-id';
import { ReportStatus, WishStatus } from '../shared/enums';
import { checkText, optionalText } from '../shared/text';
import { updateIfUnchanged } from '../shared/versioned-update';
import { Unit } from '../unit/unit.entity';
import type { ClaimWishInput, RaiseWishInput, WishActionInput, WishFilter } from './wish.inputs';
import { Wish } from './wish.entity';
import { claimantOf, nextWish, type Claimant, type WishEvent, type WishSnapshot } from './wish-state-machine.rules';
import { wishesPage } from './wish.store';

/** A wish asked for by id: null when it does not exist, FORBIDDEN (naming the caller's scope) when out of scope. */
/**
 * Where a resident lives (grid and community), as the grid subgraph says now: a wish belongs to
 * that community, and the staff of that grid or community may raise it for them.
 */
async function homeOfResident(residentId: string, field: string): Promise<{ gridId: string; communityId: string }> {
  checkId(residentId, field, 'Resident');
  const [resident] = await fetchRemoteEntities<{ grid: { id: string; community: { id: string } } }>(
    'grid',
    'Resident',
    [residentId],
    'id grid { id community { id } }',
  );
  if (!resident) throw notFound(field, 'Resident', residentId);
  return { gridId: resident.grid.id, communityId: resident.grid.community.id };
}

export function readableWish(ctx: CoBuildingContext, wish: Wish | null, field: string): Wish | null {
  if (!wish) return null;
  const facts = {
    communityId: wish.communityId,
    residentId: wish.residentId,
    status: wish.status,
    claimedByUnitId: wish.claimedByUnit?.id ?? null,
  };
  if (!mayReadWish(ctx.viewer, facts)) throw outOfScope(ctx.viewer, `Wish ${wish.id}`, field);
  return wish;
}

export async function findWish(ctx: CoBuildingContext, id: string): Promise<Wish | null> {
  return readableWish(ctx, await ctx.loaders.wish.load(id), 'id');
}

/** A page of the wishes the viewer may read, narrowed in SQL. */
export function listWishes(ctx: CoBuildingContext, filter: WishFilter, info: GraphQLResolveInfo): Promise<Page<Wish>> {
  if (filter.communityId) checkId(filter.communityId, 'communityId', 'Community');
  return wishesPage(ctx.em, filter, wishScope(ctx.viewer), info);
}

function snapshotOf(wish: Wish): WishSnapshot {
  const claimant: Claimant | null = wish.claimedByMemberId
    ? { kind: 'MEMBER', memberId: wish.claimedByMemberId }
    : wish.claimedByUnit
      ? { kind: 'UNIT', unitId: wish.claimedByUnit.id }
      : null;
  return { status: wish.status as WishSnapshot['status'], claimant };
}

/**
 * `beforeChange` sees the wish as it is before the change and refuses the caller who may not make
 * it (and any claimant that does not qualify), before anything is written.
 */
async function changeWish(
  em: EntityManager,
  wishId: string,
  beforeChange: (wish: Wish) => Promise<void> | void,
  event: WishEvent,
  extra: Partial<Wish> = {},
): Promise<Wish> {
  const wish = await requireRecord(em, Wish, wishId, 'input.wishId');
  await beforeChange(wish);
  const next = nextWish(snapshotOf(wish), event);
  const now = new Date();
  const changes: Partial<Wish> = { status: next.status as WishStatus, ...extra };
  if (event.type === 'CLAIM') {
    changes.claimedByMemberId = next.claimant?.kind === 'MEMBER' ? next.claimant.memberId : null;
    changes.claimedByUnit = (next.claimant?.kind === 'UNIT' ? next.claimant.unitId : null) as any;
    changes.claimedAt = now;
  }
  if (event.type === 'RELEASE')
    Object.assign(changes, { claimedByMemberId: null, claimedByUnit: null, claimedAt: null });
  if (event.type === 'FULFIL') changes.fulfilledAt = now;
  if (event.type === 'WITHDRAW') changes.withdrawnAt = now;
  return updateIfUnchanged(em, Wish, wish, changes, 'input.wishId');
}

/** Releasing or fulfilling: the wish's community staff, or the liaison of the unit that claimed it. */
function byClaimant(ctx: CoBuildingContext, action: string) {
  return (wish: Wish) =>
    checkWishClaimant(ctx.viewer, wish, wish.claimedByUnit?.id ?? null, action, {
      wish: 'input.wishId',
      claimant: 'input.wishId',
    });
}

export async function raiseWish(ctx: CoBuildingContext, input: RaiseWishInput): Promise<Wish> {
  const title = checkText(input.title, 'input.title', 200);
  const description = optionalText(input.description, 'input.description', 2000);
  const raisedOnBehalfBy = optionalText(input.raisedOnBehalfBy, 'input.raisedOnBehalfBy', 50);
  checkWishRaiser(ctx.viewer);
  const home = await homeOfResident(input.residentId, 'input.residentId');
  checkRaiseWish(ctx.viewer, input.residentId, home, 'input.residentId');
  return ctx.em.transactional(async (em) =>
    em.create(Wish, {
      id: newId(),
      residentId: input.residentId,
      communityId: home.communityId,
      title,
      description,
      raisedOnBehalfBy,
    }),
  );
}

export async function claimWish(ctx: CoBuildingContext, input: ClaimWishInput): Promise<Wish> {
  const claimant = claimantOf(input);
  // A unit's liaison claims for its own unit; the community's staff record any claimant.
  const claimantUnitId = claimant.kind === 'UNIT' ? claimant.unitId : null;
  const fields = { wish: 'input.wishId', claimant: claimant.kind === 'MEMBER' ? 'input.memberId' : 'input.unitId' };
  return ctx.em.transactional(async (em) => {
    const beforeChange = async (wish: Wish) => {
      checkWishClaimant(ctx.viewer, wish, claimantUnitId, 'claiming a wish', fields);
      // Who holds a claimed wish is not told to a caller who may not read it.
      readableWish(ctx, wish, 'input.wishId');
      if (claimant.kind === 'MEMBER') {
        checkId(claimant.memberId, 'input.memberId', 'PartyMember');
        const report = await em.findOne(MemberReport, { memberId: claimant.memberId, status: ReportStatus.ACTIVE });
        checkReportInForce(report, claimant.memberId, 'input.memberId', 'claiming a wish');
      } else {
        await requireRecord(em, Unit, claimant.unitId, 'input.unitId');
      }
    };
    return changeWish(em, input.wishId, beforeChange, { type: 'CLAIM', claimant });
  });
}

export function releaseWish(ctx: CoBuildingContext, input: WishActionInput): Promise<Wish> {
  return ctx.em.transactional((em) =>
    changeWish(em, input.wishId, byClaimant(ctx, 'releasing a wish'), { type: 'RELEASE' }),
  );
}

export function fulfilWish(ctx: CoBuildingContext, input: WishActionInput): Promise<Wish> {
  const note = optionalText(input.note, 'input.note', 2000);
  return ctx.em.transactional((em) =>
    changeWish(em, input.wishId, byClaimant(ctx, 'fulfilling a wish'), { type: 'FULFIL' }, { fulfilmentNote: note }),
  );
}

export function withdrawWish(ctx: CoBuildingContext, input: WishActionInput): Promise<Wish> {
  const authorize = (wish: Wish) => checkWithdrawWish(ctx.viewer, wish, 'input.wishId');
  return ctx.em.transactional((em) => changeWish(em, input.wishId, authorize, { type: 'WITHDRAW' }));
}
