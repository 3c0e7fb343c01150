import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CommunityReference } from '../entities';
import { requireSignedIn } from '../access';
import type { PartyContext } from '../context';

@Resolver(() => CommunityReference)
export class CommunityPartyResolver {
  @FieldResolver(() => Int, { nullable: true, description: '组织关系在本社区的在职党员数' })
  inServicePartyMemberCount(@Root() community: CommunityReference, @Ctx() ctx: PartyContext) {
    requireSignedIn(ctx.viewer, 'Party member counts');
    return ctx.loaders.inServiceCountOfCommunity.load(community.id);
  }
}
