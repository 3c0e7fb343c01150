import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isId } from '../../../lib/ids';
import { byIdLoader, childPageLoader, childrenLoader } from '../../../lib/loaders';
import type { PageArgs } from '../../../lib/pagination';
import { equalTo, type SqlParameter } from '../../../lib/sql-rows';
import type { Viewer } from '../../../lib/viewer';
import { visibleCase, type CaseScope } from '../access';
import { ServiceItemVersion } from '../item/item-version.entity';
import { CaseEvent } from './case-event.entity';
import { ExtensionStatus } from '../shared/enums';
import { CaseExtension } from './case-extension.entity';
import { ServiceCase } from './case.entity';
import { OPEN_STATES, type CaseState } from './case-state-machine.rules';
import { SupervisionNotice } from './supervision-notice.entity';

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

/**
 * A viewer's scope (access.ts) as SQL conditions to AND together, so lists leave out what the
 * viewer may not see in the database: pages, totalCount and indicators count the same rows.
 * Mirrors caseInScope. `parameter` gives the placeholder of each value, in the order written.
 * A territory's grids are one array parameter: one statement text however many grids.
 */
export function caseScopeConditions(scope: CaseScope, parameter: SqlParameter): string[] {
  switch (scope.kind) {
    case 'ALL':
      return [];
    case 'GRIDS':
      return [scope.gridIds.length ? `"grid_id" = any(${parameter([...scope.gridIds])})` : 'false'];
    case 'DEPARTMENT':
      return [`"department" = ${parameter(scope.department)}`, '"dispatched_at" is not null'];
    case 'REPORTER':
      return [`"reporter_resident_id" = ${parameter(scope.residentId)}`];
    case 'NONE':
      return ['false'];
  }
}

/** Where a root list of cases is narrowed to, besides its filter. */
export interface CasePlace {
  gridId?: string | null;
  communityId?: string | null;
  streetId?: string | null;
  department?: string | null;
}

/** The root list's conditions: the viewer's scope, the place asked for, the filter. */
export function caseListConditions(
  scope: CaseScope,
  place: CasePlace,
  filter: CaseFilter,
  now: Date,
  parameter: SqlParameter,
): string[] {
  return [
    ...caseScopeConditions(scope, parameter),
    ...equalTo(parameter, {
      grid_id: place.gridId,
      community_id: place.communityId,
      street_id: place.streetId,
      department: place.department,
    }),
    ...caseFilterConditions(filter, now, parameter),
  ];
}

type CaseParentColumn = 'grid_id' | 'community_id' | 'reporter_resident_id';

/**
 * One page of filtered cases for many parents (grids, communities, reporters) in one statement;
 * the filter and the viewer's scope narrow the page and its totalCount alike.
 */
function casePagesOf(em: EntityManager, column: CaseParentColumn, now: Date, scope: CaseScope) {
  const pages = childPageLoader<ServiceCase, CaseFilter>(em, ServiceCase, {
    table: 'services.service_case',
    parentColumn: column,
    where: (filter, parameter) => [
      ...caseFilterConditions(filter, now, parameter),
      ...caseScopeConditions(scope, parameter),
    ],
    filterKey,
  });
  return (parentId: string, filter: CaseFilter, page: PageArgs) => pages(parentId, page, filter);
}

/** The case module's per-request loaders, over one `now` and the viewer's scope. */
export function caseLoaders(em: EntityManager, viewer: Viewer, now: Date, scope: CaseScope) {
  const caseRecord = byIdLoader(em, ServiceCase);
  return {
    /** A case whatever the viewer's scope: for a by-id query that must say FORBIDDEN rather than null. */
    caseRecord,
    /** A case the viewer may see, else null (entity references, a case reached from another record). */
    case: { load: async (id: string) => visibleCase(viewer, await caseRecord.load(id)) },
    timelineOfCase: childrenLoader(em, CaseEvent, 'serviceCase', { occurredAt: 'asc', id: 'asc' }),
    extensionsOfCase: childrenLoader(em, CaseExtension, 'serviceCase', { requestedAt: 'asc', id: 'asc' }),
    noticesOfCase: childrenLoader(em, SupervisionNotice, 'serviceCase', { issuedAt: 'asc', id: 'asc' }),
    casesOfGrid: casePagesOf(em, 'grid_id', now, scope),
    casesOfCommunity: casePagesOf(em, 'community_id', now, scope),
    casesOfReporter: casePagesOf(em, 'reporter_resident_id', now, scope),
  };
}

/** The case named by a step, its row locked until the transaction ends; null when there is none. */
export async function lockedCase(em: EntityManager, caseId: string): Promise<ServiceCase | null> {
  return isId(caseId) ? em.findOne(ServiceCase, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
}

export async function hasPendingExtension(em: EntityManager, serviceCase: ServiceCase): Promise<boolean> {
  return (await em.count(CaseExtension, { serviceCase, status: ExtensionStatus.PENDING })) > 0;
}

export function findExtension(em: EntityManager, extensionId: string): Promise<CaseExtension | null> {
  return isId(extensionId) ? em.findOne(CaseExtension, { id: extensionId }) : Promise.resolve(null);
}

export function versionOf(em: EntityManager, serviceCase: ServiceCase): Promise<ServiceItemVersion> {
  return em.findOneOrFail(ServiceItemVersion, { id: serviceCase.itemVersion.id });
}
