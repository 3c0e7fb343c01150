import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CoBuildingContext } from '../context';
import { WishConnection } from '../shared/connections';
import { CommunityReference, PartyMemberReference, ResidentReference } from '../shared/references';
import { Unit } from '../unit/unit.entity';
import { ClaimWishInput, RaiseWishInput, WishActionInput, WishFilter } from './wish.inputs';
import { Wish } from './wish.entity';
import { claimWish, findWish, fulfilWish, listWishes, raiseWish, releaseWish, withdrawWish } from './wish.service';

@Resolver(() => Wish)
export class WishResolver {
  @Query(() => Wish, { nullable: true, description: '按 id 查微心愿' })
  wish(@Ctx() ctx: CoBuildingContext, @Arg('id', () => ID) id: string) {
    return findWish(ctx, id);
  }

  @Query(() => WishConnection, { description: '微心愿列表，可按社区、状态筛选' })
  async wishes(@Ctx() ctx: CoBuildingContext, @Args() filter: WishFilter, @Info() info: GraphQLResolveInfo) {
    return new WishConnection(await listWishes(ctx, filter, info));
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
  raiseWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: RaiseWishInput): Promise<Wish> {
    return raiseWish(ctx, input);
  }

  @Mutation(() => Wish, { description: '认领微心愿；同一时间只能有一个认领者' })
  claimWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ClaimWishInput): Promise<Wish> {
    return claimWish(ctx, input);
  }

  @Mutation(() => Wish, { description: '放弃认领，微心愿重新待认领' })
  releaseWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: WishActionInput): Promise<Wish> {
    return releaseWish(ctx, input);
  }

  @Mutation(() => Wish, { description: '微心愿已实现' })
  fulfilWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: WishActionInput): Promise<Wish> {
    return fulfilWish(ctx, input);
  }

  @Mutation(() => Wish, { description: '撤回微心愿' })
  withdrawWish(@Ctx() ctx: CoBuildingContext, @Arg('input') input: WishActionInput): Promise<Wish> {
    return withdrawWish(ctx, input);
  }
}
