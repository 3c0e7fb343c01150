import { requireSignInOnRootFields } from '../../lib/auth/sign-in-guard';
import type { NonEmptyArray } from 'type-graphql';
import { buildFederatedSchema } from '../../lib/federation';
import { CommunityReference, PartyMemberReference, PartyOrganizationReference, ResidentReference } from './entities';
import type { CoBuildingContext } from './loaders';
import { CommunityCoBuildingResolver } from './resolvers/community.resolver';
import { EvaluationResolver } from './resolvers/evaluation.resolver';
import { MemberReportResolver } from './resolvers/member-report.resolver';
import { PairingResolver } from './resolvers/pairing.resolver';
import { PartyMemberCoBuildingResolver } from './resolvers/party-member.resolver';
import { PledgeResolver } from './resolvers/pledge.resolver';
import { DemandResolver, ProjectResolver, ResourceResolver } from './resolvers/project.resolver';
import { ResidentCoBuildingResolver } from './resolvers/resident.resolver';
import { ServiceCategoryResolver, ServicePostResolver } from './resolvers/service-post.resolver';
import { UnitResolver } from './resolvers/unit.resolver';
import { WishResolver } from './resolvers/wish.resolver';

const RESOLVERS: NonEmptyArray<Function> = [
  UnitResolver, PairingResolver, MemberReportResolver, ServiceCategoryResolver, ServicePostResolver, PledgeResolver,
  WishResolver, DemandResolver, ResourceResolver, ProjectResolver, EvaluationResolver,
  CommunityCoBuildingResolver, PartyMemberCoBuildingResolver, ResidentCoBuildingResolver,
];

export async function buildCoBuildingSchema() {
  const schema = await buildFederatedSchema(
    { resolvers: RESOLVERS, orphanedTypes: [CommunityReference, PartyMemberReference, PartyOrganizationReference, ResidentReference] },
    {
      // Units are organisational data for any signed-in caller; an anonymous caller's reference resolves to null.
      Unit: {
        __resolveReference: (reference: { id: string }, ctx: CoBuildingContext) =>
          (ctx.viewer.authenticated ? ctx.loaders.unit.load(reference.id) : null),
      },
    },
  );
  return requireSignInOnRootFields(schema, []);
}
