import { Entity, OptionalProps, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Building } from '../grid/building.entity';
import { Tenure } from '../shared/enums';

@ObjectType({ description: '户（一套房屋：单元、房号、使用情况）' })
@Directive('@key(fields: "id")')
@Entity()
@Unique({ properties: ['building', 'unit', 'room'] })
export class Household {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => Building)
  building!: Building;

  @Field({ description: '单元' })
  @Property({ length: 20 })
  unit!: string;

  @Field({ description: '房号' })
  @Property({ length: 20 })
  room!: string;

  @Field(() => Tenure)
  @Enum({ items: () => Tenure })
  tenure!: Tenure;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
