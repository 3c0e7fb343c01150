import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { CareTag, Gender, RelationToHead, ResidenceType } from '../shared/enums';

@InputType({ description: '登记居民。出生日期、性别可省略（从身份证号读取），填写时须与身份证号一致' })
export class CreateResidentInput {
  @Field(() => ID) householdId!: string;
  @Field({ description: '姓名' }) name!: string;
  @Field({ description: '身份证号（18位，GB 11643 校验）' }) idNumber!: string;
  @Field(() => Gender, { nullable: true }) gender?: Gender;
  @Field(() => String, { nullable: true, description: '出生日期 YYYY-MM-DD' }) birthDate?: string;
  @Field(() => String, { nullable: true, description: '手机号' }) phone?: string;
  @Field(() => RelationToHead) relationToHead!: RelationToHead;
  @Field(() => ResidenceType) residenceType!: ResidenceType;
  @Field(() => [CareTag], { nullable: true, description: '重点人群标签' }) careTags?: CareTag[];
}

@InputType({ description: '修改居民信息；省略的字段不变，phone 传 null 清除。换户用 moveResident' })
export class UpdateResidentInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) idNumber?: string;
  @Field(() => Gender, { nullable: true }) gender?: Gender;
  @Field(() => String, { nullable: true }) birthDate?: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => RelationToHead, { nullable: true }) relationToHead?: RelationToHead;
  @Field(() => ResidenceType, { nullable: true }) residenceType?: ResidenceType;
  @Field(() => [CareTag], { nullable: true }) careTags?: CareTag[];
}

@InputType({ description: '居民迁至另一户（搬迁、分户），重新确定与户主关系' })
export class MoveResidentInput {
  @Field(() => ID) residentId!: string;
  @Field(() => ID) toHouseholdId!: string;
  @Field(() => RelationToHead) relationToHead!: RelationToHead;
}

@ArgsType()
export class ResidentFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => ID, { nullable: true }) gridId?: string;
  @Field(() => ID, { nullable: true }) buildingId?: string;
  @Field(() => ID, { nullable: true }) householdId?: string;
  @Field(() => [CareTag], { nullable: true, description: '带有其中任一标签的居民' }) careTags?: CareTag[];
  @Field(() => ResidenceType, { nullable: true }) residenceType?: ResidenceType;
  @Field(() => Gender, { nullable: true }) gender?: Gender;
}
