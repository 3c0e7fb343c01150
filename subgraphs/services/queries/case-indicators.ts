import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseState, OPEN_STATES, Satisfaction } from '../domain/case-state-machine';
import type { Period } from '../domain/indicator-period';
import type { CaseScope } from '../access';
import { applyCaseScope } from './case-scope';

/**
 * 综合评价: the figures departments report, counted by PostgreSQL in one grouped statement over
 * the cases reported in the period (days in Asia/Shanghai). Nothing is loaded into memory.
 */
export enum IndicatorGrouping {
  STREET = 'STREET',
  COMMUNITY = 'COMMUNITY',
  GRID = 'GRID',
  DEPARTMENT = 'DEPARTMENT',
  CATEGORY = 'CATEGORY',
}

const GROUP_COLUMN: Record<IndicatorGrouping, string> = {
  STREET: 'street_id',
  COMMUNITY: 'community_id',
  GRID: 'grid_id',
  DEPARTMENT: 'department',
  CATEGORY: 'category',
};

export interface IndicatorCounts {
  key: string;
  received: number;
  accepted: number;
  closed: number;
  closedOnTime: number;
  reworked: number;
  rated: number;
  satisfied: number;
  overdueNow: number;
  averageHandlingHours: number | null;
}

export function emptyCounts(key: string): IndicatorCounts {
  return { key, received: 0, accepted: 0, closed: 0, closedOnTime: 0, reworked: 0, rated: 0, satisfied: 0, overdueNow: 0, averageHandlingHours: null };
}

/** Narrowing a caller asked for: one street, community, grid or department. */
export interface IndicatorNarrowing {
  streetId?: string | null;
  communityId?: string | null;
  gridId?: string | null;
  department?: string | null;
}

export async function countIndicators(
  em: EntityManager,
  options: {
    grouping: IndicatorGrouping; period: Period; now: Date; keys?: readonly string[];
    /** The cases the viewer may see (access.ts): figures are counted over these only. */
    scope: CaseScope;
    narrow?: IndicatorNarrowing;
  },
): Promise<IndicatorCounts[]> {
  const column = GROUP_COLUMN[options.grouping];
  const knex = em.getKnex();
  const open = OPEN_STATES.map(() => '?').join(', ');
  const query = knex('services.service_case')
    .select(knex.raw(`??::text as key`, [column]))
    .select(knex.raw(
      `count(*)::int as received,
       count(*) filter (where accepted_at is not null)::int as accepted,
       count(*) filter (where state = ?)::int as closed,
       count(*) filter (where state = ? and resolved_at <= deadline)::int as closed_on_time,
       count(*) filter (where reopen_count > 0)::int as reworked,
       count(*) filter (where satisfaction is not null)::int as rated,
       count(*) filter (where satisfaction in (?, ?))::int as satisfied,
       count(*) filter (where deadline < ? and state in (${open}))::int as overdue_now,
       (avg(extract(epoch from closed_at - reported_at)) filter (where state = ?)) / 3600 as average_handling_hours`,
      [
        CaseState.CLOSED, CaseState.CLOSED, Satisfaction.SATISFIED, Satisfaction.BASIC,
        options.now, ...OPEN_STATES, CaseState.CLOSED,
      ],
    ))
    .groupBy(column)
    .orderBy(column);
  if (options.keys) query.whereIn(column, [...options.keys]);
  applyCaseScope(query, options.scope);
  const narrow = options.narrow ?? {};
  if (narrow.streetId) query.where('street_id', narrow.streetId);
  if (narrow.communityId) query.where('community_id', narrow.communityId);
  if (narrow.gridId) query.where('grid_id', narrow.gridId);
  if (narrow.department) query.where('department', narrow.department);
  if (options.period.from) {
    query.whereRaw(`reported_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'`, [options.period.from]);
  }
  if (options.period.to) {
    query.whereRaw(`reported_at < (?::date + 1)::timestamp at time zone 'Asia/Shanghai'`, [options.period.to]);
  }
  const rows: Array<Record<string, any>> = await query;
  return rows.map((row) => ({
    key: row.key,
    received: row.received,
    accepted: row.accepted,
    closed: row.closed,
    closedOnTime: row.closed_on_time,
    reworked: row.reworked,
    rated: row.rated,
    satisfied: row.satisfied,
    overdueNow: row.overdue_now,
    averageHandlingHours: row.average_handling_hours === null ? null : Number(row.average_handling_hours),
  }));
}
