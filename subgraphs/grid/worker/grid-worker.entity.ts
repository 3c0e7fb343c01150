import { Entity, OptionalProps, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { WorkerKind } from '../shared/enums';

/**
 * 网格员. `phone` is the worker's own mobile (personal information: resolved masked by
 * GridWorkerResolver); `publicContact` is the work contact printed on the grid's public card.
 */
@ObjectType({ description: '网格员（专职、兼职、协管员）' })
@Directive('@key(fields: "id")')
@Entity()
export class GridWorker {
  [OptionalProps]?: 'department' | 'publicContact' | 'active' | 'createdAt';

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

  @Field(() => String, { nullable: true, description: '公示联系方式（工作电话，显示在网格公示牌上）' })
  @Property({ length: 20, nullable: true })
  publicContact: string | null = null;

  @Field({ description: '是否在岗' })
  @Property()
  active: boolean = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
