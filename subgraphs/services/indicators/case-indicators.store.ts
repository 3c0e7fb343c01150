import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseState, Satisfaction } from '../case/case-state-machine.rules';
import { OPEN_STATE_CONDITION } from '../case/case.entity';
import { indicatorSources, type IndicatorSources } from './indicator-months.rules';
import type { Period } from './indicator-period.rules';
import type { CaseScope } from '../access';
import { caseScopeConditions } from '../case/case.store';
import { SqlParameters, sqlRows, type SqlParameter } from '../../../lib/sql-rows';

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
  return {
    key,
    received: 0,
    accepted: 0,
    closed: 0,
    closedOnTime: 0,
    reworked: 0,
    rated: 0,
    satisfied: 0,
    overdueNow: 0,
    averageHandlingHours: null,
  };
}

/** Narrowing a caller asked for: one street, community, grid or department. */
export interface IndicatorNarrowing {
  streetId?: string | null;
  communityId?: string | null;
  gridId?: string | null;
  department?: string | null;
}

interface CountOptions {
  grouping: IndicatorGrouping;
  period: Period;
  now: Date;
  keys?: readonly string[];
  /** The cases the viewer may see (access.ts): figures are counted over these only. */
  scope: CaseScope;
  narrow?: IndicatorNarrowing;
}

/** Groupings by territory: a case and a monthly figures row carry all three. */
export const TERRITORIAL: readonly IndicatorGrouping[] = [
  IndicatorGrouping.STREET,
  IndicatorGrouping.COMMUNITY,
  IndicatorGrouping.GRID,
];

/**
 * Territorial figures of a territorial or district-wide viewer come from the monthly figures
 * (case_indicator_month) for whole months; anything finer (a department's cases, grouping by
 * department or category, a resident's own cases) is counted from the cases.
 */
function sourcesOf(options: Omit<CountOptions, 'grouping'>, groupings: readonly IndicatorGrouping[]): IndicatorSources {
  const monthly =
    (options.scope.kind === 'ALL' || options.scope.kind === 'GRIDS') &&
    groupings.every((grouping) => TERRITORIAL.includes(grouping)) &&
    !options.narrow?.department;
  return monthly ? indicatorSources(options.period) : { months: null, days: [options.period] };
}

export async function countIndicators(em: EntityManager, options: CountOptions): Promise<IndicatorCounts[]> {
  const rows = await sqlRows<Record<string, any>>(
    em,
    figuresStatement(options, [options.grouping], sourcesOf(options, [options.grouping])),
  );
  return rows.map(countsOf);
}

/**
 * Several territorial groupings of the same cases (a community's own figures and its grids') in
 * one statement, by grouping sets: the monthly rows and the cases are read once for all of them.
 */
export async function countTerritorialGroupings(
  em: EntityManager,
  options: Omit<CountOptions, 'grouping' | 'keys'>,
  groupings: readonly IndicatorGrouping[],
): Promise<Map<IndicatorGrouping, IndicatorCounts[]>> {
  const rows = await sqlRows<Record<string, any>>(
    em,
    figuresStatement(options, groupings, sourcesOf(options, groupings)),
  );
  const counts = new Map(groupings.map((grouping) => [grouping, [] as IndicatorCounts[]]));
  for (const row of rows) {
    const grouping = groupings.find((g) => row[g] !== null)!;
    counts.get(grouping)!.push(countsOf({ ...row, key: row[grouping] }));
  }
  return counts;
}

const FIGURES = [
  'received',
  'accepted',
  'closed',
  'closed_on_time',
  'reworked',
  'rated',
  'satisfied',
  'handled',
  'handling_seconds',
];

/**
 * Months summed from case_indicator_month, days counted from the cases, open cases for "overdue now".
 * With one grouping, its key is `key`; with several (territorial only: both tables carry their
 * columns), each row is one grouping set's and carries its key under the grouping's name.
 *
 * Written as text with numbered parameters (lib/sql-rows.ts SqlParameters), not built with knex:
 * the dashboard asks for two groupings per request, and building them cost the services subgraph
 * more CPU than PostgreSQL spent running them. Prepared: the text depends on the groupings, the
 * narrowing and the period's shape, not on their values (keys and territories are array
 * parameters), so PostgreSQL plans each shape a few times and then keeps a plan, where planning
 * this union cost as much as running it (0.5 ms against 0.4).
 */
function figuresStatement(
  options: Omit<CountOptions, 'grouping'>,
  groupings: readonly IndicatorGrouping[],
  sources: IndicatorSources,
) {
  // Grids asked for within a territory of grids: one list, their intersection. With two lists
  // PostgreSQL multiplies their selectivities and misjudges the rows (a scan instead of the key).
  const scope = options.scope;
  const scoped =
    groupings.length === 1 && groupings[0] === IndicatorGrouping.GRID && scope.kind === 'GRIDS' && options.keys
      ? {
          ...options,
          scope: { kind: 'ALL' } as CaseScope,
          keys: options.keys.filter((key) => scope.gridIds.includes(key)),
        }
      : options;
  const columns = groupings.map((grouping) => `"${GROUP_COLUMN[grouping]}"`);
  const single = columns.length === 1;
  const [firstColumn] = columns;
  if (!firstColumn) throw new Error('case indicators are counted by at least one grouping');
  const selected = single ? `${columns[0]}::text as key` : columns.join(', ');
  const { add, values } = new SqlParameters();
  /** The viewer's scope, the caller's keys and narrowing, and the part's own conditions. */
  const where = (...own: string[]) => {
    const conditions = [...caseScopeConditions(scoped.scope, add), ...narrowing(firstColumn, scoped, add), ...own];
    return conditions.length ? ` where ${conditions.join(' and ')}` : '';
  };
  const parts: string[] = [];
  if (sources.months) {
    const own = [];
    if (sources.months.from) own.push(`"month" >= ${add(sources.months.from)}`);
    if (sources.months.to) own.push(`"month" < ${add(sources.months.to)}`);
    parts.push(`select ${selected}, ${FIGURES.map((figure) => `"${figure}"`).join(', ')}, 0 as overdue_now
      from services.case_indicator_month${where(...own)}`);
  }
  // The same figures as services.case_figures() in the trigger (migration Migration20261123165001),
  // written out here: calling that function on a whole case row would make PostgreSQL read every
  // case from the table instead of from the covering indexes.
  for (const days of sources.days) {
    parts.push(`select ${selected},
       count(*) as received,
       count(*) filter (where accepted_at is not null) as accepted,
       count(*) filter (where state = ${add(CaseState.CLOSED)}) as closed,
       count(*) filter (where state = ${add(CaseState.CLOSED)} and resolved_at <= deadline) as closed_on_time,
       count(*) filter (where reopen_count > 0) as reworked,
       count(*) filter (where satisfaction is not null) as rated,
       count(*) filter (where satisfaction in (${add(Satisfaction.SATISFIED)}, ${add(Satisfaction.BASIC)})) as satisfied,
       count(*) filter (where state = ${add(CaseState.CLOSED)} and closed_at is not null) as handled,
       coalesce(sum(extract(epoch from closed_at - reported_at)) filter (where state = ${add(CaseState.CLOSED)}), 0)::double precision as handling_seconds,
       0 as overdue_now
      from services.service_case${where(...inPeriod(days, add))} group by ${columns.join(', ')}`);
  }
  parts.push(`select ${selected}, ${FIGURES.map((figure) => `0 as "${figure}"`).join(', ')}, count(*) as overdue_now
    from services.service_case${where(OPEN_STATE_CONDITION, `"deadline" < ${add(options.now)}`, ...inPeriod(options.period, add))} group by ${columns.join(', ')}`);

  // In a grouping set, the other groupings' columns are null: coalescing them gives the set's key.
  const keyColumns = single ? 'key' : groupings.map((grouping, i) => `${columns[i]}::text as "${grouping}"`).join(', ');
  const groupedBy = single ? 'key' : `grouping sets (${columns.map((column) => `(${column})`).join(', ')})`;
  const orderedBy = single ? 'key' : `coalesce(${columns.map((column) => `${column}::text`).join(', ')})`;
  const text = `select ${keyColumns}, ${FIGURES.slice(0, -1)
    .map((figure) => `sum("${figure}")::int as "${figure}"`)
    .join(', ')},
      sum(overdue_now)::int as overdue_now, sum(handling_seconds) / nullif(sum(handled), 0) / 3600 as average_handling_hours
    from (${parts.map((part) => `(${part})`).join(' union all ')}) as figures
    group by ${groupedBy} having sum(received) > 0 order by ${orderedBy}`;
  return { text, values, prepared: true };
}

/** The caller's keys and narrowing, on either table (both have the territory and department columns it uses). */
function narrowing(column: string, options: Pick<CountOptions, 'keys' | 'narrow'>, add: SqlParameter): string[] {
  const conditions: string[] = [];
  if (options.keys) conditions.push(`${column} = any(${add([...options.keys])})`);
  const narrow = options.narrow ?? {};
  if (narrow.streetId) conditions.push(`"street_id" = ${add(narrow.streetId)}`);
  if (narrow.communityId) conditions.push(`"community_id" = ${add(narrow.communityId)}`);
  if (narrow.gridId) conditions.push(`"grid_id" = ${add(narrow.gridId)}`);
  if (narrow.department) conditions.push(`"department" = ${add(narrow.department)}`);
  return conditions;
}

/** Cases reported in the period's days, Beijing time. */
function inPeriod(period: Period, add: SqlParameter): string[] {
  const conditions: string[] = [];
  if (period.from)
    conditions.push(`reported_at >= (${add(period.from)}::date)::timestamp at time zone 'Asia/Shanghai'`);
  if (period.to) conditions.push(`reported_at < (${add(period.to)}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
  return conditions;
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
