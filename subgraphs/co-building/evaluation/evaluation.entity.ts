import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Grade } from '../shared/enums';
import { Unit } from '../unit/unit.entity';

/**
 * 年度评价: a unit's participation figures for one year, computed from the data, and the grade
 * the street working committee gives on them.
 */
@ObjectType({ description: '共建单位年度综合评价' })
@Entity()
@Unique({ properties: ['unit', 'year'] })
export class Evaluation {
  [OptionalProps]?: 'grade' | 'comment' | 'gradedByOrganizationId' | 'gradedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Unit)
  unit!: Unit;

  @Field(() => Int, { description: '年度' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Int, { description: '到社区报到的在职党员数' })
  @Property({ type: 'integer' })
  membersReported!: number;

  @Field(() => Int, { description: '认领的服务岗位数（履岗承诺）' })
  @Property({ type: 'integer' })
  pledgesHeld!: number;

  @Field(() => Int, { description: '实现的微心愿数（单位及其党员认领）' })
  @Property({ type: 'integer' })
  wishesFulfilled!: number;

  @Field(() => Int, { description: '完成的共建项目数' })
  @Property({ type: 'integer' })
  projectsDone!: number;

  @Field(() => Date, { description: '数据统计时间' })
  @Property({ type: 'timestamptz' })
  computedAt!: Date;

  @Field(() => Grade, { nullable: true, description: '评价档次（A、B、C、D）' })
  @Enum({ items: () => Grade, nullable: true })
  grade: Grade | null = null;

  @Field(() => String, { nullable: true, description: '评价意见' })
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  gradedByOrganizationId: string | null = null;

  @Field(() => Date, { nullable: true, description: '评定时间' })
  @Property({ type: 'timestamptz', nullable: true })
  gradedAt: Date | null = null;
}
