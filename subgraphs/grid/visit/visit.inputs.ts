import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { WorkerDuty } from '../shared/enums';

@InputType({ description: '记录一次走访或巡查' })
export class RecordVisitInput {
  @Field(() => ID) workerId!: string;
  @Field(() => ID, { description: '须为该网格员在任的网格' }) gridId!: string;
  @Field(() => WorkerDuty) duty!: WorkerDuty;
  @Field(() => Date, { description: '走访时间（不能晚于现在）' }) visitedAt!: Date;
  @Field({ description: '走访记录' }) note!: string;
  @Field(() => ID, { nullable: true, description: '走访的户，须在该网格内' }) householdId?: string;
}

@ArgsType()
export class VisitFilter extends PageArgs {
  @Field(() => ID, { nullable: true }) gridId?: string;
  @Field(() => ID, { nullable: true }) workerId?: string;
  @Field(() => WorkerDuty, { nullable: true }) duty?: WorkerDuty;
  @Field(() => Date, { nullable: true, description: '走访时间不早于' }) from?: Date;
  @Field(() => Date, { nullable: true, description: '走访时间早于' }) to?: Date;
}
