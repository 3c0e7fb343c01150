import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { ServiceCase } from './case.entity';

@ObjectType({ description: '督办通知单（工单超期时签发）' })
@Entity()
export class SupervisionNotice {
  [OptionalProps]?: 'note' | 'issuedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => ServiceCase, { fieldName: 'case_id' })
  serviceCase!: ServiceCase;

  @Field({ description: '督办对象（承办部门）' })
  @Property({ length: 100 })
  department!: string;

  @Field(() => Date, { description: '签发时的办理期限' })
  @Property({ type: 'timestamptz' })
  deadline!: Date;

  @Field(() => Float, { description: '签发时已超期小时数' })
  @Property({ type: 'double precision' })
  overdueHours!: number;

  @Field({ description: '签发人' })
  @Property({ length: 100 })
  issuedBy!: string;

  @Field(() => String, { nullable: true, description: '督办意见' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  issuedAt: Date = new Date();
}
