import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ExtensionStatus } from '../shared/enums';
import { ServiceCase } from './case.entity';

@ObjectType({ description: '延期申请（须审批）' })
@Entity()
export class CaseExtension {
  [OptionalProps]?: 'status' | 'decidedBy' | 'decisionNote' | 'decidedAt' | 'requestedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => ServiceCase, { fieldName: 'case_id' })
  serviceCase!: ServiceCase;

  @Field(() => Int, { description: '申请延长的小时数' })
  @Property()
  hours!: number;

  @Field({ description: '理由' })
  @Property({ type: 'text' })
  reason!: string;

  @Field({ description: '申请人' })
  @Property({ length: 100 })
  requestedBy!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  requestedAt: Date = new Date();

  @Field(() => ExtensionStatus)
  @Enum({ items: () => ExtensionStatus })
  status: ExtensionStatus = ExtensionStatus.PENDING;

  @Field(() => String, { nullable: true })
  @Property({ length: 100, nullable: true })
  decidedBy: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  decisionNote: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;
}
