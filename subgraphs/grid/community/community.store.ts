import { equalTo, type SqlParameter } from '../../../lib/sql-rows';

/** The communities list's filter as SQL conditions on grid.community (see grid/grid.store.ts). */
export function communityConditions(filter: { streetId?: string; status?: string }, parameter: SqlParameter): string[] {
  return equalTo(parameter, { street_id: filter.streetId, status: filter.status });
}
