import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { isId } from '../../../lib/ids';
import { readOnlyRowsIn } from '../../../lib/read-only-entities';
import { equalTo, type SqlParameter } from '../../../lib/sql-rows';
import type { AdmissionScope } from '../access';
import type { ServiceItem } from '../item/item.entity';
import { AdmissionRequest } from './admission-request.entity';
import type { AdmissionStatus, AdmissionTarget } from './admission.rules';
import { ItemAssignment } from './item-assignment.entity';

function assignmentsBy(em: EntityManager, column: 'gridId' | 'communityId') {
  return new DataLoader<string, ItemAssignment[]>(async (ids) => {
    const valid = ids.filter(isId);
    const rows = valid.length
      ? await em.find(
          ItemAssignment,
          { [column]: { $in: valid } },
          { populate: ['item'], orderBy: { assignedAt: 'asc', id: 'asc' } },
        )
      : [];
    return ids.map((id) => rows.filter((row) => row[column] === id));
  });
}

/** Admission requests of many items in one statement, only those the viewer may see. */
function admissionsOf(em: EntityManager, scope: AdmissionScope) {
  return new DataLoader<string, AdmissionRequest[]>(async (ids) => {
    const valid = scope.kind === 'NONE' ? [] : ids.filter(isId);
    const where: Record<string, string> = scope.kind === 'DEPARTMENT' ? { department: scope.department } : {};
    const rows = valid.length
      ? await readOnlyRowsIn(em, AdmissionRequest, 'item', valid, { where, orderBy: { submittedAt: 'asc', id: 'asc' } })
      : [];
    return ids.map((id) => rows.filter((row) => row.item.id === id));
  });
}

/** The admission module's per-request loaders; `scope` is the viewer's (access.ts). */
export function admissionLoaders(em: EntityManager, scope: AdmissionScope) {
  return {
    admissionsOfItem: admissionsOf(em, scope),
    assignmentsOfGrid: assignmentsBy(em, 'gridId'),
    assignmentsOfCommunity: assignmentsBy(em, 'communityId'),
  };
}

/** The admission requests a viewer sees, as SQL conditions on services.admission_request. */
export function admissionScopeConditions(scope: AdmissionScope, parameter: SqlParameter): string[] {
  switch (scope.kind) {
    case 'ALL':
      return [];
    case 'DEPARTMENT':
      return [`"department" = ${parameter(scope.department)}`];
    case 'NONE':
      return ['false'];
  }
}

/** The list's filter and the viewer's scope as SQL conditions on services.admission_request. */
export function admissionListConditions(
  filter: { status?: AdmissionStatus | null; target?: AdmissionTarget | null },
  scope: AdmissionScope,
  parameter: SqlParameter,
): string[] {
  return [
    ...equalTo(parameter, { status: filter.status, target: filter.target }),
    ...admissionScopeConditions(scope, parameter),
  ];
}

/** Every admission request of an item, inside the caller's transaction. */
export function admissionsOfItem(em: EntityManager, item: ServiceItem): Promise<AdmissionRequest[]> {
  return em.find(AdmissionRequest, { item });
}
