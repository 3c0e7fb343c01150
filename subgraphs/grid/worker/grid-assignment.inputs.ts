import { Field, ID, InputType } from 'type-graphql';
import { AssignmentRole, WorkerDuty } from '../shared/enums';

@InputType({ description: '配置网格员到网格（一人一网、一人多网、多人一网）' })
export class AssignWorkerInput {
  @Field(() => ID) workerId!: string;
  @Field(() => ID) gridId!: string;
  @Field(() => AssignmentRole) role!: AssignmentRole;
  @Field(() => [WorkerDuty], { nullable: true, description: '在本网格履行的职责；省略时按角色默认' })
  duties?: WorkerDuty[];
}
