import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { createAccessLog } from '../../lib/audit/access-log';
import { byIdLoader, byUniqueLoader, childPageLoader, childrenLoader } from '../../lib/loaders';
import { isId } from '../../lib/ids';
import { sqlRows } from '../../lib/sql-rows';
import { columnsOf, readOnlyMapper, readOnlyRowsIn } from '../../lib/read-only-entities';
import { byTeamRole } from './worker/grid-assignment.rules';
import { createPeopleScope } from './shared/people-scope';
import { AssignmentRole } from './shared/enums';
import { Building } from './grid/building.entity';
import { BuildingGridPeriod } from './grid/building-grid-period.entity';
import { Community } from './community/community.entity';
import { Grid } from './grid/grid.entity';
import { GridAssignment } from './worker/grid-assignment.entity';
import { GridChange } from './grid/grid-change.entity';
import { GridWorker } from './worker/grid-worker.entity';
import { Household } from './household/household.entity';
import { RecordChange } from './record-change/record-change.entity';
import { Resident } from './resident/resident.entity';
import { Street } from './street/street.entity';
import { Visit } from './visit/visit.entity';

/**
 * Children of one parent that are few enough to return whole (a grid's current team). The keys go
 * as a set: the assignments are read whole (about three a grid), and as `= any($1)` the statement
 * was planned on every call for a community's nine grids.
 */
function activeAssignmentsBy(em: EntityManager, property: 'grid' | 'worker') {
  return new DataLoader<string, GridAssignment[]>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length
      ? await readOnlyRowsIn(em, GridAssignment, property, valid, {
          where: { endedAt: null },
          orderBy: { startedAt: 'asc', id: 'asc' },
          asSet: true,
        })
      : [];
    rows.sort((a, b) => byTeamRole(a.role, b.role));
    return ids.map((id) => rows.filter((row) => row[property].id === id));
  });
}

const gridsOfWorkers = (
  em: EntityManager,
) => `select ${columnsOf(em, Grid, 'g')}, a.worker_id as assigned_worker_id, a.role as assigned_role
  from grid.grid_assignment a join grid.grid g on g.id = a.grid_id
  where a.worker_id = any($1) and a.ended_at is null order by a.started_at, a.id`;

/**
 * The grids each worker currently serves, in the order of their assignments (as
 * activeAssignmentsBy lists them), in one statement: a worker's home needs the grids, not the
 * assignments, and a look-up of the grids after the assignments would be one more round trip.
 * The grids are not primed into the by-id loader: whether a look-up by id came before or after
 * this statement answered would make the number of statements depend on timing.
 */
function gridsOfWorkerLoader(em: EntityManager) {
  return new DataLoader<string, Grid[]>(async (workerIds) => {
    const valid = workerIds.filter(isId);
    const rows = valid.length ? await sqlRows(em, { text: gridsOfWorkers(em), values: [valid], prepared: true }) : [];
    rows.sort((a, b) => byTeamRole(a.assigned_role as AssignmentRole, b.assigned_role as AssignmentRole));
    const read = readOnlyMapper(em, Grid);
    const grids = rows.map((row) => ({ workerId: row.assigned_worker_id, grid: read(row) }));
    return workerIds.map((id) => grids.filter((entry) => entry.workerId === id).map((entry) => entry.grid));
  });
}

/** Entities by id, kept only where the viewer may see them: null otherwise (federation references). */
function visibleOnly<T extends { id: string }>(
  loader: DataLoader<string, T | null>,
  visible: (row: T) => boolean | Promise<boolean>,
) {
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
    gridsOfWorker: gridsOfWorkerLoader(em),
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
    householdsOfBuilding: childPageLoader(em, Household, {
      table: 'grid.household',
      parentColumn: 'building_id',
      where: people.householdRows,
    }),
    residentsOfHousehold: childPageLoader(em, Resident, {
      table: 'grid.resident',
      parentColumn: 'household_id',
      where: people.residentRows,
    }),
    visitsOfGrid: childPageLoader(em, Visit, { table: 'grid.visit', parentColumn: 'grid_id', where: people.visitRows }),
    visitsOfWorker: childPageLoader(em, Visit, {
      table: 'grid.visit',
      parentColumn: 'worker_id',
      where: people.visitRows,
    }),
    householdCountOfBuilding: keptHouseholdCount(em, 'building'),
    householdCountOfGrid: keptHouseholdCount(em, 'grid'),
    activeAssignmentsOfGrid: activeAssignmentsBy(em, 'grid'),
    activeAssignmentsOfWorker: activeAssignmentsBy(em, 'worker'),
    assignmentHistoryOfWorker: new DataLoader<string, GridAssignment[]>(async (ids) => {
      const rows = await em.find(
        GridAssignment,
        { worker: { $in: ids.filter(isId) } },
        { orderBy: { startedAt: 'asc', id: 'asc' } },
      );
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

/**
 * The household count kept on a grid's or building's row (by triggers), for one loaded for a
 * write, which does not carry it; rows read for display carry it and need no statement.
 */
function keptHouseholdCount(em: EntityManager, table: 'grid' | 'building') {
  const text = `select id, household_count from grid.${table} where id = any($1)`;
  return new DataLoader<string, number>(async (ids) => {
    const rows = await sqlRows<{ id: string; household_count: number }>(em, {
      text,
      values: [ids.filter(isId)],
      prepared: true,
    });
    const counts = new Map(rows.map((row) => [row.id, row.household_count]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

export type GridLoaders = ReturnType<typeof createGridLoaders>;
export type GridContext = SubgraphContext<GridLoaders>;
