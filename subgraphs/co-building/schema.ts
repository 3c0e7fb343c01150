import { buildFederatedSchema } from '../../lib/federation';
import { CommunityReference } from './entities/community-reference';
import type { CoBuildingContext } from './loaders';
import { CommunityCoBuildingResolver } from './resolvers/community.resolver';
import { UnitResolver } from './resolvers/unit.resolver';

export function buildCoBuildingSchema() {
  return buildFederatedSchema(
    { resolvers: [UnitResolver, CommunityCoBuildingResolver], orphanedTypes: [CommunityReference] },
    {
      Unit: { __resolveReference: (reference: { id: string }, ctx: CoBuildingContext) => ctx.loaders.unit.load(reference.id) },
    },
  );
}
