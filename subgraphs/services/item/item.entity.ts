import { Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { AttributeDefinitionData } from './item-attributes.rules';
import { AttributeDefinition } from './attribute-definition.entity';

export enum HandlingLevel {
  GRID = 'GRID',
  COMMUNITY = 'COMMUNITY',
  STREET = 'STREET',
  DEPARTMENT = 'DEPARTMENT',
}
registerEnumType(HandlingLevel, { name: 'HandlingLevel', description: '办理层级：网格、社区、街道、部门' });

export enum ItemList {
  GRID_DUTY = 'GRID_DUTY',
  GRID_ADMITTED = 'GRID_ADMITTED',
  COMMUNITY_DUTY = 'COMMUNITY_DUTY',
  COMMUNITY_ASSIST = 'COMMUNITY_ASSIST',
  CERTIFICATE = 'CERTIFICATE',
  NOT_FOR_COMMUNITY = 'NOT_FOR_COMMUNITY',
}
registerEnumType(ItemList, {
  name: 'ItemList',
  description: '清单：网格事项责任清单、入格事项、社区依法履职事项、协助事项、证明盖章事项、社区不应承担事项',
});

/**
 * The current version of an item. Every change writes a ServiceItemVersion row and bumps
 * `version`; cases point at the version they were opened with, so a change never rewrites them.
 */
@ObjectType({ description: '事项（清单中的一项），字段为当前版本' })
@Directive('@key(fields: "id")')
@Entity()
export class ServiceItem {
  [OptionalProps]?: 'homeService' | 'createdAt' | 'version' | 'attributes' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '事项编码' })
  @Property({ length: 32 })
  @Unique()
  code!: string;

  @Field({ description: '事项名称' })
  @Property({ length: 200 })
  name!: string;

  @Field({ description: '类别' })
  @Property({ length: 50 })
  category!: string;

  @Field({ description: '责任部门' })
  @Property({ length: 100 })
  department!: string;

  @Field(() => HandlingLevel)
  @Enum({ items: () => HandlingLevel })
  level!: HandlingLevel;

  @Field(() => Int, { description: '办理时限（小时）' })
  @Property()
  timeLimitHours!: number;

  @Field({ description: '是否上门/代办服务' })
  @Property()
  homeService: boolean = false;

  @Field(() => [ItemList], { description: '所属清单' })
  @Enum({ items: () => ItemList, array: true })
  lists!: ItemList[];

  @Field(() => [AttributeDefinition], { description: '受理要素定义' })
  @Property({ type: 'jsonb' })
  attributes: AttributeDefinitionData[] = [];

  @Field(() => Int, { description: '当前版本号（每次修改加一）' })
  @Property()
  version: number = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: '最近修改时间' })
  @Property({ type: 'timestamptz' })
  updatedAt: Date = new Date();
}
