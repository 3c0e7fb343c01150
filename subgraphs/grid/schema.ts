import type { NonEmptyArray } from 'type-graphql';
import { buildFederatedSchema, type ReferenceResolvers } from '../../lib/federation';
import { PUBLIC_QUERIES } from './access';
import { requireSignInOnRootFields } from '../../lib/auth/sign-in-guard';
import { accessRecordsResolver } from '../../lib/audit/access-query';
import { AccessTerritoryResolver } from './access-territory/access-territory.resolver';
import { BuildingResolver } from './grid/building.resolver';
import { BuildingGridPeriodResolver } from './grid/building-grid-period.resolver';
import { CommunityResolver } from './community/community.resolver';
import { GridAssignmentResolver } from './worker/grid-assignment.resolver';
import { GridCardResolver } from './grid/grid-card.resolver';
import { GridWorkerResolver } from './worker/grid-worker.resolver';
import { GridResolver } from './grid/grid.resolver';
import { HouseholdResolver } from './household/household.resolver';
import {
  BuildingChangesResolver,
  HouseholdChangesResolver,
  RecordChangeResolver,
  ResidentChangesResolver,
} from './record-change/record-change.resolver';
import { ResidentResolver } from './resident/resident.resolver';
import { StreetResolver } from './street/street.resolver';
import { VisitResolver } from './visit/visit.resolver';
import { streetReference } from './street/street.reference';
import { communityReference } from './community/community.reference';
import { gridReference } from './grid/grid.reference';
import { householdReference } from './household/household.reference';
import { residentReference } from './resident/resident.reference';
import { gridWorkerReference } from './worker/grid-worker.reference';
import { visitReference } from './visit/visit.reference';

export const GRID_RESOLVERS: NonEmptyArray<Function> = [
  accessRecordsResolver('gridPersonalDataAccesses', '网格与实有人口（居民、网格员）'),
  StreetResolver,
  CommunityResolver,
  GridResolver,
  BuildingResolver,
  BuildingGridPeriodResolver,
  HouseholdResolver,
  ResidentResolver,
  GridWorkerResolver,
  GridAssignmentResolver,
  VisitResolver,
  GridCardResolver,
  RecordChangeResolver,
  ResidentChangesResolver,
  HouseholdChangesResolver,
  BuildingChangesResolver,
  AccessTerritoryResolver,
];

/**
 * Every entity of this subgraph resolves its federation references through a batching loader,
 * for signed-in callers; people records resolve only within the viewer's scope (null outside it).
 */
export const GRID_REFERENCES: ReferenceResolvers = {
  ...streetReference,
  ...communityReference,
  ...gridReference,
  ...householdReference,
  ...residentReference,
  ...gridWorkerReference,
  ...visitReference,
};

export async function buildGridSchema() {
  return requireSignInOnRootFields(
    await buildFederatedSchema({ resolvers: GRID_RESOLVERS }, GRID_REFERENCES),
    PUBLIC_QUERIES,
  );
}
