import 'reflect-metadata';
import path from 'node:path';
import { runStandalone, type SubgraphDefinition } from '../../lib/subgraph-server';
import { seedGridDemo } from './demo-data';
import { GRID_ENTITIES } from './entities';
import { createGridLoaders, type GridLoaders } from './loaders';
import { buildGridSchema } from './schema';

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
