import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { CaseAction, CaseLevel, CaseState } from '../shared/enums';
import { ServiceCase } from './case.entity';

/** One step on a case's timeline. Append-only: a database trigger refuses updates and deletes. */
@ObjectType({ description: '工单时间轴上的一步（只增不改）' })
@Entity()
@Index({ properties: ['serviceCase', 'occurredAt'] })
export class CaseEvent {
  [OptionalProps]?: 'fromState' | 'fromLevel' | 'toLevel' | 'note' | 'occurredAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => ServiceCase, { fieldName: 'case_id' })
  serviceCase!: ServiceCase;

  @Field(() => CaseAction)
  @Enum({ items: () => CaseAction })
  action!: CaseAction;

  @Field(() => CaseState, { nullable: true, description: '之前状态（上报时为空）' })
  @Enum({ items: () => CaseState, nullable: true })
  fromState: CaseState | null = null;

  @Field(() => CaseState, { description: '之后状态' })
  @Enum({ items: () => CaseState })
  toState!: CaseState;

  @Field(() => CaseLevel, { nullable: true })
  @Enum({ items: () => CaseLevel, nullable: true })
  fromLevel: CaseLevel | null = null;

  @Field(() => CaseLevel, { nullable: true })
  @Enum({ items: () => CaseLevel, nullable: true })
  toLevel: CaseLevel | null = null;

  @Field({ description: '操作人' })
  @Property({ length: 100 })
  actor!: string;

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  occurredAt: Date = new Date();
}
