import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import type { CoBuildingContext } from '../context';
import { CommunityReference } from '../shared/references';
import { ServicePostConnection } from '../shared/connections';

/**
 * Fields the organs' working committee adds to the grid subgraph's Community: its service posts.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the community keeps the rest of its answer (one non-null field would null the whole community).
 */
@Resolver(() => CommunityReference)
export class ServicePostCommunityResolver {
  @FieldResolver(() => ServicePostConnection, { nullable: true, description: '为民服务岗位' })
  async servicePosts(@Root() community: CommunityReference, @Ctx() ctx: CoBuildingContext, @Args() page: PageArgs) {
    return new ServicePostConnection(await ctx.loaders.postsOfCommunity(community.id, page));
  }
}
