import type { SqlParameter } from '../../../lib/sql-rows';
import { OPEN_STATES, type CaseState } from '../domain/case-state-machine';

/** The filters every list of cases takes, as SQL on services.service_case. */
export interface CaseFilter {
  state?: CaseState | null;
  /** true: past the deadline and still open; false: everything else. */
  overdue?: boolean | null;
}

export function filterKey(filter: CaseFilter): string {
  return `${filter.state ?? ''}|${filter.overdue ?? ''}`;
}

/**
 * The filter as SQL conditions on services.service_case, all required, each value written
 * through `parameter` (which returns its placeholder). `now` decides what is overdue.
 */
export function caseFilterConditions(filter: CaseFilter, now: Date, parameter: SqlParameter): string[] {
  const conditions: string[] = [];
  if (filter.state) conditions.push(`"state" = ${parameter(filter.state)}`);
  if (filter.overdue === true || filter.overdue === false) {
    const overdue = `"deadline" is not null and "deadline" < ${parameter(now)} and "state" = any(${parameter([...OPEN_STATES])})`;
    conditions.push(filter.overdue ? overdue : `not (${overdue})`);
  }
  return conditions;
}
