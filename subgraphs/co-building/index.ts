import 'reflect-metadata';
import path from 'node:path';
import { runStandalone, type SubgraphDefinition } from '../../lib/subgraph-server';
import { seedCoBuildingDemo } from './demo-data';
import {
  Demand, DistrictSetting, Evaluation, MemberReport, Pairing, Pledge, Project, Resource, ServiceCategory, ServicePost, Unit, Wish,
} from './entities';
import { createCoBuildingLoaders, type CoBuildingLoaders } from './loaders';
import { buildCoBuildingSchema } from './schema';

/** 共建共治与双报到 — the organs' working committee's service. */
export const coBuildingSubgraph: SubgraphDefinition<CoBuildingLoaders> = {
  name: 'co-building',
  entities: [Unit, Pairing, MemberReport, ServiceCategory, ServicePost, Pledge, Wish, Demand, Resource, Project, Evaluation, DistrictSetting],
  migrationsPath: path.join(__dirname, 'migrations'),
  buildSchema: buildCoBuildingSchema,
  createLoaders: createCoBuildingLoaders,
  seedDemo: seedCoBuildingDemo,
};

if (require.main === module) runStandalone(coBuildingSubgraph);
