import 'reflect-metadata';
import path from 'node:path';
import { runStandalone, type SubgraphDefinition } from '../../lib/subgraph-server';
import { seedServicesDemo } from './demo-data';
import { SERVICES_ENTITIES } from './entities';
import { createServicesLoaders, type ServicesLoaders } from './context';
import { buildServicesSchema } from './schema';

/** 事项清单与诉求 — civil affairs and the governance service centre's service. */
export const servicesSubgraph: SubgraphDefinition<ServicesLoaders> = {
  name: 'services',
  entities: SERVICES_ENTITIES,
  migrationsPath: path.join(__dirname, 'migrations'),
  buildSchema: buildServicesSchema,
  createLoaders: createServicesLoaders,
  seedDemo: seedServicesDemo,
  appendOnlyTables: ['case_event'],
};

if (require.main === module) runStandalone(servicesSubgraph);
