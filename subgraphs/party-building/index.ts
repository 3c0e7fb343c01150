import 'reflect-metadata';
import path from 'node:path';
import { runStandalone, type SubgraphDefinition } from '../../lib/subgraph-server';
import { seedPartyDemo } from './demo-data';
import { PARTY_ENTITIES } from './entities';
import { createPartyLoaders, type PartyLoaders } from './context';
import { buildPartySchema } from './schema';

/** 党建 — the organisation department's service. */
export const partyBuildingSubgraph: SubgraphDefinition<PartyLoaders> = {
  name: 'party-building',
  entities: PARTY_ENTITIES,
  migrationsPath: path.join(__dirname, 'migrations'),
  buildSchema: buildPartySchema,
  createLoaders: createPartyLoaders,
  seedDemo: seedPartyDemo,
  appendOnlyTables: ['personal_data_access'],
};

if (require.main === module) runStandalone(partyBuildingSubgraph);
