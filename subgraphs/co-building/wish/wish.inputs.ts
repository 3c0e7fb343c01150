import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { WishStatus } from '../shared/enums';

/** A page of a community's or a resident's wishes, optionally of one status (a dashboard's open wishes). */
@ArgsType()
export class WishListArgs extends PageArgs {
  @Field(() => WishStatus, { nullable: true, description: '只看此状态的心愿' })
  status?: WishStatus;
}

@InputType({ description: '居民提出（或代居民提出）微心愿' })
export class RaiseWishInput {
  @Field(() => ID, { description: '居民（网格子图的 Resident）' }) residentId!: string;
  @Field() title!: string;
  @Field({ nullable: true }) description?: string;
  @Field({ nullable: true, description: '代为提出人姓名；省略表示居民本人提出' }) raisedOnBehalfBy?: string;
}

@InputType({ description: '认领微心愿：党员或单位，二选一' })
export class ClaimWishInput {
  @Field(() => ID) wishId!: string;
  @Field(() => ID, { nullable: true, description: '认领党员（须已到社区报到）' }) memberId?: string;
  @Field(() => ID, { nullable: true, description: '认领单位' }) unitId?: string;
}

@InputType({ description: '微心愿状态变更' })
export class WishActionInput {
  @Field(() => ID) wishId!: string;
  @Field({ nullable: true, description: '说明（实现情况）' }) note?: string;
}

@ArgsType()
export class WishFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => WishStatus, { nullable: true }) status?: WishStatus;
}
