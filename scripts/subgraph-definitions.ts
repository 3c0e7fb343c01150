import type { SubgraphDefinition } from '../lib/subgraph-server';
import { coBuildingSubgraph } from '../subgraphs/co-building';
import { gridSubgraph } from '../subgraphs/grid';
import { partyBuildingSubgraph } from '../subgraphs/party-building';
import { servicesSubgraph } from '../subgraphs/services';

/** The four services, for the scripts that handle all of them (compose, start, seed, migrations). */
export const SUBGRAPH_DEFINITIONS: Record<string, SubgraphDefinition<any>> = {
  grid: gridSubgraph,
  'party-building': partyBuildingSubgraph,
  services: servicesSubgraph,
  'co-building': coBuildingSubgraph,
};

export function definitionOf(name: string): SubgraphDefinition<any> {
  const definition = SUBGRAPH_DEFINITIONS[name];
  if (!definition) {
    throw new Error(`Unknown subgraph "${name}"; one of: ${Object.keys(SUBGRAPH_DEFINITIONS).join(', ')}`);
  }
  return definition;
}
