import { requireSignInOnRootFields } from '../../lib/auth/sign-in-guard';
import type { NonEmptyArray } from 'type-graphql';
import { buildFederatedSchema, type ReferenceResolvers } from '../../lib/federation';
import { REFERENCE_TYPES } from './shared/references';
import type { PartyContext, PartyLoaders } from './context';
import { CommitteeSeatResolver } from './organization/committee-seat.resolver';
import { CommunityOrganizationResolver } from './organization/organization.community.resolver';
import { StreetOrganizationResolver } from './organization/organization.street.resolver';
import { CommunityPartyResolver } from './resolvers/community-extensions.resolver';
import { CoverageResolver } from './organization/organization-coverage.resolver';
import { GridOrganizationResolver } from './organization/organization.grid.resolver';
import { BuildingOrganizationResolver } from './organization/organization.building.resolver';
import { HouseholdOrganizationResolver } from './organization/organization.household.resolver';
import { GridPartyResolver, ResidentPartyResolver } from './resolvers/grid-extensions.resolver';
import { OrganizationMutationResolver } from './organization/organization-mutation.resolver';
import { PartyMemberResolver } from './resolvers/party-member.resolver';
import { PartyOrganizationResolver } from './organization/organization.resolver';
import { MembershipPeriodResolver, PartyRoleResolver } from './resolvers/party-role.resolver';
import { ORGANIZATION_REFERENCE } from './organization/organization.reference';

import { accessRecordsResolver } from '../../lib/audit/access-query';

export const PARTY_RESOLVERS: NonEmptyArray<Function> = [
  accessRecordsResolver('partyPersonalDataAccesses', '党建（党员）'),
  PartyOrganizationResolver, OrganizationMutationResolver, PartyMemberResolver, PartyRoleResolver, MembershipPeriodResolver,
  CommitteeSeatResolver, CoverageResolver, GridOrganizationResolver, GridPartyResolver, BuildingOrganizationResolver, HouseholdOrganizationResolver,
  ResidentPartyResolver, CommunityOrganizationResolver, CommunityPartyResolver, StreetOrganizationResolver,
];

/**
 * Every entity of this subgraph resolves its federation references through a batching loader.
 * A reference the viewer may not follow resolves to null: organisations for anonymous callers,
 * members outside the viewer's scope.
 */
export const PARTY_REFERENCES: ReferenceResolvers = {
  ...ORGANIZATION_REFERENCE,
  PartyMember: {
    __resolveReference: (reference: { id: string }, ctx: PartyContext) => (ctx.loaders as PartyLoaders).visibleMember(reference.id),
  },
};

export async function buildPartySchema() {
  return requireSignInOnRootFields(await buildFederatedSchema({ resolvers: PARTY_RESOLVERS, orphanedTypes: REFERENCE_TYPES }, PARTY_REFERENCES), []);
}
