import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { OrganizationLevel, OrganizationStatus } from '../shared/enums';

@ArgsType()
export class OrganizationFilter extends PageArgs {
  @Field(() => OrganizationLevel, { nullable: true }) level?: OrganizationLevel;
  @Field(() => ID, { nullable: true, description: '直接上级' }) parentId?: string;
  @Field(() => ID, { nullable: true, description: '所在街道（含下属各级）' }) streetId?: string;
  @Field(() => ID, { nullable: true, description: '所在社区（含下属各级）' }) communityId?: string;
  @Field(() => ID, { nullable: true, description: '覆盖该网格的网格党支部' }) gridId?: string;
  @Field(() => OrganizationStatus, { nullable: true }) status?: OrganizationStatus;
}

@InputType({
  description:
    '新建党组织。按层级给出覆盖对象：街道党工委 streetId、社区党委 communityId、网格党支部 gridIds、楼栋党小组 buildingIds、党员中心户 householdId',
})
export class CreatePartyOrganizationInput {
  @Field({ description: '组织名称' }) name!: string;
  @Field(() => OrganizationLevel) level!: OrganizationLevel;
  @Field(() => ID, { nullable: true, description: '上级党组织（须恰好高一级；街道党工委无上级）' }) parentId?: string;
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => [ID], { nullable: true }) gridIds?: string[];
  @Field(() => [ID], { nullable: true }) buildingIds?: string[];
  @Field(() => ID, { nullable: true }) householdId?: string;
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '修改党组织名称或覆盖范围；省略的字段不变（调整隶属用 movePartyOrganization）' })
export class UpdatePartyOrganizationInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => [ID], { nullable: true }) gridIds?: string[];
  @Field(() => [ID], { nullable: true }) buildingIds?: string[];
  @Field(() => ID, { nullable: true }) householdId?: string;
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '调整隶属：把党组织（连同其下级）挂到另一个上级' })
export class MovePartyOrganizationInput {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: '新的上级党组织' }) parentId!: string;
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '拆分后的一个新网格党支部' })
export class SplitBranchPartInput {
  @Field() name!: string;
  @Field(() => [ID], { description: '新支部覆盖的网格' }) gridIds!: string[];
  @Field(() => [ID], { nullable: true, description: '归入本支部的楼栋党小组；省略时按楼栋所在网格归入' })
  childIds?: string[];
  @Field(() => [ID], { nullable: true, description: '转入本支部的党员；省略时按居住网格归入' }) memberIds?: string[];
}

@InputType({ description: '网格拆分时拆分网格党支部：原支部撤销，党小组和党员归入新支部' })
export class SplitGridBranchInput {
  @Field(() => ID) branchId!: string;
  @Field(() => [SplitBranchPartInput]) parts!: SplitBranchPartInput[];
  @Field({ nullable: true }) note?: string;
}

@InputType({ description: '撤销党组织（须先移走下级组织、转出党员）；记录保留' })
export class DissolvePartyOrganizationInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) note?: string;
}
