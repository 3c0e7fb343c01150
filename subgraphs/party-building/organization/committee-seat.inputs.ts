import { Field, ID, InputType } from 'type-graphql';
import { CommitteeSeatRole, SeatUnitKind } from '../shared/enums';

@InputType({ description: '大党委增设兼职委员席位' })
export class AddCommitteeSeatInput {
  @Field(() => ID, { description: '社区党委' }) committeeId!: string;
  @Field({ description: '兼职委员姓名' }) personName!: string;
  @Field({ description: '所在单位或物业企业' }) unitName!: string;
  @Field(() => SeatUnitKind) unitKind!: SeatUnitKind;
  @Field(() => CommitteeSeatRole) role!: CommitteeSeatRole;
  @Field({ description: '任期开始 YYYY-MM-DD' }) termStart!: string;
  @Field({ description: '任期届满 YYYY-MM-DD' }) termEnd!: string;
}

@InputType({ description: '兼职委员提前结束任职' })
export class EndCommitteeSeatInput {
  @Field(() => ID) id!: string;
  @Field({ description: '结束日期 YYYY-MM-DD' }) endedOn!: string;
}
