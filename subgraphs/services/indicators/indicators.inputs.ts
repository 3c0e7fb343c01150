import { ArgsType, Field, ID, registerEnumType } from 'type-graphql';
import { IndicatorGrouping } from './case-indicators.store';

registerEnumType(IndicatorGrouping, {
  name: 'IndicatorGrouping',
  description: '指标分组：街道、社区、网格、部门、事项类别',
});

@ArgsType()
export class PeriodArgs {
  @Field(() => String, { nullable: true, description: '起始日（含），YYYY-MM-DD，按北京时间' })
  from?: string;

  @Field(() => String, { nullable: true, description: '截止日（含），YYYY-MM-DD，按北京时间' })
  to?: string;
}

@ArgsType()
export class IndicatorArgs extends PeriodArgs {
  @Field(() => IndicatorGrouping) groupBy!: IndicatorGrouping;
  @Field(() => ID, { nullable: true, description: '只统计该街道（上报时）的工单' }) streetId?: string;
  @Field(() => ID, { nullable: true, description: '只统计该社区（上报时）的工单' }) communityId?: string;
  @Field(() => ID, { nullable: true, description: '只统计该网格的工单' }) gridId?: string;
  @Field(() => String, { nullable: true, description: '只统计该承办部门的工单' }) department?: string;
}
