import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Unit } from '../unit/unit.entity';

/** 资源清单: something a community can draw on, often offered by a co-building unit. */
@ObjectType({ description: '社区资源清单条目' })
@Entity()
export class Resource {
  [OptionalProps]?: 'description' | 'providerUnit' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  communityId!: string;

  @Field({ description: '资源' })
  @Property({ length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Index()
  @ManyToOne(() => Unit, { nullable: true })
  providerUnit: Unit | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
