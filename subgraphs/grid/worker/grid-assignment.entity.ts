import { Entity, OptionalProps, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AssignmentRole, WorkerDuty } from '../shared/enums';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from './grid-worker.entity';

/**
 * A worker's role in a grid for a period: one person one grid, one person several grids and
 * several persons one grid are all rows of this table. Unassigning closes the period.
 */
@ObjectType({ description: '网格员与网格的配置（一人一网、一人多网、多人一网）' })
@Directive('@key(fields: "id")')
@Entity()
@Index({ properties: ['grid', 'endedAt'] })
@Index({ properties: ['worker', 'endedAt'] })
// The rules in domain/assignment-rules.ts refuse these first with a clear error; the indexes
// keep two concurrent requests from slipping past them.
@Unique({
  name: 'grid_assignment_one_open_per_worker_and_grid',
  expression:
    'create unique index "grid_assignment_one_open_per_worker_and_grid" on "grid"."grid_assignment" ("worker_id", "grid_id") where "ended_at" is null',
})
@Unique({
  name: 'grid_assignment_one_chief_per_grid',
  expression: `create unique index "grid_assignment_one_chief_per_grid" on "grid"."grid_assignment" ("grid_id") where "role" = 'GRID_CHIEF' and "ended_at" is null`,
})
export class GridAssignment {
  [OptionalProps]?: 'duties' | 'startedAt' | 'endedAt';

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

  @Field(() => [WorkerDuty], { description: '在本网格履行的职责（六大员）' })
  @Enum({ items: () => WorkerDuty, array: true })
  duties: WorkerDuty[] = [];

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  startedAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: '结束时间；为空表示在任' })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt: Date | null = null;
}
