import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ServicesContext } from '../context';
import { CaseConnection } from '../shared/connections';
import { CommunityReference } from '../shared/references';
import { CaseFilterArgs } from './case.inputs';
import { casePage } from './case.service';

/** The cases field the service centre adds to the grid subgraph's Community; nullable (see case-grid.resolver.ts). */
@Resolver(() => CommunityReference)
export class CaseCommunityResolver {
  @FieldResolver(() => CaseConnection, {
    nullable: true,
    description: '上报时属于本社区的工单（仅调用者有权查看的），可按状态、是否超期筛选',
  })
  cases(@Root() community: CommunityReference, @Ctx() ctx: ServicesContext, @Args() args: CaseFilterArgs) {
    return casePage(ctx, 'casesOfCommunity', community.id, args);
  }
}
