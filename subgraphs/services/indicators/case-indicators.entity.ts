import { Field, Float, Int, ObjectType } from 'type-graphql';
import { rate } from './indicator-period.rules';
import { CommunityReference, GridReference, StreetReference } from '../shared/references';
import type { IndicatorCounts } from './case-indicators.store';

/**
 * The figures' GraphQL types. They have no table of their own: the figures are counted by
 * PostgreSQL (case-indicators.store.ts) and the rates derived here.
 */

/** 综合评价指标 of a set of cases (reported in the period). Rates are fractions 0–1, null when nothing was counted. */
@ObjectType({
  description: '工单指标：受理率、办结率、按期办结率、返工率、平均办理时长、满意率、当前超期（按上报时间统计）',
})
export class CaseIndicators {
  constructor(private readonly counts: IndicatorCounts) {}

  @Field(() => Int, { description: '接收（上报）件数' }) received(): number {
    return this.counts.received;
  }
  @Field(() => Int, { description: '受理件数' }) accepted(): number {
    return this.counts.accepted;
  }
  @Field(() => Int, { description: '结案件数' }) closed(): number {
    return this.counts.closed;
  }
  @Field(() => Int, { description: '按期结案件数（处置完成不晚于期限）' }) closedOnTime(): number {
    return this.counts.closedOnTime;
  }
  @Field(() => Int, { description: '返工件数（曾因不满意重办）' }) reworked(): number {
    return this.counts.reworked;
  }
  @Field(() => Int, { description: '已评价件数' }) rated(): number {
    return this.counts.rated;
  }
  @Field(() => Int, { description: '满意+基本满意件数' }) satisfied(): number {
    return this.counts.satisfied;
  }
  @Field(() => Int, { description: '当前超期件数' }) overdueNow(): number {
    return this.counts.overdueNow;
  }

  @Field(() => Float, { nullable: true, description: '受理率 = 受理 / 接收' })
  acceptanceRate(): number | null {
    return rate(this.counts.accepted, this.counts.received);
  }

  @Field(() => Float, { nullable: true, description: '办结率 = 结案 / 受理' })
  closureRate(): number | null {
    return rate(this.counts.closed, this.counts.accepted);
  }

  @Field(() => Float, { nullable: true, description: '按期办结率 = 按期结案 / 结案' })
  onTimeRate(): number | null {
    return rate(this.counts.closedOnTime, this.counts.closed);
  }

  @Field(() => Float, { nullable: true, description: '返工率 = 返工 / 受理' })
  reworkRate(): number | null {
    return rate(this.counts.reworked, this.counts.accepted);
  }

  @Field(() => Float, { nullable: true, description: '满意率 = (满意 + 基本满意) / 已评价' })
  satisfactionRate(): number | null {
    return rate(this.counts.satisfied, this.counts.rated);
  }

  @Field(() => Float, { nullable: true, description: '平均办理时长（小时，上报到结案，仅已结案）' })
  averageHandlingHours(): number | null {
    return this.counts.averageHandlingHours;
  }
}

@ObjectType({ description: '一组（街道、社区、网格、部门或类别）的工单指标' })
export class CaseIndicatorGroup {
  constructor(
    readonly counts: IndicatorCounts,
    private readonly grouping: string,
  ) {}

  @Field({ description: '分组键：街道/社区/网格 id，或部门名、类别名' })
  key(): string {
    return this.counts.key;
  }

  @Field(() => GridReference, { nullable: true }) grid() {
    return this.grouping === 'GRID' ? { id: this.counts.key } : null;
  }
  @Field(() => CommunityReference, { nullable: true }) community() {
    return this.grouping === 'COMMUNITY' ? { id: this.counts.key } : null;
  }
  @Field(() => StreetReference, { nullable: true }) street() {
    return this.grouping === 'STREET' ? { id: this.counts.key } : null;
  }

  @Field(() => CaseIndicators)
  indicators(): CaseIndicators {
    return new CaseIndicators(this.counts);
  }
}
