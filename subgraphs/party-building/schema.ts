import { buildFederatedSchema } from '../../lib/federation';
import { GridReference } from './entities/grid-reference';
import type { PartyContext } from './loaders';
import { GridPartyResolver } from './resolvers/grid.resolver';
import { PartyOrganizationResolver } from './resolvers/party-organization.resolver';

export function buildPartySchema() {
  return buildFederatedSchema(
    { resolvers: [PartyOrganizationResolver, GridPartyResolver], orphanedTypes: [GridReference] },
    {
      PartyOrganization: {
        __resolveReference: (reference: { id: string }, ctx: PartyContext) => ctx.loaders.organization.load(reference.id),
      },
    },
  );
}
