import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** 需求清单: one need a community found among its residents. */
@ObjectType({ description: '社区需求清单条目' })
@Entity()
export class Demand {
  [OptionalProps]?: 'description' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  communityId!: string;

  @Field({ description: '需求' })
  @Property({ length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
