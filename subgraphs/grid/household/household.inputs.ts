import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { Tenure } from '../shared/enums';

@InputType({ description: '新建户（楼栋内单元+房号唯一）' })
export class CreateHouseholdInput {
  @Field(() => ID) buildingId!: string;
  @Field({ description: '单元' }) unit!: string;
  @Field({ description: '房号' }) room!: string;
  @Field(() => Tenure) tenure!: Tenure;
}

@InputType({ description: '修改户；省略的字段不变。户始终属于原楼栋' })
export class UpdateHouseholdInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) unit?: string;
  @Field({ nullable: true }) room?: string;
  @Field(() => Tenure, { nullable: true }) tenure?: Tenure;
}

@ArgsType()
export class HouseholdFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) buildingId?: string;
  @Field(() => ID, { nullable: true }) gridId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => Tenure, { nullable: true }) tenure?: Tenure;
}
