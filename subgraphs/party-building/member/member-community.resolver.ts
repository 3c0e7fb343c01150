import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { CommunityReference } from '../shared/references';
import { inServiceCountOfCommunity } from './member-query.service';

/** The grid subgraph's Community: its in-service member count (nullable, like every field added to another service's type). */
@Resolver(() => CommunityReference)
export class CommunityMemberResolver {
  @FieldResolver(() => Int, { nullable: true, description: '组织关系在本社区的在职党员数' })
  inServicePartyMemberCount(@Root() community: CommunityReference, @Ctx() ctx: PartyContext) {
    return inServiceCountOfCommunity(ctx, community.id);
  }
}
