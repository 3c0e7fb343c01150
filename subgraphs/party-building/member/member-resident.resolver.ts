import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { ResidentReference } from '../shared/references';
import { PartyMember } from './member.entity';

@Resolver(() => ResidentReference)
export class ResidentMemberResolver {
  // Like a reference: a member record the viewer may not see reads as none.
  @FieldResolver(() => PartyMember, { nullable: true, description: '党员身份（居民党员、在职党员等）' })
  partyMembership(@Root() resident: ResidentReference, @Ctx() ctx: PartyContext) {
    return ctx.loaders.visibleMemberOfResident(resident.id);
  }
}
