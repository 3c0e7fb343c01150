import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { AdmissionStatus, AdmissionTarget } from '../shared/enums';
import { ServiceItem } from '../item/item.entity';

@ObjectType({ description: '准入申请：两明确（理由、任务）、三到位（权责、培训、经费），由准入委员会审议' })
@Entity()
export class AdmissionRequest {
  [OptionalProps]?: 'status' | 'decisionReason' | 'decidedBy' | 'decidedAt' | 'submittedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '申请部门' })
  @Property({ length: 100 })
  department!: string;

  @Index()
  @ManyToOne(() => ServiceItem)
  item!: ServiceItem;

  @Field(() => AdmissionTarget, { description: '入格或进社区' })
  @Enum({ items: () => AdmissionTarget })
  target!: AdmissionTarget;

  @Field({ description: '明确理由' })
  @Property({ type: 'text' })
  reason!: string;

  @Field({ description: '明确任务' })
  @Property({ type: 'text' })
  tasks!: string;

  @Field({ description: '权责到位' }) @Property() authorityConfirmed!: boolean;
  @Field({ description: '培训到位' }) @Property() trainingConfirmed!: boolean;
  @Field({ description: '经费到位' }) @Property() fundingConfirmed!: boolean;

  @Field(() => AdmissionStatus)
  @Enum({ items: () => AdmissionStatus })
  status: AdmissionStatus = AdmissionStatus.PENDING;

  @Field(() => String, { nullable: true, description: '审议意见' })
  @Property({ type: 'text', nullable: true })
  decisionReason: string | null = null;

  @Field(() => String, { nullable: true, description: '审议人' })
  @Property({ length: 100, nullable: true })
  decidedBy: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  submittedAt: Date = new Date();
}
