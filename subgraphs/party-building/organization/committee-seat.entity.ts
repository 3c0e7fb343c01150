import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { CommitteeSeatRole, SeatUnitKind } from '../shared/enums';
import { PartyOrganization } from './organization.entity';

/**
 * 大党委兼职委员: a part-time seat on a community committee for a person from a unit or a
 * property company. Ending a seat early keeps the row with the day it ended.
 */
@ObjectType({ description: '大党委兼职委员席位' })
@Entity()
export class CommitteeSeat {
  [OptionalProps]?: 'endedOn' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => PartyOrganization)
  committee!: PartyOrganization;

  @Field({ description: '兼职委员姓名' })
  @Property({ length: 50 })
  personName!: string;

  @Field({ description: '所在单位或物业企业名称' })
  @Property({ length: 100 })
  unitName!: string;

  @Field(() => SeatUnitKind, { description: '单位类别' })
  @Enum({ items: () => SeatUnitKind })
  unitKind!: SeatUnitKind;

  @Field(() => CommitteeSeatRole, { description: '兼职职务' })
  @Enum({ items: () => CommitteeSeatRole })
  role!: CommitteeSeatRole;

  @Field(() => String, { description: '任期开始 (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  termStart!: string;

  @Field(() => String, { description: '任期届满 (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  termEnd!: string;

  @Field(() => String, { nullable: true, description: '提前结束的日期' })
  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
