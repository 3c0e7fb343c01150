import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { CommunityReference } from '../shared/references';
import { CommitteeSeat } from './committee-seat.entity';
import { PartyOrganization } from './organization.entity';
import { committeeOfCommunity, seatsOfCommunity } from './organization-query.service';

/**
 * The grid subgraph's Community: its committee and part-time seats. Nullable, so that while this
 * service is down the gateway nulls only these fields (one non-null field would null the whole community).
 */
@Resolver(() => CommunityReference)
export class CommunityOrganizationResolver {
  @FieldResolver(() => PartyOrganization, { nullable: true, description: '社区党委（党总支）' })
  partyCommittee(@Root() community: CommunityReference, @Ctx() ctx: PartyContext) {
    return committeeOfCommunity(ctx, community.id);
  }

  @FieldResolver(() => [CommitteeSeat], { nullable: true, description: '大党委兼职委员' })
  partyCommitteeSeats(
    @Root() community: CommunityReference,
    @Ctx() ctx: PartyContext,
    @Arg('includeEnded', { defaultValue: false, description: '包含已结束的席位' }) includeEnded: boolean,
  ) {
    return seatsOfCommunity(ctx, community.id, includeEnded);
  }
}
