import { Entity, OptionalProps, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { WorkerKind } from './enums';

/** 网格员. `phone` is a work contact shown on the grid's public card; `idNumber` stays masked. */
@ObjectType({ description: '网格员（专职、兼职、协管员）' })
@Directive('@key(fields: "id")')
@Entity()
export class GridWorker {
  [OptionalProps]?: 'department' | 'active' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '姓名' })
  @Property({ length: 50 })
  name!: string;

  @Field(() => WorkerKind)
  @Enum({ items: () => WorkerKind })
  kind!: WorkerKind;

  @Field(() => String, { nullable: true, description: '派驻部门（协管员：公安、市场监管、城管、环卫等）' })
  @Property({ length: 100, nullable: true })
  department: string | null = null;

  @Property({ length: 11 })
  phone!: string;

  @Field({ description: '是否在岗' })
  @Property()
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
