import 'reflect-metadata';
import path from 'node:path';
import { runStandalone, type SubgraphDefinition } from '../../lib/subgraph-server';
import { seedCoBuildingDemo } from './demo-data';
import { Pairing } from './entities/pairing';
import { Unit } from './entities/unit';
import { createCoBuildingLoaders, type CoBuildingLoaders } from './loaders';
import { buildCoBuildingSchema } from './schema';

/** 共建共治与双报到 — the organs' working committee's service. */
export const coBuildingSubgraph: SubgraphDefinition<CoBuildingLoaders> = {
  name: 'co-building',
  entities: [Unit, Pairing],
  migrationsPath: path.join(__dirname, 'migrations'),
  buildSchema: buildCoBuildingSchema,
  createLoaders: createCoBuildingLoaders,
  seedDemo: seedCoBuildingDemo,
};

if (require.main === module) runStandalone(coBuildingSubgraph);
