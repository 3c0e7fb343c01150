import { Entity, OptionalProps, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

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

  @Field()
  @Property({ length: 30 })
  entityType!: string;

  @Field()
  @Property({ type: 'uuid' })
  entityId!: string;

  @Field({ description: 'CREATED / UPDATED / MOVED' })
  @Property({ length: 20 })
  action!: string;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  fields: string[] = [];

  @Field()
  @Property({ length: 100 })
  changedBy!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  changedAt: Date = new Date();
}
