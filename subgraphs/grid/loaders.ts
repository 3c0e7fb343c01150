import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { createAccessLog } from '../../lib/audit/access-log';
import { byIdLoader, byUniqueLoader, childPageLoader, childrenLoader, countByParentLoader } from '../../lib/loaders';
import { isId } from '../../lib/ids';
import {
  AssignmentRole, Building, BuildingGridPeriod, Community, Grid, GridAssignment, GridChange, GridWorker, Household, RecordChange, Resident,
  Street, Visit,
} from './entities';

/** A grid's team is listed chief first, then full-time, part-time and coordinators (1+1+N). */
const ROLE_ORDER = [AssignmentRole.GRID_CHIEF, AssignmentRole.FULL_TIME, AssignmentRole.PART_TIME, AssignmentRole.COORDINATOR];

/** Children of one parent that are few enough to return whole (a grid's current team). */
function activeAssignmentsBy(em: EntityManager, property: 'grid' | 'worker') {
  return new DataLoader<string, GridAssignment[]>(async (ids) => {
    const rows = await em.find(
      GridAssignment,
      { [property]: { $in: ids.filter(isId) }, endedAt: null },
      { orderBy: { startedAt: 'asc', id: 'asc' } },
    );
    rows.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
    return ids.map((id) => rows.filter((row) => row[property].id === id));
  });
}

export function createGridLoaders(em: EntityManager, viewer: Viewer) {
  return {
    accessLog: createAccessLog(em, viewer),
    street: byIdLoader(em, Street),
    community: byIdLoader(em, Community),
    grid: byIdLoader(em, Grid),
    building: byIdLoader(em, Building),
    household: byIdLoader(em, Household),
    resident: byIdLoader(em, Resident),
    worker: byIdLoader(em, GridWorker),
    assignment: byIdLoader(em, GridAssignment),
    visit: byIdLoader(em, Visit),
    streetByCode: byUniqueLoader(em, Street, 'code'),
    communityByCode: byUniqueLoader(em, Community, 'code'),
    gridByCode: byUniqueLoader(em, Grid, 'code'),
    buildingByCode: byUniqueLoader(em, Building, 'code'),
    communitiesOfStreet: childPageLoader(em, Community, { table: 'grid.community', parentColumn: 'street_id' }),
    gridsOfCommunity: childPageLoader(em, Grid, { table: 'grid.grid', parentColumn: 'community_id' }),
    buildingsOfGrid: childPageLoader(em, Building, { table: 'grid.building', parentColumn: 'grid_id' }),
    householdsOfBuilding: childPageLoader(em, Household, { table: 'grid.household', parentColumn: 'building_id' }),
    residentsOfHousehold: childPageLoader(em, Resident, { table: 'grid.resident', parentColumn: 'household_id' }),
    visitsOfGrid: childPageLoader(em, Visit, { table: 'grid.visit', parentColumn: 'grid_id' }),
    visitsOfWorker: childPageLoader(em, Visit, { table: 'grid.visit', parentColumn: 'worker_id' }),
    householdCountOfBuilding: countByParentLoader(em, 'grid.household', 'building_id'),
    householdCountOfGrid: householdCountOfGrid(em),
    activeAssignmentsOfGrid: activeAssignmentsBy(em, 'grid'),
    activeAssignmentsOfWorker: activeAssignmentsBy(em, 'worker'),
    assignmentHistoryOfWorker: new DataLoader<string, GridAssignment[]>(async (ids) => {
      const rows = await em.find(GridAssignment, { worker: { $in: ids.filter(isId) } }, { orderBy: { startedAt: 'asc', id: 'asc' } });
      return ids.map((id) => rows.filter((row) => row.worker.id === id));
    }),
    // Record ids are UUIDs, unique across residents, households and buildings.
    changesOfRecord: childPageLoader(em, RecordChange, { table: 'grid.record_change', parentColumn: 'entity_id' }),
    buildingPeriods: childrenLoader(em, BuildingGridPeriod, 'building', { since: 'asc', id: 'asc' }),
    changesOfGrid: new DataLoader<string, GridChange[]>(async (ids) => {
      const valid = ids.filter(isId);
      const rows = await em.find(
        GridChange,
        { $or: [{ fromGridIds: { $overlap: valid } }, { toGridIds: { $overlap: valid } }] },
        { orderBy: { occurredAt: 'asc', id: 'asc' } },
      );
      return ids.map((id) => rows.filter((row) => row.fromGridIds.includes(id) || row.toGridIds.includes(id)));
    }),
  };
}

function householdCountOfGrid(em: EntityManager) {
  return new DataLoader<string, number>(async (gridIds) => {
    const valid = gridIds.filter(isId);
    if (!valid.length) return gridIds.map(() => 0);
    const rows: Array<{ grid_id: string; n: string }> = await em
      .getKnex()('grid.household as h')
      .join('grid.building as b', 'b.id', 'h.building_id')
      .whereIn('b.grid_id', valid)
      .groupBy('b.grid_id')
      .select('b.grid_id')
      .count({ n: '*' });
    const counts = new Map(rows.map((row) => [row.grid_id, Number(row.n)]));
    return gridIds.map((id) => counts.get(id) ?? 0);
  });
}

export type GridLoaders = ReturnType<typeof createGridLoaders>;
export type GridContext = SubgraphContext<GridLoaders>;
