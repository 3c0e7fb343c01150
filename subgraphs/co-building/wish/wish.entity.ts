import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { WishStatus } from '../shared/enums';
import { Unit } from '../unit/unit.entity';

/**
 * 微心愿: a resident's small wish (grid Resident by key), raised by the resident or on their
 * behalf, claimed by one member or one unit at a time. `version` grows with every change so
 * two concurrent claims cannot both win.
 */
@ObjectType({ description: '居民微心愿' })
@Entity()
export class Wish {
  [OptionalProps]?:
    | 'description'
    | 'raisedOnBehalfBy'
    | 'status'
    | 'claimedByMemberId'
    | 'claimedByUnit'
    | 'claimedAt'
    | 'fulfilledAt'
    | 'fulfilmentNote'
    | 'withdrawnAt'
    | 'version'
    | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  residentId!: string;

  @Index()
  @Property({ type: 'uuid' })
  communityId!: string;

  @Field({ description: '心愿' })
  @Property({ length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => String, { nullable: true, description: '代为提出人（网格员、社区工作者等）；空表示居民本人提出' })
  @Property({ length: 50, nullable: true })
  raisedOnBehalfBy: string | null = null;

  @Field(() => WishStatus)
  @Index()
  @Enum({ items: () => WishStatus })
  status: WishStatus = WishStatus.OPEN;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  claimedByMemberId: string | null = null;

  @Index()
  @ManyToOne(() => Unit, { nullable: true })
  claimedByUnit: Unit | null = null;

  @Field(() => Date, { nullable: true, description: '认领时间' })
  @Property({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: '实现时间' })
  @Property({ type: 'timestamptz', nullable: true })
  fulfilledAt: Date | null = null;

  @Field(() => String, { nullable: true, description: '实现情况' })
  @Property({ type: 'text', nullable: true })
  fulfilmentNote: string | null = null;

  @Field(() => Date, { nullable: true, description: '撤回时间' })
  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null = null;

  @Field(() => Int, { description: '版本号，每次变更加一' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
