import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import type { CoBuildingContext } from '../context';
import { CommunityReference } from '../shared/references';
import { DemandConnection, ProjectConnection, ResourceConnection } from '../shared/connections';

/**
 * Fields the organs' working committee adds to the grid subgraph's Community: its lists of demands and resources, and its projects.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the community keeps the rest of its answer (one non-null field would null the whole community).
 */
@Resolver(() => CommunityReference)
export class ProjectCommunityResolver {
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
