import 'reflect-metadata';
import path from 'node:path';
import { runStandalone, type SubgraphDefinition } from '../../lib/subgraph-server';
import { seedGridDemo } from './demo-data';
import { PersonalDataAccess } from '../../lib/audit/personal-data-access';
import { createGridLoaders, type GridLoaders } from './context';
import { buildGridSchema } from './schema';
import { Street } from './street/street.entity';
import { Community } from './community/community.entity';
import { Grid } from './grid/grid.entity';
import { Building } from './grid/building.entity';
import { BuildingGridPeriod } from './grid/building-grid-period.entity';
import { GridChange } from './grid/grid-change.entity';
import { Household } from './household/household.entity';
import { Resident } from './resident/resident.entity';
import { GridWorker } from './worker/grid-worker.entity';
import { GridAssignment } from './worker/grid-assignment.entity';
import { Visit } from './visit/visit.entity';
import { RecordChange } from './record-change/record-change.entity';

export const GRID_ENTITIES = [
  PersonalDataAccess,
  Street,
  Community,
  Grid,
  Building,
  BuildingGridPeriod,
  Household,
  Resident,
  GridWorker,
  GridAssignment,
  Visit,
  GridChange,
  RecordChange,
];

/** 网格与实有人口 — the governance office's service. */
export const gridSubgraph: SubgraphDefinition<GridLoaders> = {
  name: 'grid',
  entities: GRID_ENTITIES,
  migrationsPath: path.join(__dirname, 'migrations'),
  buildSchema: buildGridSchema,
  createLoaders: createGridLoaders,
  seedDemo: seedGridDemo,
  appendOnlyTables: ['personal_data_access'],
};

if (require.main === module) runStandalone(gridSubgraph);
