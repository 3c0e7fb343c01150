import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { MemberReport } from './member-report.entity';
import { PartyMemberReference } from '../shared/references';
import type { CoBuildingContext } from '../context';
import { PledgeConnection } from '../shared/connections';

/**
 * Fields the organs' working committee adds to the party-building subgraph's PartyMember.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the member keeps the rest of its answer (one non-null field would null the whole member).
 */
@Resolver(() => PartyMemberReference)
export class MemberReportPartyMemberResolver {
  @FieldResolver(() => MemberReport, { nullable: true, description: '在册的到社区报到（在职党员双报到）' })
  communityReport(@Root() member: PartyMemberReference, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.activeReportOfMember.load(member.id);
  }

  @FieldResolver(() => PledgeConnection, { nullable: true, description: '认领的服务岗位（履岗承诺，含已结束的）' })
  async pledges(@Root() member: PartyMemberReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new PledgeConnection(await ctx.loaders.pledgesOfMember(member.id, page));
  }
}
