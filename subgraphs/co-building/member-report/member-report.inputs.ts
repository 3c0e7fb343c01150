import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';

@InputType({ description: '在职党员到居住地社区报到' })
export class ReportMemberInput {
  @Field(() => ID, { description: '党员（党建子图的 PartyMember，须为在职党员）' }) memberId!: string;
  @Field(() => ID, { description: '所在单位' }) unitId!: string;
  @Field(() => ID, { description: '居住地社区（网格子图的 Community）' }) communityId!: string;
  @Field({ description: '报到日期 YYYY-MM-DD' }) reportedOn!: string;
}

@InputType({ description: '结束报到（迁居、调离等）' })
export class EndMemberReportInput {
  @Field(() => ID) reportId!: string;
  @Field({ description: '结束日期 YYYY-MM-DD' }) endedOn!: string;
}

@ArgsType()
export class CommunityMonthArgs extends PageArgs {
  @Field(() => ID) communityId!: string;
  @Field({ description: '月份 YYYY-MM' }) month!: string;
}

@ArgsType()
export class UnitQuarterArgs extends PageArgs {
  @Field(() => ID) unitId!: string;
  @Field({ description: '季度 YYYY-Qn' }) quarter!: string;
}

@InputType({ description: '报到党员认领服务岗位、签订履岗承诺书' })
export class SignPledgeInput {
  @Field(() => ID, { description: '党员（须已到社区报到）' }) memberId!: string;
  @Field(() => ID, { description: '服务岗位' }) postId!: string;
  @Field({ description: '履岗承诺书内容' }) pledgeText!: string;
  @Field({ description: '签订日期 YYYY-MM-DD' }) signedOn!: string;
}

@InputType({ description: '结束履岗承诺' })
export class EndPledgeInput {
  @Field(() => ID) pledgeId!: string;
  @Field({ description: '结束日期 YYYY-MM-DD' }) endedOn!: string;
}
