import { Entity, OptionalProps, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { RecordAction, RecordType } from '../shared/enums';

/**
 * Who changed a person, house or household record and when. Holds the names of the fields
 * changed, never their values (values can be personal information).
 */
@ObjectType({ description: '人、房、户信息变更记录（谁、何时、改了哪些字段）' })
@Entity()
@Index({ properties: ['entityType', 'entityId'] })
export class RecordChange {
  [OptionalProps]?: 'fields' | 'changedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => RecordType)
  @Enum({ items: () => RecordType, type: 'string', length: 30 })
  entityType!: RecordType;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field(() => RecordAction)
  @Enum({ items: () => RecordAction, type: 'string', length: 20 })
  action!: RecordAction;

  @Field(() => [String], { description: '变更的字段名（不记录取值）' })
  @Property({ type: 'text[]' })
  fields: string[] = [];

  @Field({ description: '操作人' })
  @Property({ length: 100 })
  changedBy!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  changedAt: Date = new Date();
}
