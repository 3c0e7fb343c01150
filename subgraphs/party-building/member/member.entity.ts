import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { PartyMemberKind } from '../shared/enums';
import { PartyOrganization } from '../organization/organization.entity';

/**
 * 党员. `residentId` links the grid subgraph's Resident when the member lives in the district;
 * `homeGridId` is the grid of that resident's household, read from the grid subgraph when the
 * link is made, changed or the membership moves (this subgraph cannot join the grid's tables,
 * and "members living in grid X" must be one indexed query). idNumber and phone are personal
 * information: the GraphQL fields of those names mask them.
 */
@ObjectType({ description: '党员' })
@Directive('@key(fields: "id")')
@Entity()
export class PartyMember {
  [OptionalProps]?:
    | 'residentId'
    | 'homeGridId'
    | 'workUnitName'
    | 'showsIdentityPublicly'
    | 'joinedOn'
    | 'idNumber'
    | 'phone'
    | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '姓名' })
  @Property({ length: 50 })
  name!: string;

  @Field(() => PartyMemberKind, { description: '党员类别' })
  @Index()
  @Enum({ items: () => PartyMemberKind })
  kind!: PartyMemberKind;

  @Index()
  @ManyToOne(() => PartyOrganization)
  organization!: PartyOrganization;

  @Unique()
  @Property({ type: 'uuid', nullable: true })
  residentId: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  homeGridId: string | null = null;

  @Field(() => String, { nullable: true, description: '工作单位（在职党员）' })
  @Property({ length: 100, nullable: true })
  workUnitName: string | null = null;

  @Field({ description: '是否亮身份（公开党员身份）' })
  @Index()
  @Property({ default: false })
  showsIdentityPublicly: boolean = false;

  @Field(() => String, { nullable: true, description: '入党日期 (YYYY-MM-DD)' })
  @Property({ type: 'date', nullable: true })
  joinedOn: string | null = null;

  @Property({ length: 18, nullable: true })
  idNumber: string | null = null;

  @Property({ length: 11, nullable: true })
  phone: string | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
