import { Entity, OptionalProps, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Building } from './building.entity';
import { Grid } from './grid.entity';

/** A period during which a building belonged to a grid; the open period has no `until`. */
@ObjectType({ description: '楼栋归属网格的时段' })
@Entity()
export class BuildingGridPeriod {
  [OptionalProps]?: 'until';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Building)
  building!: Building;

  @Index()
  @ManyToOne(() => Grid)
  grid!: Grid;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  since!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  until: Date | null = null;
}
