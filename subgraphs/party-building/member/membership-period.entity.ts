import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { PartyMember } from './member.entity';
import { PartyOrganization } from '../organization/organization.entity';

/** Which organisation held a member's relationship (组织关系) from when until when. */
@ObjectType({ description: '组织关系所在党组织的一段时间' })
@Entity()
export class MembershipPeriod {
  [OptionalProps]?: 'until' | 'note';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => PartyMember)
  member!: PartyMember;

  @Index()
  @ManyToOne(() => PartyOrganization)
  organization!: PartyOrganization;

  @Field(() => Date, { description: '转入时间' })
  @Property({ type: 'timestamptz' })
  since!: Date;

  @Field(() => Date, { nullable: true, description: '转出时间；空表示当前所在' })
  @Property({ type: 'timestamptz', nullable: true })
  until: Date | null = null;

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
