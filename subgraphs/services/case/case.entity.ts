import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { AttributeValueData } from '../item/item-attributes.rules';
import { AttributeValue } from '../item/attribute-definition.entity';
import { OPEN_STATES } from './case-state-machine.rules';
import { CaseChannel, CaseLevel, CaseState, Satisfaction } from '../shared/enums';
import { ServiceItem } from '../item/item.entity';
import { ServiceItemVersion } from '../item/item-version.entity';

/**
 * Indicators (indicators/case-indicators.store.ts) count thousands of cases per community and tens of
 * thousands per month. Their indexes carry every column the count reads, so PostgreSQL answers
 * from the index alone (an index-only scan) instead of visiting one table page per case.
 */
const INDICATOR_COLUMNS = [
  'street_id',
  'community_id',
  'grid_id',
  'department',
  'category',
  'state',
  'accepted_at',
  'resolved_at',
  'deadline',
  'reopen_count',
  'satisfaction',
  'closed_at',
  'dispatched_at',
  'reporter_resident_id',
];

function indicatorIndex(...keys: string[]): string {
  const name = `service_case_${keys.join('_')}_${keys.length > 1 ? 'index' : 'indicators_index'}`;
  const included = INDICATOR_COLUMNS.filter((column) => !keys.includes(column))
    .map((column) => `"${column}"`)
    .join(', ');
  return `create index "${name}" on "services"."service_case" (${keys.map((key) => `"${key}"`).join(', ')}) include (${included})`;
}

/**
 * A resident's request or an incident a worker found. `communityId` and `streetId` are copied
 * from the grid subgraph once, at intake: indicators count a case where its grid belonged when
 * it was reported, even after grids are split or communities merged, and grouping by street stays
 * a local GROUP BY instead of a call to another department per query.
 */
/**
 * The open states as SQL with the states written in: the partial index of open cases, and the
 * statements that must be able to use it under a kept (generic) plan, whose conditions PostgreSQL
 * can match to the index's only when it sees the states themselves rather than parameters.
 */
export const OPEN_STATE_CONDITION = `"state" in (${OPEN_STATES.map((state) => `'${state}'`).join(', ')})`;

@ObjectType('Case', { description: '诉求/事件工单' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'service_case' })
@Index({ name: 'service_case_grid_id_reported_at_index', expression: indicatorIndex('grid_id', 'reported_at') })
@Index({
  name: 'service_case_community_id_reported_at_index',
  expression: indicatorIndex('community_id', 'reported_at'),
})
@Index({ name: 'service_case_street_id_reported_at_index', expression: indicatorIndex('street_id', 'reported_at') })
@Index({ name: 'service_case_reported_at_indicators_index', expression: indicatorIndex('reported_at') })
// Cases still being handled, for "overdue now" (the monthly figures cannot hold a count that changes with the clock).
@Index({
  name: 'service_case_open_deadline_index',
  expression: `create index "service_case_open_deadline_index" on "services"."service_case" ("grid_id", "deadline") include ("community_id", "street_id", "reported_at") where ${OPEN_STATE_CONDITION}`,
})
// Case lists (work queues) filter a territory or department by state and page in id order: with
// these the page and its total read only the matching rows. Through the state index alone, a
// street's dispatched cases were found among the whole city's, and the time grew with the city.
@Index({ properties: ['streetId', 'state', 'id'] })
@Index({ properties: ['communityId', 'state', 'id'] })
@Index({ properties: ['gridId', 'state', 'id'] })
@Index({ properties: ['department', 'state', 'id'] })
// Open cases by report time, for "overdue now" over a period across the district (the analyst's
// months): the open cases of that period rather than all of them. Only cases with a deadline (the
// only ones that can be overdue; "deadline < $n" tells PostgreSQL so): with the open states alone
// it also matched a list of one state, and PostgreSQL read a street's dispatched cases through it,
// every open case of the district with its row (2.4 ms), instead of the street's (0.2 ms).
@Index({
  name: 'service_case_open_reported_at_index',
  expression: `create index "service_case_open_reported_at_index" on "services"."service_case" ("reported_at") include ("street_id", "community_id", "grid_id", "deadline") where ${OPEN_STATE_CONDITION} and "deadline" is not null`,
})
export class ServiceCase {
  [OptionalProps]?:
    | 'state'
    | 'level'
    | 'version'
    | 'reopenCount'
    | 'satisfaction'
    | 'reporterResidentId'
    | 'location'
    | 'attributes'
    | 'idempotencyKey'
    | 'intakeFingerprint'
    | 'acceptedAt'
    | 'dispatchedAt'
    | 'deadline'
    | 'resolvedAt'
    | 'closedAt'
    | 'parkedAt'
    | 'reportedAt'
    | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => CaseChannel, { description: '来源渠道' })
  @Enum({ items: () => CaseChannel })
  channel!: CaseChannel;

  @Index()
  @ManyToOne(() => ServiceItem)
  item!: ServiceItem;

  @ManyToOne(() => ServiceItemVersion)
  itemVersion!: ServiceItemVersion;

  /** The item version's category, kept here so indicators group without a join. */
  @Field({ description: '事项类别（受理时）' })
  @Property({ length: 50 })
  category!: string;

  @Field({ description: '承办部门（派遣前为事项责任部门）' })
  @Property({ length: 100 })
  department!: string;

  @Property({ type: 'uuid' })
  gridId!: string;

  @Property({ type: 'uuid' })
  communityId!: string;

  @Property({ type: 'uuid' })
  streetId!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  reporterResidentId: string | null = null;

  @Field({ description: '诉求描述' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => String, { nullable: true, description: '位置' })
  @Property({ type: 'text', nullable: true })
  location: string | null = null;

  @Field(() => [AttributeValue], { description: '受理要素' })
  @Property({ type: 'jsonb' })
  attributes: AttributeValueData[] = [];

  @Field(() => CaseState)
  @Index()
  @Enum({ items: () => CaseState })
  state: CaseState = CaseState.REPORTED;

  @Field(() => CaseLevel, { description: '当前办理层级' })
  @Enum({ items: () => CaseLevel })
  level: CaseLevel = CaseLevel.GRID;

  @Field(() => Int, { description: '版本号：每一步加一；办理时须带上所见的版本（expectedVersion）' })
  @Property()
  version: number = 1;

  @Field(() => Int, { description: '因不满意被推倒重来的次数（返工）' })
  @Property()
  reopenCount: number = 0;

  @Field(() => Satisfaction, { nullable: true, description: '本次结案的满意度评价' })
  @Enum({ items: () => Satisfaction, nullable: true })
  satisfaction: Satisfaction | null = null;

  /** The client's key for one report: a retry with the same key returns this case. */
  @Unique()
  @Property({ length: 100, nullable: true })
  idempotencyKey: string | null = null;

  @Property({ length: 64, nullable: true })
  intakeFingerprint: string | null = null;

  @Field(() => Date, { description: '上报时间' })
  @Property({ type: 'timestamptz' })
  reportedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: '受理时间' })
  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: '派遣时间（计时起点）' })
  @Property({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: '办理期限' })
  @Index()
  @Property({ type: 'timestamptz', nullable: true })
  deadline: Date | null = null;

  @Field(() => Date, { nullable: true, description: '处置完成时间' })
  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: '结案时间' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  parkedAt: Date | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
