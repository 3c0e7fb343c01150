import { Entity, OptionalProps, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Grid } from './grid.entity';

@ObjectType({ description: '楼栋。调整所属网格时保留历史（gridHistory）' })
@Directive('@key(fields: "id")')
@Entity()
export class Building {
  [OptionalProps]?: 'createdAt' | 'householdCount';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '楼栋编码，全区唯一' })
  @Property({ length: 40 })
  @Unique()
  code!: string;

  @Field({ description: '楼栋名称或门牌地址' })
  @Property({ length: 200 })
  address!: string;

  @Index()
  @ManyToOne(() => Grid)
  grid!: Grid;

  /** Households in the building, kept by triggers as the grid's count is (see Grid.householdCount). */
  @Property({ type: 'integer', default: 0, lazy: true })
  householdCount?: number;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
