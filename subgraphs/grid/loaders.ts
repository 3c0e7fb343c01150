import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { createAccessLog } from '../../lib/audit/access-log';
import { byIdLoader, byUniqueLoader, childPageLoader, childrenLoader, countByParentLoader } from '../../lib/loaders';
import { isId } from '../../lib/ids';
import { createPeopleScope } from './people-scope';
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

/** Entities by id, kept only where the viewer may see them: null otherwise (federation references). */
function visibleOnly<T extends { id: string }>(loader: DataLoader<string, T | null>, visible: (row: T) => boolean | Promise<boolean>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await loader.loadMany(ids);
    return Promise.all(rows.map(async (row) => (row && !(row instanceof Error) && (await visible(row)) ? row : null)));
  });
}

export function createGridLoaders(em: EntityManager, viewer: Viewer) {
  const people = createPeopleScope(em, viewer);
  const household = byIdLoader(em, Household);
  const resident = byIdLoader(em, Resident);
  const visit = byIdLoader(em, Visit);
  return {
    accessLog: createAccessLog(em, viewer),
    people,
    visibleResident: visibleOnly(resident, (row) => people.residentVisible(row.id)),
    visibleHousehold: visibleOnly(household, (row) => people.householdVisible(row.id)),
    visibleVisit: visibleOnly(visit, (row) => people.visitVisible(row)),
    street: byIdLoader(em, Street),
    community: byIdLoader(em, Community),
    grid: byIdLoader(em, Grid),
    building: byIdLoader(em, Building),
    household,
    resident,
    worker: byIdLoader(em, GridWorker),
    assignment: byIdLoader(em, GridAssignment),
    visit,
    streetByCode: byUniqueLoader(em, Street, 'code'),
    communityByCode: byUniqueLoader(em, Community, 'code'),
    gridByCode: byUniqueLoader(em, Grid, 'code'),
    buildingByCode: byUniqueLoader(em, Building, 'code'),
    communitiesOfStreet: childPageLoader(em, Community, { table: 'grid.community', parentColumn: 'street_id' }),
    gridsOfCommunity: childPageLoader(em, Grid, { table: 'grid.grid', parentColumn: 'community_id' }),
    buildingsOfGrid: childPageLoader(em, Building, { table: 'grid.building', parentColumn: 'grid_id' }),
    // People lists under the map carry the viewer's scope into their SQL (pages and counts alike).
    householdsOfBuilding: childPageLoader(em, Household, { table: 'grid.household', parentColumn: 'building_id', where: people.householdRows }),
    residentsOfHousehold: childPageLoader(em, Resident, { table: 'grid.resident', parentColumn: 'household_id', where: people.residentRows }),
    visitsOfGrid: childPageLoader(em, Visit, { table: 'grid.visit', parentColumn: 'grid_id', where: people.visitRows }),
    visitsOfWorker: childPageLoader(em, Visit, { table: 'grid.visit', parentColumn: 'worker_id', where: people.visitRows }),
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
