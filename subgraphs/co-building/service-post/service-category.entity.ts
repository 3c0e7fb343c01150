import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** 服务岗位类别: a category (大类) or a subcategory (小类) under one; two levels only. */
@ObjectType({ description: '为民服务岗位类别（大类、小类）' })
@Entity()
@Unique({ properties: ['parent', 'name'] })
export class ServiceCategory {
  [OptionalProps]?: 'parent' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '类别名称' })
  @Property({ length: 50 })
  name!: string;

  @Index()
  @ManyToOne(() => ServiceCategory, { nullable: true })
  parent: ServiceCategory | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
