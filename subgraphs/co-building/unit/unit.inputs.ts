import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { UnitKind } from './unit.entity';

@InputType({ description: '登记共建单位' })
export class CreateUnitInput {
  @Field({ description: '统一社会信用代码或机构代码' }) code!: string;
  @Field() name!: string;
  @Field(() => UnitKind) kind!: UnitKind;
  @Field(() => ID, { nullable: true, description: '单位党组织（党建子图的 PartyOrganization）' })
  partyOrganizationId?: string;
}

@InputType({ description: '修改共建单位；省略的字段不变' })
export class UpdateUnitInput {
  @Field(() => ID) id!: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => UnitKind, { nullable: true }) kind?: UnitKind;
  @Field(() => ID, { nullable: true, description: '单位党组织' }) partyOrganizationId?: string;
}

@ArgsType()
export class UnitFilter extends PageArgs {
  @Field(() => UnitKind, { nullable: true }) kind?: UnitKind;
}

@InputType({ description: '单位到社区报到、签订共建协议' })
export class CreatePairingInput {
  @Field(() => ID) unitId!: string;
  @Field(() => ID, { description: '社区（网格子图的 Community）' }) communityId!: string;
  @Field({ description: '共建协议内容' }) agreement!: string;
  @Field({ description: '党建工作指导员姓名' }) instructorName!: string;
  @Field({ description: '开始日期 YYYY-MM-DD' }) startedOn!: string;
  @Field({ nullable: true, description: '约定结束日期 YYYY-MM-DD（空：长期）' }) endedOn?: string;
}

@InputType({ description: '结束结对共建' })
export class EndPairingInput {
  @Field(() => ID) pairingId!: string;
  @Field({ description: '结束日期 YYYY-MM-DD' }) endedOn!: string;
}
