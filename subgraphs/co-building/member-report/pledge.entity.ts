import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { PledgeStatus } from '../shared/enums';
import { MemberReport } from './member-report.entity';
import { ServicePost } from '../service-post/service-post.entity';

/** 履岗承诺: a reported member claims a service post and signs a pledge. */
@ObjectType({ description: '认领服务岗位、签订履岗承诺书' })
@Entity()
export class Pledge {
  [OptionalProps]?: 'status' | 'endedOn' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => MemberReport)
  report!: MemberReport;

  /** The report's member, kept here so a member's pledges are one indexed lookup. */
  @Index()
  @Property({ type: 'uuid' })
  memberId!: string;

  @Index()
  @ManyToOne(() => ServicePost)
  post!: ServicePost;

  @Field({ description: '履岗承诺书内容' })
  @Property({ type: 'text' })
  pledgeText!: string;

  @Field(() => String, { description: '签订日期' })
  @Property({ type: 'date' })
  signedOn!: string;

  @Field(() => PledgeStatus)
  @Enum({ items: () => PledgeStatus })
  status: PledgeStatus = PledgeStatus.ACTIVE;

  @Field(() => String, { nullable: true, description: '结束日期' })
  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
