import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { isInOffice, today } from '../domain/terms';
import { CommitteeSeat, CommunityReference, PartyOrganization, StreetReference } from '../entities';
import { requireSignedIn } from '../access';
import type { PartyContext } from '../loaders';

/**
 * Fields the organisation department adds to the grid subgraph's Community and Street.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the community keeps the rest of its answer (one non-null field would null the whole community).
 */
@Resolver(() => CommunityReference)
export class CommunityPartyResolver {
  @FieldResolver(() => PartyOrganization, { nullable: true, description: '社区党委（党总支）' })
  async partyCommittee(@Root() community: CommunityReference, @Ctx() ctx: PartyContext) {
    requireSignedIn(ctx.viewer, 'reading Party organisations');
    return (await ctx.loaders.committeesOfCommunity.load(community.id))[0] ?? null;
  }

  @FieldResolver(() => [CommitteeSeat], { nullable: true, description: '大党委兼职委员' })
  async partyCommitteeSeats(
    @Root() community: CommunityReference,
    @Ctx() ctx: PartyContext,
    @Arg('includeEnded', { defaultValue: false, description: '包含已结束的席位' }) includeEnded: boolean,
  ) {
    requireSignedIn(ctx.viewer, 'reading Party organisations');
    const committee = (await ctx.loaders.committeesOfCommunity.load(community.id))[0];
    if (!committee) return [];
    const seats = await ctx.loaders.seatsOfCommittee.load(committee.id);
    const day = today();
    return includeEnded ? seats : seats.filter((seat) => isInOffice(seat, day));
  }

  @FieldResolver(() => Int, { nullable: true, description: '组织关系在本社区的在职党员数' })
  inServicePartyMemberCount(@Root() community: CommunityReference, @Ctx() ctx: PartyContext) {
    requireSignedIn(ctx.viewer, 'Party member counts');
    return ctx.loaders.inServiceCountOfCommunity.load(community.id);
  }
}

@Resolver(() => StreetReference)
export class StreetPartyResolver {
  @FieldResolver(() => PartyOrganization, { nullable: true, description: '街道党工委' })
  async partyWorkingCommittee(@Root() street: StreetReference, @Ctx() ctx: PartyContext) {
    requireSignedIn(ctx.viewer, 'reading Party organisations');
    return (await ctx.loaders.workingCommitteesOfStreet.load(street.id))[0] ?? null;
  }
}
