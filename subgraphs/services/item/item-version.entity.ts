import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { AttributeDefinitionData } from './item-attributes.rules';
import { AttributeDefinition } from './attribute-definition.entity';
import { HandlingLevel, ItemList, ServiceItem } from './item.entity';

/** One version of an item as it stood; never changed after it is written. */
@ObjectType({ description: '事项的一个版本（工单按受理时的版本办理）' })
@Entity()
@Unique({ properties: ['item', 'version'] })
export class ServiceItemVersion {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => ServiceItem)
  item!: ServiceItem;

  @Field(() => Int, { description: '版本号' })
  @Property()
  version!: number;

  @Field() @Property({ length: 200 }) name!: string;
  @Field() @Property({ length: 50 }) category!: string;
  @Field() @Property({ length: 100 }) department!: string;

  @Field(() => HandlingLevel)
  @Enum({ items: () => HandlingLevel })
  level!: HandlingLevel;

  @Field(() => Int, { description: '办理时限（小时）' })
  @Property()
  timeLimitHours!: number;

  @Field() @Property() homeService!: boolean;

  @Field(() => [ItemList])
  @Enum({ items: () => ItemList, array: true })
  lists!: ItemList[];

  @Field(() => [AttributeDefinition])
  @Property({ type: 'jsonb' })
  attributes!: AttributeDefinitionData[];

  @Field(() => Date, { description: '版本生效时间' })
  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
