import { ArgsType, Field } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { WishStatus } from '../shared/enums';

/** A page of a community's or a resident's wishes, optionally of one status (a dashboard's open wishes). */
@ArgsType()
export class WishListArgs extends PageArgs {
  @Field(() => WishStatus, { nullable: true, description: '只看此状态的心愿' })
  status?: WishStatus;
}
