import { Args, Ctx, FieldResolver, Resolver, Root, UseMiddleware } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import { CommunityReference, Unit } from '../entities';
import type { CoBuildingContext } from '../loaders';
import { SignedIn } from './signed-in';
import { WishListArgs } from './wish-list-args';
import {
  DemandConnection, MemberReportConnection, PairingConnection, ProjectConnection, ResourceConnection, ServicePostConnection, WishConnection,
} from './connections';

/**
 * Fields the organs' working committee adds to the grid subgraph's Community.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the community keeps the rest of its answer (one non-null field would null the whole community).
 */
@UseMiddleware(SignedIn)
@Resolver(() => CommunityReference)
export class CommunityCoBuildingResolver {
  @FieldResolver(() => [Unit], { nullable: true, description: '结对共建单位（在期内）' })
  pairedUnits(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.unitsOfCommunity.load(community.id);
  }

  @FieldResolver(() => PairingConnection, { nullable: true, description: '结对共建（含已结束的）' })
  async pairings(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new PairingConnection(await ctx.loaders.pairingsOfCommunity(community.id, page));
  }

  @FieldResolver(() => MemberReportConnection, { nullable: true, description: '到本社区报到的在职党员（含已结束的）' })
  async memberReports(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new MemberReportConnection(await ctx.loaders.reportsOfCommunity(community.id, page));
  }

  @FieldResolver(() => ServicePostConnection, { nullable: true, description: '为民服务岗位' })
  async servicePosts(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new ServicePostConnection(await ctx.loaders.postsOfCommunity(community.id, page));
  }

  @FieldResolver(() => WishConnection, { nullable: true, description: '居民微心愿' })
  async wishes(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: WishListArgs) {
    return new WishConnection(await ctx.loaders.wishesOfCommunity(community.id, page, page.status ?? undefined));
  }

  @FieldResolver(() => DemandConnection, { nullable: true, description: '需求清单' })
  async demands(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new DemandConnection(await ctx.loaders.demandsOfCommunity(community.id, page));
  }

  @FieldResolver(() => ResourceConnection, { nullable: true, description: '资源清单' })
  async resources(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new ResourceConnection(await ctx.loaders.resourcesOfCommunity(community.id, page));
  }

  @FieldResolver(() => ProjectConnection, { nullable: true, description: '共建项目' })
  async projects(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new ProjectConnection(await ctx.loaders.projectsOfCommunity(community.id, page));
  }
}
