import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { newId } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { checkReportInForce } from '../domain/member-report-rules';
import { requireRecord } from '../../../lib/records';
import { checkId } from '../domain/check-id';
import { checkText, optionalText } from '../domain/text';
import { claimantOf, nextWish, type Claimant, type WishEvent, type WishSnapshot } from '../domain/wish-state-machine';
import { CommunityReference, MemberReport, PartyMemberReference, ReportStatus, ResidentReference, Unit, Wish, WishStatus } from '../entities';
import type { CoBuildingContext } from '../loaders';
import { WishConnection } from './connections';
import { communityOfResident } from './remote-checks';
import { updateIfUnchanged } from './versioned-update';

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

async function changeWish(em: EntityManager, wishId: string, event: WishEvent, extra: Partial<Wish> = {}): Promise<Wish> {
  const wish = await requireRecord(em, Wish, wishId, 'input.wishId');
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

@Resolver(() => Wish)
export class WishResolver {
  @Query(() => Wish, { nullable: true, description: '按 id 查微心愿' })
  wish(@Ctx() ctx: CoBuildingContext, @Arg('id', () => ID) id: string) {
    return ctx.loaders.wish.load(id);
  }

  @Query(() => WishConnection, { description: '微心愿列表，可按社区、状态筛选' })
  async wishes(@Ctx() ctx: CoBuildingContext, @Args() filter: WishFilter) {
    const where: Record<string, unknown> = {};
    if (filter.communityId) where.communityId = checkId(filter.communityId, 'communityId', 'Community');
    if (filter.status) where.status = filter.status;
    return new WishConnection(await paginate(ctx.em, Wish, where, filter));
  }

  @FieldResolver(() => ResidentReference, { description: '心愿居民' })
  resident(@Root() wish: Wish) {
    return { id: wish.residentId };
  }

  @FieldResolver(() => CommunityReference)
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
    const communityId = await communityOfResident(input.residentId, 'input.residentId');
    return ctx.em.transactional(async (em) =>
      em.create(Wish, { id: newId(), residentId: input.residentId, communityId, title, description, raisedOnBehalfBy }),
    );
  }

  @Mutation(() => Wish, { description: '认领微心愿；同一时间只能有一个认领者' })
  async claimWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ClaimWishInput): Promise<Wish> {
    const claimant = claimantOf(input);
    return ctx.em.transactional(async (em) => {
      if (claimant.kind === 'MEMBER') {
        checkId(claimant.memberId, 'input.memberId', 'PartyMember');
        const report = await em.findOne(MemberReport, { memberId: claimant.memberId, status: ReportStatus.ACTIVE });
        checkReportInForce(report, claimant.memberId, 'input.memberId', 'claiming a wish');
      } else {
        await requireRecord(em, Unit, claimant.unitId, 'input.unitId');
      }
      return changeWish(em, input.wishId, { type: 'CLAIM', claimant });
    });
  }

  @Mutation(() => Wish, { description: '放弃认领，微心愿重新待认领' })
  releaseWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: WishActionInput): Promise<Wish> {
    return ctx.em.transactional((em) => changeWish(em, input.wishId, { type: 'RELEASE' }));
  }

  @Mutation(() => Wish, { description: '微心愿已实现' })
  fulfilWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: WishActionInput): Promise<Wish> {
    const note = optionalText(input.note, 'input.note', 2000);
    return ctx.em.transactional((em) => changeWish(em, input.wishId, { type: 'FULFIL' }, { fulfilmentNote: note }));
  }

  @Mutation(() => Wish, { description: '撤回微心愿' })
  withdrawWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: WishActionInput): Promise<Wish> {
    return ctx.em.transactional((em) => changeWish(em, input.wishId, { type: 'WITHDRAW' }));
  }
}
