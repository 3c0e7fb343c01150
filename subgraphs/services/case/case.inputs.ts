import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { AttributeValueInput } from '../item/item.inputs';
import { CaseAction, CaseChannel, CaseState, Satisfaction } from '../shared/enums';

/** The steps that need nothing but a note; dispatch, rating, extensions and supervision have their own mutations. */
const NOTE_ONLY_STEPS = [
  'ACCEPT',
  'CANCEL',
  'START',
  'RETURN',
  'PARK',
  'RESUME',
  'RESOLVE',
  'VERIFY',
  'CLOSE',
  'ESCALATE',
] as const;

/** A CaseAction taken with a note alone: the same values, so a step is an action without a cast. */
export type CaseStep = (typeof CaseAction)[(typeof NOTE_ONLY_STEPS)[number]];
export const CaseStep = Object.fromEntries(NOTE_ONLY_STEPS.map((name) => [name, CaseAction[name]])) as Pick<
  typeof CaseAction,
  (typeof NOTE_ONLY_STEPS)[number]
>;
registerEnumType(CaseStep, {
  name: 'CaseStep',
  description:
    '受理、作废、开始处置、回退、挂账、恢复、处置完成、核查、结案、上报上级（派遣、评价、延期、督办另有操作）',
});

@InputType({ description: '报件（诉求/事件上报）' })
export class ReportCaseInput {
  @Field(() => String, { nullable: true, description: '幂等键：客户端为一次上报生成，重试时原样带上，只生成一张工单' })
  idempotencyKey?: string;
  @Field(() => CaseChannel) channel!: CaseChannel;
  @Field(() => ID) itemId!: string;
  @Field(() => ID) gridId!: string;
  @Field(() => ID, { nullable: true, description: '上报居民' }) reporterResidentId?: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) location?: string;
  @Field(() => [AttributeValueInput], { defaultValue: [] }) attributes!: AttributeValueInput[];
}

@InputType({ description: '工单的一步；expectedVersion 为所见版本，过期则拒绝' })
export class CaseStepInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => CaseStep) action!: CaseStep;
  @Field(() => String, { nullable: true, description: '说明（作废、回退、挂账须填写理由）' }) note?: string;
}

@InputType({ description: '派遣（计时开始）' })
export class DispatchCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String, { nullable: true, description: '承办部门，省略时为事项责任部门' }) department?: string;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType({ description: '满意度评价（结案后）' })
export class RateCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => Satisfaction) satisfaction!: Satisfaction;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType({ description: '延期申请' })
export class RequestExtensionInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => Int, { description: '延长小时数' }) hours!: number;
  @Field() reason!: string;
}

@InputType({ description: '延期审批' })
export class DecideExtensionInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => ID) extensionId!: string;
  @Field() approve!: boolean;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType({ description: '督办（仅超期工单）' })
export class SuperviseCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String, { nullable: true, description: '督办意见' }) note?: string;
}

@ArgsType()
export class CaseFilterArgs extends PageArgs {
  @Field(() => CaseState, { nullable: true }) state?: CaseState;
  @Field(() => Boolean, { nullable: true, description: 'true：已过期限仍未办结的；false：其余' }) overdue?: boolean;
}

@ArgsType()
export class CaseQueryArgs extends CaseFilterArgs {
  @Field(() => ID, { nullable: true }) gridId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => String, { nullable: true, description: '承办部门' }) department?: string;
}
