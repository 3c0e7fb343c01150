import { equalTo, type SqlParameter } from '../../../lib/sql-rows';
import type { VisitFilter } from './visit.inputs';

/** The filter as SQL conditions on grid.visit, each value written through `parameter`; a period includes its start, not its end. */
export function visitConditions(filter: VisitFilter, parameter: SqlParameter): string[] {
  const conditions = equalTo(parameter, { grid_id: filter.gridId, worker_id: filter.workerId, duty: filter.duty });
  if (filter.from) conditions.push(`"visited_at" >= ${parameter(filter.from)}`);
  if (filter.to) conditions.push(`"visited_at" < ${parameter(filter.to)}`);
  return conditions;
}
