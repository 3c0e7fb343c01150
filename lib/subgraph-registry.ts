/**
 * The four departments' services: their names, default ports and database schemas.
 * The gateway, the composition script and the start-up script read this list; a subgraph
 * reads only its own entry.
 */
export interface SubgraphEntry {
  name: string;
  /** PostgreSQL schema that holds this subgraph's tables when a shared database is configured. */
  schema: string;
  defaultPort: number;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: 'grid', schema: 'grid', defaultPort: 4001 },
  { name: 'party-building', schema: 'party_building', defaultPort: 4002 },
  { name: 'services', schema: 'services', defaultPort: 4003 },
  { name: 'co-building', schema: 'co_building', defaultPort: 4004 },
];

export function subgraphEntry(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`Unknown subgraph "${name}"`);
  return entry;
}
