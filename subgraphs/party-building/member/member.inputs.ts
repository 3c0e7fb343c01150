import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { PartyMemberKind } from '../shared/enums';

@InputType({ description: '登记党员。关联居民（residentId）时，姓名可省略（取居民姓名），居住网格从网格系统读取' })
export class CreatePartyMemberInput {
  @Field({ nullable: true, description: '姓名' }) name?: string;
  @Field(() => PartyMemberKind) kind!: PartyMemberKind;
  @Field(() => ID, { description: '组织关系所在党组织（街道党工委、社区党委或网格党支部）' }) organizationId!: string;
  @Field(() => ID, { nullable: true, description: '网格系统中的居民' }) residentId?: string;
  @Field({ nullable: true, description: '工作单位（在职党员必填）' }) workUnitName?: string;
  @Field({ nullable: true, description: '亮身份' }) showsIdentityPublicly?: boolean;
  @Field({ nullable: true, description: '入党日期 YYYY-MM-DD' }) joinedOn?: string;
  @Field({ nullable: true, description: '身份证号' }) idNumber?: string;
  @Field({ nullable: true, description: '手机号' }) phone?: string;
  @Field({ nullable: true }) note?: string;
}

@InputType({
  description: '修改党员信息；省略的字段不变，residentId 传 null 解除关联，再次给出 residentId 会重新读取居住网格',
})
export class UpdatePartyMemberInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => PartyMemberKind, { nullable: true }) kind?: PartyMemberKind;
  @Field(() => ID, { nullable: true }) residentId?: string;
  @Field(() => String, { nullable: true }) workUnitName?: string | null;
  @Field({ nullable: true }) showsIdentityPublicly?: boolean;
  @Field(() => String, { nullable: true }) joinedOn?: string | null;
  @Field(() => String, { nullable: true }) idNumber?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@InputType({ description: '组织关系转接' })
export class TransferPartyMemberInput {
  @Field(() => ID) memberId!: string;
  @Field(() => ID, { description: '转入的党组织' }) toOrganizationId!: string;
  @Field({ nullable: true }) note?: string;
}

@ArgsType()
export class MemberFilter extends PageArgs {
  @Field(() => PartyMemberKind, { nullable: true }) kind?: PartyMemberKind;
  @Field(() => ID, { nullable: true, description: '组织关系所在党组织' }) organizationId?: string;
  @Field(() => ID, { nullable: true, description: '居住网格' }) gridId?: string;
  @Field({ nullable: true, description: '是否亮身份' }) showsIdentityPublicly?: boolean;
}
