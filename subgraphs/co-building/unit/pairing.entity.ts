import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { PairingStatus } from '../shared/enums';
import { Unit } from './unit.entity';

/**
 * 结对共建: a unit reports to a community (the grid subgraph's Community, by key) under a
 * written agreement (契约化共建) for a period, with a Party-building instructor. A unit may pair
 * with several communities and a community with many units.
 */
@ObjectType({ description: '单位到社区报到、结对共建（契约化共建）' })
@Entity()
export class Pairing {
  [OptionalProps]?: 'endedOn' | 'status' | 'agreement' | 'instructorName';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Unit)
  unit!: Unit;

  @Index()
  @Property({ type: 'uuid' })
  communityId!: string;

  @Field({ description: '共建协议（契约）内容' })
  @Property({ type: 'text' })
  agreement: string = '';

  @Field({ description: '党建工作指导员姓名' })
  @Property({ length: 50 })
  instructorName: string = '';

  @Field(() => PairingStatus)
  @Enum({ items: () => PairingStatus })
  status: PairingStatus = PairingStatus.ACTIVE;

  @Field(() => String, { description: '共建期开始日期' })
  @Property({ type: 'date' })
  startedOn!: string;

  @Field(() => String, { nullable: true, description: '共建期结束日期（空：长期）' })
  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;
}
