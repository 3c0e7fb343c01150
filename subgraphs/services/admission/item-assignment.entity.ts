import { Check, Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ServiceItem } from '../item/item.entity';

/**
 * An admitted item put into one grid, or into every grid of one community (exactly one of the
 * two ids). The ids belong to the grid subgraph and were checked there when written.
 */
@ObjectType({ description: '入格/进社区事项配置（须经准入）' })
@Entity()
@Check({ name: 'item_assignment_one_target', expression: '(grid_id is null) <> (community_id is null)' })
export class ItemAssignment {
  [OptionalProps]?: 'gridId' | 'communityId' | 'assignedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => ServiceItem)
  item!: ServiceItem;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  gridId: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  communityId: string | null = null;

  @Field({ description: '操作人' })
  @Property({ length: 100 })
  assignedBy!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  assignedAt: Date = new Date();
}
