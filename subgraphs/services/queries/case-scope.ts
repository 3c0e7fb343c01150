import type { Knex } from '@mikro-orm/knex';
import type { AdmissionScope, CaseScope } from '../access';
import { whereAnyOf } from '../../../lib/sql-rows';

/**
 * A viewer's scope (access.ts) as SQL, so lists leave out what the viewer may not see in the
 * database: pages, totalCount and indicators count the same rows. Mirrors caseInScope.
 */
export function applyCaseScope(query: Knex.QueryBuilder, scope: CaseScope): Knex.QueryBuilder {
  switch (scope.kind) {
    case 'ALL': return query;
    case 'GRIDS': return scope.gridIds.length ? whereAnyOf(query, 'grid_id', scope.gridIds) : query.whereRaw('false');
    case 'DEPARTMENT': return query.where('department', scope.department).whereNotNull('dispatched_at');
    case 'REPORTER': return query.where('reporter_resident_id', scope.residentId);
    case 'NONE': return query.whereRaw('false');
  }
}

/** The same scope as a MikroORM condition on ServiceCase; null means "no restriction". */
export function caseScopeCondition(scope: CaseScope): Record<string, unknown> | null {
  switch (scope.kind) {
    case 'ALL': return null;
    case 'GRIDS': return scope.gridIds.length ? { gridId: { $in: [...scope.gridIds] } } : nothing();
    case 'DEPARTMENT': return { department: scope.department, dispatchedAt: { $ne: null } };
    case 'REPORTER': return { reporterResidentId: scope.residentId };
    case 'NONE': return nothing();
  }
}

/** Admission requests of a viewer as a MikroORM condition on AdmissionRequest; null: all. */
export function admissionScopeCondition(scope: AdmissionScope): Record<string, unknown> | null {
  switch (scope.kind) {
    case 'ALL': return null;
    case 'DEPARTMENT': return { department: scope.department };
    case 'NONE': return nothing();
  }
}

/** No row matches (a primary key is never null); a new object each time, as the ORM may rewrite conditions. */
function nothing(): Record<string, unknown> {
  return { id: null };
}
