import type { Database } from '../../lib/database';
import { generateCoBuilding } from './co-building';
import { generateGridDistrict, type GridDistrict } from './grid-district';
import { generatePartyBuilding, type PartyDistrict } from './party-building';
import type { Progress } from './progress';
import type { Scale } from './scales';
import { generateServices } from './services';
import { planUnits, type PlannedUnit } from './units';

export interface GeneratedDistrict {
  grid: GridDistrict;
  party: PartyDistrict;
  units: PlannedUnit[];
  cases: number;
  pledges: number;
}

/**
 * A whole district, each subgraph's part written through that subgraph's own database: the grid
 * part first (everything else refers to its streets, communities, grids and residents), then
 * party-building (members are residents, in-service ones work in the planned units), services,
 * and co-building (reports and pledges are the in-service members').
 */
/** The open database of one subgraph; every subgraph's is opened before generating. */
export function databaseOf(databases: Record<string, Database>, name: string): Database {
  const database = databases[name];
  if (!database) throw new Error(`the ${name} database is not open`);
  return database;
}

export async function generateDistrict(
  databases: Record<string, Database>,
  scale: Scale,
  seed: number,
  progress: Progress,
): Promise<GeneratedDistrict> {
  const grid = await generateGridDistrict(databaseOf(databases, 'grid').orm, scale, seed, progress);
  const units = planUnits(scale, seed, grid.communities);
  const party = await generatePartyBuilding(
    databaseOf(databases, 'party-building').orm,
    scale,
    seed,
    progress,
    grid,
    units,
  );
  const services = await generateServices(databaseOf(databases, 'services').orm, scale, seed, progress, grid);
  const coBuilding = await generateCoBuilding(
    databaseOf(databases, 'co-building').orm,
    scale,
    seed,
    progress,
    grid,
    party,
    units,
  );
  return { grid, party, units, cases: services.cases, pledges: coBuilding.pledges };
}
