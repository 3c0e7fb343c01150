import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { newId } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { equalTo } from '../../../lib/sql-rows';
import { checkReportInForce } from '../member-report/member-report.rules';
import { requireRecord } from '../../../lib/records';
import { checkId } from '../shared/check-id';
import { checkText, optionalText } from '../shared/text';
import { claimantOf, nextWish, type Claimant, type WishEvent, type WishSnapshot } from './wish-state-machine.rules';
import { CommunityReference, PartyMemberReference, ResidentReference } from '../shared/references';
import { MemberReport } from '../member-report/member-report.entity';
import { ReportStatus, WishStatus } from '../shared/enums';
import { Unit } from '../unit/unit.entity';
import { Wish } from './wish.entity';
import type { CoBuildingContext } from '../context';
import { WishConnection } from '../shared/connections';
import { checkRaiseWish, checkWishClaimant, checkWishRaiser, checkWithdrawWish, wishScope } from '../access';
import { wishConditions } from './wish.store';
import { readableWish } from './wish.service';
import { homeOfResident } from '../shared/remote-checks';
import { updateIfUnchanged } from '../shared/versioned-update';

@InputType({ description: '居民提出（或代居民提出）微心愿' })
class RaiseWishInput {
  @Field(() => ID, { description: '居民（网格子图的 Resident）' }) residentId!: string;
  @Field() title!: string;
  @Field({ nullable: true }) description?: string;
  @Field({ nullable: true, description: '代为提出人姓名；省略表示居民本人提出' }) raisedOnBehalfBy?: string;
}

@InputType({ description: '认领微心愿：党员或单位，二选一' })
class ClaimWishInput {
  @Field(() => ID) wishId!: string;
  @Field(() => ID, { nullable: true, description: '认领党员（须已到社区报到）' }) memberId?: string;
  @Field(() => ID, { nullable: true, description: '认领单位' }) unitId?: string;
}

@InputType({ description: '微心愿状态变更' })
class WishActionInput {
  @Field(() => ID) wishId!: string;
  @Field({ nullable: true, description: '说明（实现情况）' }) note?: string;
}

@ArgsType()
class WishFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => WishStatus, { nullable: true }) status?: WishStatus;
}

function snapshotOf(wish: Wish): WishSnapshot {
  const claimant: Claimant | null = wish.claimedByMemberId
    ? { kind: 'MEMBER', memberId: wish.claimedByMemberId }
    : wish.claimedByUnit ? { kind: 'UNIT', unitId: wish.claimedByUnit.id } : null;
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
  if (event.type === 'RELEASE') Object.assign(changes, { claimedByMemberId: null, claimedByUnit: null, claimedAt: null });
  if (event.type === 'FULFIL') changes.fulfilledAt = now;
  if (event.type === 'WITHDRAW') changes.withdrawnAt = now;
  return updateIfUnchanged(em, Wish, wish, changes, 'input.wishId');
}

/** Releasing or fulfilling: the wish's community staff, or the liaison of the unit that claimed it. */
function byClaimant(ctx: CoBuildingContext, action: string) {
  return (wish: Wish) =>
    checkWishClaimant(ctx.viewer, wish, wish.claimedByUnit?.id ?? null, action, { wish: 'input.wishId', claimant: 'input.wishId' });
}

@Resolver(() => Wish)
export class WishResolver {
  @Query(() => Wish, { nullable: true, description: '按 id 查微心愿' })
  async wish(@Ctx() ctx: CoBuildingContext, @Arg('id', () => ID) id: string) {
    return readableWish(ctx, await ctx.loaders.wish.load(id), 'id');
  }

  @Query(() => WishConnection, { description: '微心愿列表，可按社区、状态筛选' })
  async wishes(@Ctx() ctx: CoBuildingContext, @Args() filter: WishFilter, @Info() info: GraphQLResolveInfo) {
    if (filter.communityId) checkId(filter.communityId, 'communityId', 'Community');
    const scope = wishScope(ctx.viewer);
    return new WishConnection(await paginate(ctx.em, Wish, (parameter) => [
      ...equalTo(parameter, { community_id: filter.communityId, status: filter.status }),
      ...wishConditions(scope, parameter),
    ], filter, info));
  }

  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => ResidentReference, { nullable: true, description: '心愿居民' })
  resident(@Root() wish: Wish) {
    return { id: wish.residentId };
  }

  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => CommunityReference, { nullable: true })
  community(@Root() wish: Wish) {
    return { id: wish.communityId };
  }

  @FieldResolver(() => PartyMemberReference, { nullable: true, description: '认领党员' })
  claimedByMember(@Root() wish: Wish) {
    return wish.claimedByMemberId ? { id: wish.claimedByMemberId } : null;
  }

  @FieldResolver(() => Unit, { nullable: true, description: '认领单位' })
  claimedByUnit(@Root() wish: Wish, @Ctx() ctx: CoBuildingContext) {
    return wish.claimedByUnit ? ctx.loaders.unit.load(wish.claimedByUnit.id) : null;
  }

  @Mutation(() => Wish, { description: '提出微心愿' })
  async raiseWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: RaiseWishInput): Promise<Wish> {
    const title = checkText(input.title, 'input.title', 200);
    const description = optionalText(input.description, 'input.description', 2000);
    const raisedOnBehalfBy = optionalText(input.raisedOnBehalfBy, 'input.raisedOnBehalfBy', 50);
    checkWishRaiser(ctx.viewer);
    const home = await homeOfResident(input.residentId, 'input.residentId');
    checkRaiseWish(ctx.viewer, input.residentId, home, 'input.residentId');
    return ctx.em.transactional(async (em) =>
      em.create(Wish, { id: newId(), residentId: input.residentId, communityId: home.communityId, title, description, raisedOnBehalfBy }),
    );
  }

  @Mutation(() => Wish, { description: '认领微心愿；同一时间只能有一个认领者' })
  async claimWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ClaimWishInput): Promise<Wish> {
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

  @Mutation(() => Wish, { description: '放弃认领，微心愿重新待认领' })
  releaseWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: WishActionInput): Promise<Wish> {
    return ctx.em.transactional((em) => changeWish(em, input.wishId, byClaimant(ctx, 'releasing a wish'), { type: 'RELEASE' }));
  }

  @Mutation(() => Wish, { description: '微心愿已实现' })
  fulfilWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: WishActionInput): Promise<Wish> {
    const note = optionalText(input.note, 'input.note', 2000);
    return ctx.em.transactional((em) =>
      changeWish(em, input.wishId, byClaimant(ctx, 'fulfilling a wish'), { type: 'FULFIL' }, { fulfilmentNote: note }));
  }

  @Mutation(() => Wish, { description: '撤回微心愿' })
  withdrawWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: WishActionInput): Promise<Wish> {
    const authorize = (wish: Wish) => checkWithdrawWish(ctx.viewer, wish, 'input.wishId');
    return ctx.em.transactional((em) => changeWish(em, input.wishId, authorize, { type: 'WITHDRAW' }));
  }
}
