import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { AdmissionDecision, AdmissionStatus, AdmissionTarget } from '../shared/enums';

@InputType({ description: '准入申请：两明确（理由、任务）与三到位（权责、培训、经费，三项都须确认）' })
export class SubmitAdmissionInput {
  @Field({ description: '申请部门' }) department!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => AdmissionTarget) target!: AdmissionTarget;
  @Field({ description: '明确理由' }) reason!: string;
  @Field({ description: '明确任务' }) tasks!: string;
  @Field({ description: '权责到位' }) authorityConfirmed!: boolean;
  @Field({ description: '培训到位' }) trainingConfirmed!: boolean;
  @Field({ description: '经费到位' }) fundingConfirmed!: boolean;
}

@InputType({ description: '准入委员会审议' })
export class DecideAdmissionInput {
  @Field(() => ID) id!: string;
  @Field(() => AdmissionDecision) decision!: AdmissionDecision;
  @Field({ description: '审议意见' }) reason!: string;
}

@InputType({ description: '把已准入的事项配置到一个网格，或一个社区的全部网格（二选一）' })
export class AssignItemInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ID, { nullable: true }) gridId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
}

@ArgsType()
export class AdmissionFilter extends PageArgs {
  @Field(() => AdmissionStatus, { nullable: true }) status?: AdmissionStatus;
  @Field(() => AdmissionTarget, { nullable: true }) target?: AdmissionTarget;
}
