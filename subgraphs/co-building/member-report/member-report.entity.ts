import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ReportStatus } from '../shared/enums';
import { Unit } from '../unit/unit.entity';

/**
 * 在职党员到社区报到: an in-service Party member (party-building, by key) reports from their unit
 * to the community where they live (grid, by key). A member has one report in force at a time.
 */
@ObjectType({ description: '在职党员到居住地社区报到' })
@Entity()
@Unique({
  name: 'member_report_one_active_per_member',
  expression: `create unique index "member_report_one_active_per_member" on "co_building"."member_report" ("member_id") where "status" = 'ACTIVE'`,
})
export class MemberReport {
  [OptionalProps]?: 'status' | 'endedOn' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  memberId!: string;

  @Index()
  @ManyToOne(() => Unit)
  unit!: Unit;

  @Index()
  @Property({ type: 'uuid' })
  communityId!: string;

  @Field(() => String, { description: '报到日期' })
  @Property({ type: 'date' })
  reportedOn!: string;

  @Field(() => ReportStatus)
  @Enum({ items: () => ReportStatus })
  status: ReportStatus = ReportStatus.ACTIVE;

  @Field(() => String, { nullable: true, description: '结束日期' })
  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
