import type { NonEmptyArray } from 'type-graphql';
import { buildFederatedSchema, type ReferenceResolvers } from '../../lib/federation';
import { PUBLIC_QUERIES, requireSignedIn } from './access';
import { requireSignInOnRootFields } from '../../lib/auth/sign-in-guard';
import type { GridContext, GridLoaders } from './loaders';
import { AccessTerritoryResolver } from './resolvers/access-territory.resolver';
import { BuildingResolver } from './resolvers/building.resolver';
import { BuildingGridPeriodResolver } from './resolvers/building-grid-period.resolver';
import { CommunityResolver } from './resolvers/community.resolver';
import { GridAssignmentResolver } from './resolvers/grid-assignment.resolver';
import { GridCardResolver } from './resolvers/grid-card.resolver';
import { GridWorkerResolver } from './resolvers/grid-worker.resolver';
import { GridResolver } from './resolvers/grid.resolver';
import { HouseholdResolver } from './resolvers/household.resolver';
import {
  BuildingChangesResolver, HouseholdChangesResolver, RecordChangeResolver, ResidentChangesResolver,
} from './resolvers/record-change.resolver';
import { ResidentResolver } from './resolvers/resident.resolver';
import { StreetResolver } from './resolvers/street.resolver';
import { VisitResolver } from './resolvers/visit.resolver';

import { accessRecordsResolver } from '../../lib/audit/access-query';

export const GRID_RESOLVERS: NonEmptyArray<Function> = [
  accessRecordsResolver('gridPersonalDataAccesses', '网格与实有人口（居民、网格员）'),
  StreetResolver, CommunityResolver, GridResolver, BuildingResolver, BuildingGridPeriodResolver,
  HouseholdResolver, ResidentResolver, GridWorkerResolver, GridAssignmentResolver, VisitResolver, GridCardResolver,
  RecordChangeResolver, ResidentChangesResolver, HouseholdChangesResolver, BuildingChangesResolver, AccessTerritoryResolver,
];

/**
 * Every entity of this subgraph resolves its federation references through a batching loader.
 * The map is for signed-in callers; people records resolve only within the viewer's scope
 * (null outside it), checked for the whole batch at once.
 */
const byId = (loader: keyof GridLoaders) => ({
  __resolveReference: (reference: { id: string }, ctx: GridContext) => {
    requireSignedIn(ctx.viewer, 'reading the grid map');
    return (ctx.loaders[loader] as { load(id: string): Promise<unknown> }).load(reference.id);
  },
});

export const GRID_REFERENCES: ReferenceResolvers = {
  Street: byId('street'),
  Community: byId('community'),
  Grid: byId('grid'),
  Building: byId('building'),
  Household: byId('visibleHousehold'),
  Resident: byId('visibleResident'),
  GridWorker: byId('worker'),
  GridAssignment: byId('assignment'),
  Visit: byId('visibleVisit'),
};

export async function buildGridSchema() {
  return requireSignInOnRootFields(await buildFederatedSchema({ resolvers: GRID_RESOLVERS }, GRID_REFERENCES), PUBLIC_QUERIES);
}
