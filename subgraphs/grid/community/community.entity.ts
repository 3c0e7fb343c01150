import { Entity, OptionalProps, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CommunityStatus } from '../shared/enums';
import { Street } from '../street/street.entity';

@ObjectType({ description: '社区（村）。合并后的旧社区保留，可通过 mergedInto 找到新社区' })
@Directive('@key(fields: "id")')
@Entity()
export class Community {
  [OptionalProps]?: 'status' | 'mergedInto' | 'mergedAt' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '社区代码' })
  @Property({ length: 32 })
  @Unique()
  code!: string;

  @Field({ description: '社区名称' })
  @Property({ length: 100 })
  name!: string;

  @Index()
  @ManyToOne(() => Street)
  street!: Street;

  @Field(() => CommunityStatus)
  @Enum({ items: () => CommunityStatus })
  status: CommunityStatus = CommunityStatus.ACTIVE;

  @Index()
  @ManyToOne(() => Community, { nullable: true })
  mergedInto: Community | null = null;

  @Field(() => Date, { nullable: true, description: '合并时间' })
  @Property({ type: 'timestamptz', nullable: true })
  mergedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
