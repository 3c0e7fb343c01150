import { Entity, OptionalProps, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GridChangeKind } from '../shared/enums';

/**
 * One adjustment of the grid map (split, merge, retire, building moved, community merged).
 * `fromGridIds` / `toGridIds` say where things went, so old grids stay explainable.
 */
@ObjectType({ description: '网格调整记录' })
@Entity()
export class GridChange {
  [OptionalProps]?: 'fromGridIds' | 'toGridIds' | 'buildingIds' | 'note' | 'occurredAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => GridChangeKind)
  @Enum({ items: () => GridChangeKind })
  kind!: GridChangeKind;

  @Field(() => [String], { description: '调整前的网格' })
  @Property({ type: 'uuid[]' })
  fromGridIds: string[] = [];

  @Field(() => [String], { description: '调整后的网格' })
  @Property({ type: 'uuid[]' })
  toGridIds: string[] = [];

  @Field(() => [String], { description: '涉及的楼栋' })
  @Property({ type: 'uuid[]' })
  buildingIds: string[] = [];

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field({ description: '操作人' })
  @Property({ length: 100 })
  actor!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  occurredAt: Date = new Date();
}
