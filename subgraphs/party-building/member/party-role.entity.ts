import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { PartyRoleKind } from '../shared/enums';
import { PartyMember } from './member.entity';
import { PartyOrganization } from '../organization/organization.entity';

/** A member's office in an organisation for a term; ending it early keeps the row. */
@ObjectType({ description: '党内职务任职' })
@Entity()
export class PartyRole {
  [OptionalProps]?: 'termEnd' | 'endedOn' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => PartyMember)
  member!: PartyMember;

  @Index()
  @ManyToOne(() => PartyOrganization)
  organization!: PartyOrganization;

  @Field(() => PartyRoleKind, { description: '职务' })
  @Enum({ items: () => PartyRoleKind })
  role!: PartyRoleKind;

  @Field(() => String, { description: '任期开始 (YYYY-MM-DD)' })
  @Property({ type: 'date' })
  termStart!: string;

  @Field(() => String, { nullable: true, description: '任期届满 (YYYY-MM-DD)；空表示未定' })
  @Property({ type: 'date', nullable: true })
  termEnd: string | null = null;

  @Field(() => String, { nullable: true, description: '免职/卸任日期' })
  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
