import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { CommunityStatus } from '../shared/enums';

@InputType({ description: '新建社区' })
export class CreateCommunityInput {
  @Field(() => ID) streetId!: string;
  @Field() code!: string;
  @Field() name!: string;
}

@InputType({ description: '修改社区；省略的字段不变' })
export class UpdateCommunityInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) name?: string;
}

@InputType({ description: '社区合并：若干旧社区并入一个新社区，旧社区保留并指向新社区' })
export class MergeCommunitiesInput {
  @Field(() => [ID], { description: '被合并的社区（至少两个，或一个并入已有社区）' }) communityIds!: string[];
  @Field(() => ID, { nullable: true, description: '并入已有社区；省略时新建 (需 newCode/newName)' })
  intoCommunityId?: string;
  @Field({ nullable: true, description: '新社区代码' }) newCode?: string;
  @Field({ nullable: true, description: '新社区名称' }) newName?: string;
  @Field({ nullable: true }) note?: string;
}

@ArgsType()
export class CommunityFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => CommunityStatus, { nullable: true }) status?: CommunityStatus;
}
