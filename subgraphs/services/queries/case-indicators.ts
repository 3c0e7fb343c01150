import type { Knex } from '@mikro-orm/knex';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseState, Satisfaction } from '../domain/case-state-machine';
import { OPEN_STATE_CONDITION } from '../entities/service-case';
import { indicatorSources, type IndicatorSources } from '../domain/indicator-months';
import type { Period } from '../domain/indicator-period';
import type { CaseScope } from '../access';
import { applyCaseScope } from './case-scope';
import { sqlRows, statementOf, whereAnyOf } from '../../../lib/sql-rows';

/**
 * 综合评价: the figures departments report, over the cases reported in the period (days in
 * Asia/Shanghai), summed by PostgreSQL in one statement. Nothing is loaded into memory.
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

interface CountOptions {
  grouping: IndicatorGrouping; period: Period; now: Date; keys?: readonly string[];
  /** The cases the viewer may see (access.ts): figures are counted over these only. */
  scope: CaseScope;
  narrow?: IndicatorNarrowing;
}

/**
 * Territorial figures of a territorial or district-wide viewer come from the monthly figures
 * (case_indicator_month) for whole months; anything finer (a department's cases, grouping by
 * department or category, a resident's own cases) is counted from the cases.
 */
export function countIndicators(em: EntityManager, options: CountOptions): Promise<IndicatorCounts[]> {
  const monthly = (options.scope.kind === 'ALL' || options.scope.kind === 'GRIDS')
    && options.grouping !== IndicatorGrouping.DEPARTMENT && options.grouping !== IndicatorGrouping.CATEGORY
    && !options.narrow?.department;
  return countFigures(em, options, monthly ? indicatorSources(options.period) : { months: null, days: [options.period] });
}

const FIGURES = ['received', 'accepted', 'closed', 'closed_on_time', 'reworked', 'rated', 'satisfied', 'handled', 'handling_seconds'];

/** Months summed from case_indicator_month, days counted from the cases, open cases for "overdue now". */
async function countFigures(em: EntityManager, options: CountOptions, sources: IndicatorSources): Promise<IndicatorCounts[]> {
  const knex = em.getKnex();
  // Grids asked for within a territory of grids: one list, their intersection. With two lists
  // PostgreSQL multiplies their selectivities and misjudges the rows (a scan instead of the key).
  const scope = options.scope;
  const scoped: CountOptions = options.grouping === IndicatorGrouping.GRID && scope.kind === 'GRIDS' && options.keys
    ? { ...options, scope: { kind: 'ALL' }, keys: options.keys.filter((key) => scope.gridIds.includes(key)) }
    : options;
  const column = GROUP_COLUMN[options.grouping];
  const restrict = (query: Knex.QueryBuilder) => narrowed(applyCaseScope(query, scoped.scope), column, scoped);
  const parts: Knex.QueryBuilder[] = [];
  if (sources.months) {
    const months = restrict(knex('services.case_indicator_month').select(knex.raw('??::text as key', [column]), ...FIGURES, knex.raw('0 as overdue_now')));
    if (sources.months.from) months.where('month', '>=', sources.months.from);
    if (sources.months.to) months.where('month', '<', sources.months.to);
    parts.push(months);
  }
  // The same figures as services.case_figures() in the trigger (migration Migration20261123165001),
  // written out here: calling that function on a whole case row would make PostgreSQL read every
  // case from the table instead of from the covering indexes.
  for (const days of sources.days) {
    const counted = restrict(knex('services.service_case').select(knex.raw('??::text as key', [column])).select(knex.raw(
      `count(*) as received,
       count(*) filter (where accepted_at is not null) as accepted,
       count(*) filter (where state = ?) as closed,
       count(*) filter (where state = ? and resolved_at <= deadline) as closed_on_time,
       count(*) filter (where reopen_count > 0) as reworked,
       count(*) filter (where satisfaction is not null) as rated,
       count(*) filter (where satisfaction in (?, ?)) as satisfied,
       count(*) filter (where state = ? and closed_at is not null) as handled,
       coalesce(sum(extract(epoch from closed_at - reported_at)) filter (where state = ?), 0)::double precision as handling_seconds,
       0 as overdue_now`,
      [CaseState.CLOSED, CaseState.CLOSED, Satisfaction.SATISFIED, Satisfaction.BASIC, CaseState.CLOSED, CaseState.CLOSED],
    )).groupBy(column));
    parts.push(inPeriod(counted, days));
  }
  const overdue = restrict(knex('services.service_case').select(knex.raw('??::text as key', [column])))
    .select(...FIGURES.map((figure) => knex.raw(`0 as ??`, [figure])), knex.raw('count(*) as overdue_now'))
    .whereRaw(OPEN_STATE_CONDITION).where('deadline', '<', options.now).groupBy(column);
  parts.push(inPeriod(overdue, options.period));

  // Prepared: the text depends on the grouping, the narrowing and the period's shape, not on their
  // values (keys and territories are array parameters), so PostgreSQL plans each shape a few times
  // and then keeps a plan, where planning this union cost as much as running it (0.5 ms against 0.4).
  const statement = statementOf(knex
    .select('key', ...FIGURES.slice(0, -1).map((figure) => knex.raw('sum(??)::int as ??', [figure, figure])),
      knex.raw('sum(overdue_now)::int as overdue_now'), knex.raw('sum(handling_seconds) / nullif(sum(handled), 0) / 3600 as average_handling_hours'))
    .from(knex.unionAll(parts, true).as('figures'))
    .groupBy('key').havingRaw('sum(received) > 0').orderBy('key'));
  const rows = await sqlRows<Record<string, any>>(em, { ...statement, prepared: true });
  return rows.map(countsOf);
}

/** The caller's keys and narrowing, on either table (both have the territory and department columns it uses). */
function narrowed(query: Knex.QueryBuilder, column: string, options: CountOptions): Knex.QueryBuilder {
  if (options.keys) whereAnyOf(query, column, options.keys);
  const narrow = options.narrow ?? {};
  if (narrow.streetId) query.where('street_id', narrow.streetId);
  if (narrow.communityId) query.where('community_id', narrow.communityId);
  if (narrow.gridId) query.where('grid_id', narrow.gridId);
  if (narrow.department) query.where('department', narrow.department);
  return query;
}

/** Cases reported in the period's days, Beijing time. */
function inPeriod(query: Knex.QueryBuilder, period: Period): Knex.QueryBuilder {
  if (period.from) query.whereRaw(`reported_at >= (?::date)::timestamp at time zone 'Asia/Shanghai'`, [period.from]);
  if (period.to) query.whereRaw(`reported_at < (?::date + 1)::timestamp at time zone 'Asia/Shanghai'`, [period.to]);
  return query;
}

function countsOf(row: Record<string, any>): IndicatorCounts {
  return {
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
  };
}
