import { Entity, OptionalProps, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AssignmentRole } from './enums';
import { Grid } from './grid';
import { GridWorker } from './grid-worker';

/**
 * A worker's role in a grid for a period: one person one grid, one person several grids and
 * several persons one grid are all rows of this table. Unassigning closes the period.
 */
@ObjectType({ description: '网格员与网格的配置（一人一网、一人多网、多人一网）' })
@Directive('@key(fields: "id")')
@Entity()
@Index({ properties: ['grid', 'endedAt'] })
@Index({ properties: ['worker', 'endedAt'] })
export class GridAssignment {
  [OptionalProps]?: 'startedAt' | 'endedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => GridWorker)
  worker!: GridWorker;

  @ManyToOne(() => Grid)
  grid!: Grid;

  @Field(() => AssignmentRole)
  @Enum({ items: () => AssignmentRole })
  role!: AssignmentRole;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  startedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: '结束时间；为空表示在任' })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt: Date | null = null;
}
