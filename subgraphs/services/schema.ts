import { buildFederatedSchema } from '../../lib/federation';
import { GridReference } from './entities/grid-reference';
import type { ServicesContext } from './loaders';
import { GridServicesResolver } from './resolvers/grid.resolver';
import { ServiceItemResolver } from './resolvers/service-item.resolver';

export function buildServicesSchema() {
  return buildFederatedSchema(
    { resolvers: [ServiceItemResolver, GridServicesResolver], orphanedTypes: [GridReference] },
    {
      ServiceItem: {
        __resolveReference: (reference: { id: string }, ctx: ServicesContext) => ctx.loaders.item.load(reference.id),
      },
    },
  );
}
