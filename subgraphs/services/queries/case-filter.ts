import type { Knex } from '@mikro-orm/knex';
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

const OVERDUE_SQL = `(deadline is not null and deadline < ? and state in (${OPEN_STATES.map(() => '?').join(', ')}))`;

export function overdueSql(now: Date): [string, Array<Date | string>] {
  return [OVERDUE_SQL, [now, ...OPEN_STATES]];
}

export function applyCaseFilter(query: Knex.QueryBuilder, filter: CaseFilter, now: Date): Knex.QueryBuilder {
  if (filter.state) query.where('state', filter.state);
  if (filter.overdue === true) query.whereRaw(...overdueSql(now));
  if (filter.overdue === false) query.whereRaw(`not ${OVERDUE_SQL}`, overdueSql(now)[1]);
  return query;
}
