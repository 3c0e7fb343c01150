import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';

@InputType({ description: '新建楼栋' })
export class CreateBuildingInput {
  @Field(() => ID) gridId!: string;
  @Field() code!: string;
  @Field({ description: '楼栋名称或门牌地址' }) address!: string;
}

@InputType({ description: '修改楼栋；省略的字段不变（调整所属网格用 moveBuildings）' })
export class UpdateBuildingInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) code?: string;
  @Field({ nullable: true }) address?: string;
}

@InputType({ description: '楼栋调整到另一网格（保留历史）' })
export class MoveBuildingsInput {
  @Field(() => [ID]) buildingIds!: string[];
  @Field(() => ID) toGridId!: string;
  @Field({ nullable: true }) note?: string;
}

@ArgsType()
export class BuildingFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) gridId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
}
