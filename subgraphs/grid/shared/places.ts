import type { EntityManager } from '@mikro-orm/postgresql';
import type { Location } from '../../../lib/auth/access';
import { isId } from '../../../lib/ids';
import { sqlRows } from '../../../lib/sql-rows';

/**
 * Where records lie on the map (grid, community, street), read in one prepared statement (a
 * look-up by key), so that a write can be judged against the caller's street or territory before
 * anything is written, and a record read against the caller's territory.
 * Runs on the caller's EntityManager, inside its transaction.
 */
export type PlaceKind = 'street' | 'community' | 'grid' | 'building' | 'household' | 'resident' | 'assignment';

const UP_FROM_GRID = 'join grid.community c on c.id = g.community_id';
const UP_FROM_BUILDING = `join grid.grid g on g.id = b.grid_id ${UP_FROM_GRID}`;
const UP_FROM_HOUSEHOLD = `join grid.building b on b.id = h.building_id ${UP_FROM_BUILDING}`;
const GRID_COLUMNS = 'g.id as grid_id, c.id as community_id, c.street_id';

/** Per kind: the columns of its place, the tables up to the street, and the record's own id column. */
const LOCATE: Record<PlaceKind, { columns: string; from: string; key: string }> = {
  street: { columns: 'null as grid_id, null as community_id, s.id as street_id', from: 'grid.street s', key: 's.id' },
  community: { columns: 'null as grid_id, c.id as community_id, c.street_id', from: 'grid.community c', key: 'c.id' },
  grid: { columns: GRID_COLUMNS, from: `grid.grid g ${UP_FROM_GRID}`, key: 'g.id' },
  building: { columns: GRID_COLUMNS, from: `grid.building b ${UP_FROM_BUILDING}`, key: 'b.id' },
  household: { columns: GRID_COLUMNS, from: `grid.household h ${UP_FROM_HOUSEHOLD}`, key: 'h.id' },
  resident: {
    columns: GRID_COLUMNS,
    from: `grid.resident r join grid.grid g on g.id = r.grid_id ${UP_FROM_GRID}`,
    key: 'r.id',
  },
  assignment: {
    columns: GRID_COLUMNS,
    from: `grid.grid_assignment a join grid.grid g on g.id = a.grid_id ${UP_FROM_GRID}`,
    key: 'a.id',
  },
};

type PlaceRow = { key: string; grid_id: string | null; community_id: string | null; street_id: string };

const toLocation = (row: PlaceRow): Location => ({
  gridId: row.grid_id,
  communityId: row.community_id,
  streetId: row.street_id,
});

/** Where several records of one kind lie (one statement); null for each malformed or unknown id. */
export async function placesOf(
  em: EntityManager,
  kind: PlaceKind,
  ids: readonly string[],
): Promise<Array<Location | null>> {
  const valid = [...new Set(ids.filter(isId))];
  if (!valid.length) return ids.map(() => null);
  const { columns, from, key } = LOCATE[kind];
  const rows = await sqlRows<PlaceRow>(em, {
    text: `select ${key} as key, ${columns} from ${from} where ${key} = any($1)`,
    values: [valid],
    prepared: true,
  });
  const byId = new Map(rows.map((row) => [row.key, toLocation(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function placeOf(em: EntityManager, kind: PlaceKind, id: string): Promise<Location | null> {
  const [place] = await placesOf(em, kind, [id]);
  return place ?? null;
}

/** The grids a worker currently serves, each with its community and street. */
export async function placesOfWorker(em: EntityManager, workerId: string): Promise<Location[]> {
  if (!isId(workerId)) return [];
  const rows = await sqlRows<PlaceRow>(em, {
    text: `select a.worker_id as key, ${GRID_COLUMNS} from grid.grid_assignment a
       join grid.grid g on g.id = a.grid_id ${UP_FROM_GRID} where a.worker_id = $1 and a.ended_at is null`,
    values: [workerId],
    prepared: true,
  });
  return rows.map(toLocation);
}
