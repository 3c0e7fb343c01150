import { requireSignInOnRootFields } from '../../lib/auth/sign-in-guard';
import type { NonEmptyArray } from 'type-graphql';
import { buildFederatedSchema, type ReferenceResolvers } from '../../lib/federation';
import { REFERENCE_TYPES } from './shared/references';
// The order of these imports is the order of the fields in the printed schema: keep it.
import { CommitteeSeatResolver } from './organization/committee-seat.resolver';
import { CommunityOrganizationResolver } from './organization/organization-community.resolver';
import { StreetOrganizationResolver } from './organization/organization-street.resolver';
import { CommunityMemberResolver } from './member/member-community.resolver';
import { CoverageResolver } from './organization/organization-coverage.resolver';
import { GridOrganizationResolver } from './organization/organization-grid.resolver';
import { BuildingOrganizationResolver } from './organization/organization-building.resolver';
import { HouseholdOrganizationResolver } from './organization/organization-household.resolver';
import { GridMemberResolver } from './member/member-grid.resolver';
import { ResidentMemberResolver } from './member/member-resident.resolver';
import { OrganizationMutationResolver } from './organization/organization-mutation.resolver';
import { PartyMemberResolver } from './member/member.resolver';
import { PartyOrganizationResolver } from './organization/organization.resolver';
import { PartyRoleResolver } from './member/party-role.resolver';
import { MembershipPeriodResolver } from './member/membership-period.resolver';
import { ORGANIZATION_REFERENCE } from './organization/organization.reference';
import { MEMBER_REFERENCE } from './member/member.reference';

import { accessRecordsResolver } from '../../lib/audit/access-query';

export const PARTY_RESOLVERS: NonEmptyArray<Function> = [
  accessRecordsResolver('partyPersonalDataAccesses', '党建（党员）'),
  PartyOrganizationResolver,
  OrganizationMutationResolver,
  PartyMemberResolver,
  PartyRoleResolver,
  MembershipPeriodResolver,
  CommitteeSeatResolver,
  CoverageResolver,
  GridOrganizationResolver,
  GridMemberResolver,
  BuildingOrganizationResolver,
  HouseholdOrganizationResolver,
  ResidentMemberResolver,
  CommunityOrganizationResolver,
  CommunityMemberResolver,
  StreetOrganizationResolver,
];

/**
 * Every entity of this subgraph resolves its federation references through a batching loader.
 * A reference the viewer may not follow resolves to null: organisations for anonymous callers,
 * members outside the viewer's scope.
 */
export const PARTY_REFERENCES: ReferenceResolvers = {
  ...ORGANIZATION_REFERENCE,
  ...MEMBER_REFERENCE,
};

export async function buildPartySchema() {
  return requireSignInOnRootFields(
    await buildFederatedSchema({ resolvers: PARTY_RESOLVERS, orphanedTypes: REFERENCE_TYPES }, PARTY_REFERENCES),
    [],
  );
}
