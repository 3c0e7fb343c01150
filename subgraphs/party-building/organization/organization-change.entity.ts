import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { OrganizationChangeKind } from '../shared/enums';

/**
 * One reorganisation of one organisation, appended and never changed: where it hung before and
 * after, what it covered before and after, and the organisations on the other side of a split.
 */
@ObjectType({ description: '党组织调整记录（只增不改）' })
@Entity()
export class OrganizationChange {
  [OptionalProps]?:
    | 'parentBeforeId'
    | 'parentAfterId'
    | 'coverageBefore'
    | 'coverageAfter'
    | 'relatedOrganizationIds'
    | 'changedFields'
    | 'note'
    | 'occurredAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => ID, { description: '被调整的党组织' })
  @Index()
  @Property({ type: 'uuid' })
  organizationId!: string;

  @Field(() => OrganizationChangeKind)
  @Enum({ items: () => OrganizationChangeKind })
  kind!: OrganizationChangeKind;

  @Field(() => ID, { nullable: true, description: '调整前的上级组织' })
  @Property({ type: 'uuid', nullable: true })
  parentBeforeId: string | null = null;

  @Field(() => ID, { nullable: true, description: '调整后的上级组织' })
  @Property({ type: 'uuid', nullable: true })
  parentAfterId: string | null = null;

  @Field(() => [ID], { description: '调整前覆盖的街道/社区/网格/楼栋/户' })
  @Property({ type: 'uuid[]' })
  coverageBefore: string[] = [];

  @Field(() => [ID], { description: '调整后覆盖的街道/社区/网格/楼栋/户' })
  @Property({ type: 'uuid[]' })
  coverageAfter: string[] = [];

  @Field(() => [ID], { description: '拆分产生的新组织，或拆分前的原组织' })
  @Property({ type: 'uuid[]' })
  relatedOrganizationIds: string[] = [];

  @Field(() => [String], { description: '修改的字段' })
  @Property({ type: 'text[]' })
  changedFields: string[] = [];

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
