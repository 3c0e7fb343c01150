import { requireSignInOnRootFields } from '../../lib/auth/sign-in-guard';
import type { NonEmptyArray } from 'type-graphql';
import { buildFederatedSchema } from '../../lib/federation';
import {
  CommunityReference,
  otherDepartmentsReferences,
  PartyMemberReference,
  PartyOrganizationReference,
  ResidentReference,
} from './shared/references';
// Resolver files are imported in the order their fields appear in the schema (Community's fields, then
// the queries and mutations by module): reordering these imports reorders the printed SDL.
import { UnitCommunityResolver } from './unit/unit-community.resolver';
import { MemberReportCommunityResolver } from './member-report/member-report-community.resolver';
import { ServicePostCommunityResolver } from './service-post/service-post-community.resolver';
import { WishCommunityResolver } from './wish/wish-community.resolver';
import { ProjectCommunityResolver } from './project/project-community.resolver';
import { EvaluationResolver } from './evaluation/evaluation.resolver';
import { MemberReportResolver } from './member-report/member-report.resolver';
import { PairingResolver } from './unit/pairing.resolver';
import { MemberReportPartyMemberResolver } from './member-report/member-report-party-member.resolver';
import { PledgeResolver } from './member-report/pledge.resolver';
import { DemandResolver, ProjectResolver, ResourceResolver } from './project/project.resolver';
import { ServiceCategoryResolver, ServicePostResolver } from './service-post/service-post.resolver';
import { unitReference } from './unit/unit.reference';
import { UnitResolver } from './unit/unit.resolver';
import { WishResidentResolver } from './wish/wish-resident.resolver';
import { WishResolver } from './wish/wish.resolver';

const RESOLVERS: NonEmptyArray<Function> = [
  UnitResolver,
  PairingResolver,
  MemberReportResolver,
  ServiceCategoryResolver,
  ServicePostResolver,
  PledgeResolver,
  WishResolver,
  DemandResolver,
  ResourceResolver,
  ProjectResolver,
  EvaluationResolver,
  UnitCommunityResolver,
  MemberReportCommunityResolver,
  ServicePostCommunityResolver,
  WishCommunityResolver,
  ProjectCommunityResolver,
  MemberReportPartyMemberResolver,
  WishResidentResolver,
];

/** Every root field needs a signed-in caller, and every entity reference resolves to null for an anonymous one. */
export async function buildCoBuildingSchema() {
  const schema = await buildFederatedSchema(
    {
      resolvers: RESOLVERS,
      orphanedTypes: [CommunityReference, PartyMemberReference, PartyOrganizationReference, ResidentReference],
    },
    { ...otherDepartmentsReferences, ...unitReference },
  );
  return requireSignInOnRootFields(schema, []);
}
