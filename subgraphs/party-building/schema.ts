import { requireSignInOnRootFields } from '../../lib/auth/sign-in-guard';
import type { NonEmptyArray } from 'type-graphql';
import { buildFederatedSchema, type ReferenceResolvers } from '../../lib/federation';
import { REFERENCE_TYPES } from './entities';
import type { PartyContext, PartyLoaders } from './loaders';
import { CommitteeSeatResolver } from './resolvers/committee-seat.resolver';
import { CommunityPartyResolver, StreetPartyResolver } from './resolvers/community-extensions.resolver';
import { CoverageResolver } from './resolvers/coverage.resolver';
import { BuildingPartyResolver, GridPartyResolver, HouseholdPartyResolver, ResidentPartyResolver } from './resolvers/grid-extensions.resolver';
import { OrganizationMutationResolver } from './resolvers/organization-mutation.resolver';
import { PartyMemberResolver } from './resolvers/party-member.resolver';
import { PartyOrganizationResolver } from './resolvers/party-organization.resolver';
import { MembershipPeriodResolver, PartyRoleResolver } from './resolvers/party-role.resolver';

import { accessRecordsResolver } from '../../lib/audit/access-query';

export const PARTY_RESOLVERS: NonEmptyArray<Function> = [
  accessRecordsResolver('partyPersonalDataAccesses', '党建（党员）'),
  PartyOrganizationResolver, OrganizationMutationResolver, PartyMemberResolver, PartyRoleResolver, MembershipPeriodResolver,
  CommitteeSeatResolver, CoverageResolver, GridPartyResolver, BuildingPartyResolver, HouseholdPartyResolver, ResidentPartyResolver,
  CommunityPartyResolver, StreetPartyResolver,
];

/**
 * Every entity of this subgraph resolves its federation references through a batching loader.
 * A reference the viewer may not follow resolves to null: organisations for anonymous callers,
 * members outside the viewer's scope.
 */
export const PARTY_REFERENCES: ReferenceResolvers = {
  PartyOrganization: {
    __resolveReference: (reference: { id: string }, ctx: PartyContext) =>
      (ctx.viewer.authenticated ? (ctx.loaders as PartyLoaders).organization.load(reference.id) : null),
  },
  PartyMember: {
    __resolveReference: (reference: { id: string }, ctx: PartyContext) => (ctx.loaders as PartyLoaders).visibleMember(reference.id),
  },
};

export async function buildPartySchema() {
  return requireSignInOnRootFields(await buildFederatedSchema({ resolvers: PARTY_RESOLVERS, orphanedTypes: REFERENCE_TYPES }, PARTY_REFERENCES), []);
}
