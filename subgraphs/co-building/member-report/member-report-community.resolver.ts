import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import type { CoBuildingContext } from '../context';
import { CommunityReference } from '../shared/references';
import { MemberReportConnection } from '../shared/connections';

/**
 * Fields the organs' working committee adds to the grid subgraph's Community: the members reported to it.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the community keeps the rest of its answer (one non-null field would null the whole community).
 */
@Resolver(() => CommunityReference)
export class MemberReportCommunityResolver {
  @FieldResolver(() => MemberReportConnection, { nullable: true, description: '到本社区报到的在职党员（含已结束的）' })
  async memberReports(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new MemberReportConnection(await ctx.loaders.reportsOfCommunity(community.id, page));
  }
}
