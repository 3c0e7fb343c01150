import { Entity, OptionalProps, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Community } from '../community/community.entity';
import { GridKind, GridStatus } from '../shared/enums';

@ObjectType({ description: '网格。撤销的网格不删除，历史见 history' })
@Directive('@key(fields: "id")')
@Entity()
export class Grid {
  [OptionalProps]?: 'status' | 'retiredAt' | 'createdAt' | 'householdCount';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: '网格编码，全区唯一（CJ/T 349：区县代码 + 街道 + 社区 + 网格序号）' })
  @Property({ length: 32 })
  @Unique()
  code!: string;

  @Field({ description: '网格名称' })
  @Property({ length: 100 })
  name!: string;

  @Field(() => GridKind)
  @Enum({ items: () => GridKind })
  kind!: GridKind;

  @Field(() => GridStatus)
  @Index()
  @Enum({ items: () => GridStatus })
  status: GridStatus = GridStatus.ACTIVE;

  @Index()
  @ManyToOne(() => Community)
  community!: Community;

  /**
   * Households in the grid's buildings, kept by triggers on household and building (migration
   * 20261202154451) in the transaction that changes them; the service never writes it. Lazy: an
   * entity loaded for a write does not carry it (it may change under the write), so such a grid's
   * count is read afresh; rows read for display carry it.
   */
  @Property({ type: 'integer', default: 0, lazy: true })
  householdCount?: number;

  @Field(() => Date, { nullable: true, description: '撤销时间' })
  @Property({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
