import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * One read of personal data in full, or one refused attempt (PIPL's access record): who, in which
 * role, why, whose record, which field, when, in which operation. Each department that holds
 * personal data keeps its own table; a database trigger refuses UPDATE and DELETE, and the API
 * has no mutation for it.
 */
@ObjectType({ description: '个人信息访问记录（只增不改）' })
@Directive('@shareable')
@Entity({ tableName: 'personal_data_access' })
@Index({ properties: ['recordId', 'at'] })
@Index({ properties: ['actor', 'at'] })
export class PersonalDataAccess {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => Date, { description: '时间' })
  @Property({ type: 'timestamptz' })
  at!: Date;

  @Field({ description: '访问者（令牌主体）' })
  @Property({ length: 200 })
  actor!: string;

  @Field({ description: '访问者角色' })
  @Property({ length: 40 })
  role!: string;

  @Field(() => String, { nullable: true, description: '声明的用途' })
  @Property({ type: 'text', nullable: true })
  purpose!: string | null;

  @Field({ description: '记录类型：Resident、GridWorker 或 PartyMember' })
  @Property({ length: 40 })
  recordType!: string;

  @Field(() => ID, { description: '被访问的记录' })
  @Property({ type: 'uuid' })
  recordId!: string;

  @Field({ description: '字段：idNumber、phone、careTags，或 record（整条记录）' })
  @Property({ length: 40 })
  field!: string;

  @Field(() => String, { nullable: true, description: '客户端操作名' })
  @Property({ length: 200, nullable: true })
  operation!: string | null;

  @Field({ description: 'GRANTED（给出了完整值）或 REFUSED（被拒绝）' })
  @Property({ length: 10 })
  outcome!: string;

  @Field(() => String, { nullable: true, description: '拒绝的原因' })
  @Property({ type: 'text', nullable: true })
  reason!: string | null;
}

/**
 * SQL for a migration: the access record can be added to, never changed or removed. A row
 * trigger cannot see TRUNCATE, which empties the table without touching a row: a statement
 * trigger refuses it (lib/audit/append-only.ts, in a later migration).
 */
export function appendOnlyTriggerSql(schema: string): string[] {
  return [
    `create function "${schema}"."refuse_access_record_change"() returns trigger language plpgsql as $$
      begin raise exception 'personal data access records cannot be changed or deleted'; end $$;`,
    `create trigger "personal_data_access_append_only" before update or delete on "${schema}"."personal_data_access"
      for each row execute function "${schema}"."refuse_access_record_change"();`,
  ];
}
