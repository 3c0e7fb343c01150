import { Entity, OptionalProps, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { WorkerDuty } from '../shared/enums';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../worker/grid-worker.entity';
import { Household } from '../household/household.entity';

@ObjectType({ description: '走访台账 / 工作日志' })
@Directive('@key(fields: "id")')
@Entity()
export class Visit {
  [OptionalProps]?: 'household';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => GridWorker)
  worker!: GridWorker;

  @Index()
  @ManyToOne(() => Grid)
  grid!: Grid;

  @ManyToOne(() => Household, { nullable: true })
  household: Household | null = null;

  @Field(() => WorkerDuty, { description: '所履职责' })
  @Enum({ items: () => WorkerDuty })
  duty!: WorkerDuty;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  visitedAt!: Date;

  @Field({ description: '走访记录' })
  @Property({ type: 'text' })
  note!: string;
}
