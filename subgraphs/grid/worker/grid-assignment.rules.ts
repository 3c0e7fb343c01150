import { badInput, conflict } from '../../../lib/errors';
import { AssignmentRole, WorkerDuty, WorkerKind } from '../shared/enums';
import { withArticle } from '../../../lib/articles';

/**
 * Who may take which role in a grid (寿光's 1+1+N: a grid chief, a full-time worker, N others).
 * - A full-time worker (专职) serves as FULL_TIME or leads the grid as GRID_CHIEF.
 * - A part-time worker (兼职: property manager, building steward, retired cadre, often the grid
 *   branch secretary) serves as PART_TIME or leads the grid as GRID_CHIEF.
 * - A coordinator (协管员) is placed by a department and stays a COORDINATOR: they do not lead
 *   a grid, because they answer to their department, not to the community.
 * A worker may hold roles in several grids (一人多网) and a grid may have several workers
 * (多人一网), but a worker holds one open role per grid and a grid has one open chief.
 */
export const ROLES_BY_KIND: Record<WorkerKind, readonly AssignmentRole[]> = {
  [WorkerKind.FULL_TIME]: [AssignmentRole.FULL_TIME, AssignmentRole.GRID_CHIEF],
  [WorkerKind.PART_TIME]: [AssignmentRole.PART_TIME, AssignmentRole.GRID_CHIEF],
  [WorkerKind.COORDINATOR]: [AssignmentRole.COORDINATOR],
};

const ALL_DUTIES = Object.values(WorkerDuty);

/**
 * Duties a role carries when none are named: the chief and full-time workers carry all six
 * (荆州 六大员), part-time workers collect information, mediate and publicise, and a
 * coordinator at least reports what they see; their department's own duty is named when assigning.
 */
export function defaultDuties(role: AssignmentRole): WorkerDuty[] {
  switch (role) {
    case AssignmentRole.PART_TIME:
      return [WorkerDuty.INFORMATION_COLLECTION, WorkerDuty.DISPUTE_MEDIATION, WorkerDuty.POLICY_PUBLICITY];
    case AssignmentRole.COORDINATOR:
      return [WorkerDuty.INFORMATION_COLLECTION];
    default:
      return [...ALL_DUTIES];
  }
}

/** Named duties, in the order of the six, without repeats; an empty list is refused. */
export function checkDuties(duties: readonly WorkerDuty[], field = 'input.duties'): WorkerDuty[] {
  if (!duties.length) throw badInput(field, "name at least one duty, or leave duties out for the role's default");
  return ALL_DUTIES.filter((duty) => duties.includes(duty));
}

export function checkRoleFitsKind(kind: WorkerKind, role: AssignmentRole, field = 'input.role'): void {
  const allowed = ROLES_BY_KIND[kind];
  if (!allowed.includes(role)) {
    throw badInput(field, `${withArticle(kind)} worker cannot take the ${role} role; allowed: ${allowed.join(', ')}`);
  }
}

export interface WorkerState {
  id: string;
  name: string;
  kind: WorkerKind;
  active: boolean;
}

export interface GridOfAssignment {
  code: string;
  status: 'ACTIVE' | 'RETIRED';
}

export interface OpenAssignment {
  id: string;
  workerId: string;
  role: AssignmentRole;
}

/** May this worker take this role in this grid, given the grid's open assignments? */
export function checkAssignment(
  worker: WorkerState,
  grid: GridOfAssignment,
  role: AssignmentRole,
  openInGrid: readonly OpenAssignment[],
): void {
  if (!worker.active) throw conflict('input.workerId', `worker ${worker.name} is not active; reactivate them first`);
  checkRoleFitsKind(worker.kind, role);
  if (grid.status === 'RETIRED') throw conflict('input.gridId', `grid ${grid.code} is retired and takes no workers`);
  const own = openInGrid.find((a) => a.workerId === worker.id);
  if (own) {
    throw conflict(
      'input.workerId',
      `worker ${worker.name} already serves grid ${grid.code} as ${own.role}; unassign that first`,
      {
        assignmentId: own.id,
      },
    );
  }
  if (role === AssignmentRole.GRID_CHIEF) {
    const chief = openInGrid.find((a) => a.role === AssignmentRole.GRID_CHIEF);
    if (chief) throw conflict('input.role', `grid ${grid.code} already has a grid chief`, { assignmentId: chief.id });
  }
}

export function checkUnassign(assignment: { endedAt: Date | null }, field = 'assignmentId'): void {
  if (assignment.endedAt) {
    throw conflict(field, `this assignment already ended at ${assignment.endedAt.toISOString()}`);
  }
}

/** A worker's kind may change only if every role they hold now fits the new kind. */
export function checkKindChange(kind: WorkerKind, openRoles: readonly AssignmentRole[], field = 'input.kind'): void {
  const misfit = openRoles.find((role) => !ROLES_BY_KIND[kind].includes(role));
  if (misfit)
    throw conflict(
      field,
      `the worker still holds ${withArticle(misfit)} role, which ${withArticle(kind)} worker cannot hold; unassign it first`,
    );
}

/** A worker leaving service gives up their grids first, so no card shows someone who is gone. */
export function checkDeactivation(openAssignments: number, field = 'input.active'): void {
  if (openAssignments > 0) {
    throw conflict(field, `the worker still serves ${openAssignments} grid(s); unassign them first`);
  }
}

/** A grid's team is listed chief first, then full-time, part-time and coordinators (1+1+N). */
const TEAM_ORDER = [
  AssignmentRole.GRID_CHIEF,
  AssignmentRole.FULL_TIME,
  AssignmentRole.PART_TIME,
  AssignmentRole.COORDINATOR,
];

/** Sorts in team order; a stable sort keeps the existing order (start date) within a role. */
export function byTeamRole(a: AssignmentRole, b: AssignmentRole): number {
  return TEAM_ORDER.indexOf(a) - TEAM_ORDER.indexOf(b);
}
