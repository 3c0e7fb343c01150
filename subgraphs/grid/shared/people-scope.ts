import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Location } from '../../../lib/auth/access';
import type { SqlParameter } from '../../../lib/sql-rows';
import type { Viewer } from '../../../lib/viewer';
import { householdInScope, peopleScope, residentInScope, visitInScope, type PeopleScope } from '../access';
import type { Visit } from '../visit/visit.entity';
import { placesOf } from './places';

/**
 * The request's view of people records (access.ts says who sees what): conditions that lists
 * add to their SQL, so pages and totalCount hold only what the viewer may see, and batched
 * checks of single records, so a page of 50 costs the same statements as a page of 5.
 */
export function createPeopleScope(em: EntityManager, viewer: Viewer) {
  const scope: PeopleScope = peopleScope(viewer);
  const gridIds = scope.kind === 'GRIDS' ? [...scope.gridIds] : [];
  const placesLoader = (kind: 'resident' | 'household') =>
    new DataLoader<string, Location | null>((ids) => placesOf(em, kind, ids));
  const residentPlaces = placesLoader('resident');
  const householdPlaces = placesLoader('household');

  // Only a resident's scope needs their household; looked up once per request, when asked.
  let own: Promise<string | null> | undefined;
  const ownHouseholdId = (): Promise<string | null> => {
    if (scope.kind !== 'SELF') return Promise.resolve(null);
    own ??= em
      .execute<Array<{ household_id: string }>>('select household_id from grid.resident where id = ?', [
        scope.residentId,
      ])
      .then((rows) => rows[0]?.household_id ?? null);
    return own;
  };

  /** Only a territorial viewer's decision depends on where a record is: no look-up for anyone else. */
  const gridOf = async (places: DataLoader<string, Location | null>, id: string) =>
    scope.kind === 'GRIDS' ? ((await places.load(id))?.gridId ?? null) : null;

  // Records that came from a list filtered by this scope are visible by construction: their
  // field checks (phone, care tags) need no look-up of where they are.
  const listedResidents = new Set<string>();
  const listedHouseholds = new Set<string>();
  const remember = <P extends { nodes: Array<{ id: string }> }>(listed: Set<string>, page: P): P => {
    for (const node of page.nodes) listed.add(node.id);
    return page;
  };

  return {
    scope,
    ownHouseholdId,

    residentVisible: async (id: string) =>
      listedResidents.has(id) || residentInScope(viewer, { id, gridId: await gridOf(residentPlaces, id) }),
    householdVisible: async (id: string) =>
      listedHouseholds.has(id) ||
      householdInScope(viewer, { id, gridId: await gridOf(householdPlaces, id) }, await ownHouseholdId()),
    /** A page of residents read through residentRows: passed through, its rows remembered as visible. */
    listedResidents: <P extends { nodes: Array<{ id: string }> }>(page: P) => remember(listedResidents, page),
    /** The same for households read through householdRows. */
    listedHouseholds: <P extends { nodes: Array<{ id: string }> }>(page: P) => remember(listedHouseholds, page),
    visitVisible: (visit: Visit) => visitInScope(viewer, { gridId: visit.grid.id }),

    /**
     * Lists of people records, root lists (lib/pagination.ts paginate) and child pages (a
     * household's residents, a building's households, visits; lib/loaders.ts childPageLoader's
     * `where`): the scope as SQL conditions on the list's table, to AND with its own filters.
     */
    residentRows(_filter: unknown, parameter: SqlParameter): string[] {
      if (scope.kind === 'GRIDS') return [`"grid_id" = any(${parameter(gridIds)})`];
      if (scope.kind === 'SELF') return [`"id" = ${parameter(scope.residentId)}`];
      return scope.kind === 'NONE' ? ['false'] : [];
    },
    householdRows(_filter: unknown, parameter: SqlParameter): string[] {
      if (scope.kind === 'GRIDS')
        return [`"building_id" in (select "id" from "grid"."building" where "grid_id" = any(${parameter(gridIds)}))`];
      if (scope.kind === 'SELF')
        return [`"id" in (select "household_id" from "grid"."resident" where "id" = ${parameter(scope.residentId)})`];
      return scope.kind === 'NONE' ? ['false'] : [];
    },
    visitRows(_filter: unknown, parameter: SqlParameter): string[] {
      if (scope.kind === 'GRIDS') return [`"grid_id" = any(${parameter(gridIds)})`];
      return scope.kind === 'DISTRICT' ? [] : ['false'];
    },
  };
}

export type PeopleScopeOfRequest = ReturnType<typeof createPeopleScope>;
