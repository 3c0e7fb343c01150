import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { ServicesContext } from '../context';
import { CaseIndicatorGroup } from './case-indicators.entity';
import { IndicatorArgs } from './indicators.inputs';
import { caseIndicatorGroups } from './indicators.service';

@Resolver()
export class IndicatorsResolver {
  @Query(() => [CaseIndicatorGroup], {
    description: '工单指标，按街道、社区、网格、部门或事项类别分组（数据库分组统计）',
  })
  caseIndicators(@Ctx() ctx: ServicesContext, @Args() args: IndicatorArgs) {
    return caseIndicatorGroups(ctx, args);
  }
}
