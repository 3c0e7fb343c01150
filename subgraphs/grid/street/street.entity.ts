import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: '街道（乡镇）' })
@Directive('@key(fields: "id")')
@Entity()
export class Street {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '街道代码（区县代码 + 街道序号）' })
  @Property({ length: 32 })
  @Unique()
  code!: string;

  @Field({ description: '街道名称' })
  @Property({ length: 100 })
  name!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
