import { Field, ID, InputType } from 'type-graphql';
import { AgreementParty } from '../shared/enums';

@InputType({ description: '需求清单或资源清单的一条' })
export class CreateListItemInput {
  @Field(() => ID, { description: '社区（网格子图的 Community）' }) communityId!: string;
  @Field() title!: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => ID, { nullable: true, description: '提供资源的共建单位（仅资源清单）' }) providerUnitId?: string;
}

@InputType({ description: '由需求和资源梳理出共建项目' })
export class CreateProjectInput {
  @Field(() => ID) communityId!: string;
  @Field() name!: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => [ID], { description: '对应的需求（本社区）' }) demandIds!: string[];
  @Field(() => [ID], { description: '用到的资源（本社区）' }) resourceIds!: string[];
}

@InputType({ description: '共建单位认领项目' })
export class ClaimProjectInput {
  @Field(() => ID) projectId!: string;
  @Field(() => ID) unitId!: string;
}

@InputType({ description: '双向认领：社区党委或共建单位确认' })
export class ConfirmProjectInput {
  @Field(() => ID) projectId!: string;
  @Field(() => AgreementParty) party!: AgreementParty;
}

@InputType({ description: '项目状态变更' })
export class ProjectActionInput {
  @Field(() => ID) projectId!: string;
  @Field({ nullable: true, description: '完成日期 YYYY-MM-DD（完成时必填）' }) doneOn?: string;
}
