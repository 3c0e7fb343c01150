import { equalTo, type SqlParameter } from '../../../lib/sql-rows';

/** Workers by kind, on duty or not, and serving a grid now (an assignment not ended). */
export function workerConditions(
  filter: { kind?: string; active?: boolean | null; gridId?: string },
  parameter: SqlParameter,
): string[] {
  const conditions = equalTo(parameter, { kind: filter.kind, active: filter.active });
  if (filter.gridId) {
    conditions.push(
      `"id" in (select "worker_id" from "grid"."grid_assignment" where "grid_id" = ${parameter(filter.gridId)} and "ended_at" is null)`,
    );
  }
  return conditions;
}
