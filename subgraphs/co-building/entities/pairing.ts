import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Unit } from './unit';

/** 结对共建: a unit reports to a community (the grid subgraph's Community, by key). */
@ObjectType({ description: '单位到社区报到、结对共建' })
@Entity()
export class Pairing {
  [OptionalProps]?: 'endedOn';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Unit)
  unit!: Unit;

  @Index()
  @Property({ type: 'uuid' })
  communityId!: string;

  @Field(() => String, { description: '开始日期' })
  @Property({ type: 'date' })
  startedOn!: string;

  @Field(() => String, { nullable: true, description: '结束日期' })
  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;
}
