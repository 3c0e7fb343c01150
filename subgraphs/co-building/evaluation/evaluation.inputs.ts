import { Field, ID, InputType, Int } from 'type-graphql';
import { Grade } from '../shared/enums';

@InputType({ description: '统计共建单位某年度的参与情况' })
export class ComputeEvaluationInput {
  @Field(() => ID) unitId!: string;
  @Field(() => Int) year!: number;
}

@InputType({ description: '街道党工委评定档次' })
export class GradeEvaluationInput {
  @Field(() => ID) unitId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Grade) grade!: Grade;
  @Field({ description: '评价意见' }) comment!: string;
  @Field(() => ID, { description: '评定的街道党工委（党建子图的 PartyOrganization）' }) gradedByOrganizationId!: string;
}
