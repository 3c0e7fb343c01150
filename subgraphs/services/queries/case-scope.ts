import type { SqlParameter } from '../../../lib/sql-rows';
import type { CaseScope } from '../access';

/**
 * A viewer's scope (access.ts) as SQL conditions to AND together, so lists leave out what the
 * viewer may not see in the database: pages, totalCount and indicators count the same rows.
 * Mirrors caseInScope. `parameter` gives the placeholder of each value, in the order written.
 * A territory's grids are one array parameter: one statement text however many grids.
 */
export function caseScopeConditions(scope: CaseScope, parameter: SqlParameter): string[] {
  switch (scope.kind) {
    case 'ALL': return [];
    case 'GRIDS': return [scope.gridIds.length ? `"grid_id" = any(${parameter([...scope.gridIds])})` : 'false'];
    case 'DEPARTMENT': return [`"department" = ${parameter(scope.department)}`, '"dispatched_at" is not null'];
    case 'REPORTER': return [`"reporter_resident_id" = ${parameter(scope.residentId)}`];
    case 'NONE': return ['false'];
  }
}
