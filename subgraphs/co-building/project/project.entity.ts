import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ProjectStatus } from '../shared/enums';
import { Unit } from '../unit/unit.entity';

/**
 * 共建项目: matches a community's demands with resources; a unit claims it and both sides
 * confirm (双向认领协议) before work starts. Demands and resources are held by id, checked
 * to belong to the project's community when the project is made.
 */
@ObjectType({ description: '共建项目（需求清单与资源清单对接）' })
@Entity()
export class Project {
  [OptionalProps]?:
    | 'description'
    | 'status'
    | 'unit'
    | 'claimedAt'
    | 'communityConfirmedAt'
    | 'unitConfirmedAt'
    | 'doneOn'
    | 'version'
    | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @Property({ type: 'uuid' })
  communityId!: string;

  @Field({ description: '项目名称' })
  @Property({ length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: '说明' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'uuid[]' })
  demandIds: string[] = [];

  @Property({ type: 'uuid[]' })
  resourceIds: string[] = [];

  @Field(() => ProjectStatus)
  @Index()
  @Enum({ items: () => ProjectStatus })
  status: ProjectStatus = ProjectStatus.PROPOSED;

  @Index()
  @ManyToOne(() => Unit, { nullable: true })
  unit: Unit | null = null;

  @Field(() => Date, { nullable: true, description: '认领时间' })
  @Property({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: '社区党委确认时间' })
  @Property({ type: 'timestamptz', nullable: true })
  communityConfirmedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: '共建单位确认时间' })
  @Property({ type: 'timestamptz', nullable: true })
  unitConfirmedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: '完成日期' })
  @Property({ type: 'date', nullable: true })
  doneOn: string | null = null;

  @Field(() => Int, { description: '版本号，每次变更加一' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
