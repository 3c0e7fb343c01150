import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ServiceCategory } from './service-category.entity';

/** 为民服务岗位: a post a community offers for reported members to claim. */
@ObjectType({ description: '社区为民服务岗位' })
@Entity()
export class ServicePost {
  [OptionalProps]?: 'description' | 'capacity' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  communityId!: string;

  @Index()
  @ManyToOne(() => ServiceCategory)
  category!: ServiceCategory;

  @Field({ description: '岗位名称' })
  @Property({ length: 100 })
  name!: string;

  @Field(() => String, { nullable: true, description: '岗位职责' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => Int, { nullable: true, description: '可认领人数（空：不限）' })
  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
