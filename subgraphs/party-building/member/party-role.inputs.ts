import { Field, ID, InputType } from 'type-graphql';
import { PartyRoleKind } from '../shared/enums';

@InputType({ description: '任命党内职务' })
export class AppointPartyRoleInput {
  @Field(() => ID) memberId!: string;
  @Field(() => ID, { description: '任职的党组织（须在党员所在组织的同一条线上）' }) organizationId!: string;
  @Field(() => PartyRoleKind) role!: PartyRoleKind;
  @Field({ description: '任期开始 YYYY-MM-DD' }) termStart!: string;
  @Field({ nullable: true, description: '任期届满 YYYY-MM-DD' }) termEnd?: string;
}

@InputType({ description: '免职/卸任' })
export class EndPartyRoleInput {
  @Field(() => ID) id!: string;
  @Field({ description: '卸任日期 YYYY-MM-DD' }) endedOn!: string;
}
