import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { checkMobile } from '../../../lib/phone';
import { AssignmentRole, WorkerDuty, WorkerKind } from '../shared/enums';
import { Grid } from '../grid/grid.entity';
import { GridAssignment } from './grid-assignment.entity';
import { GridWorker } from './grid-worker.entity';
import { checkAssignment, checkDeactivation, checkDuties, checkKindChange, checkUnassign, defaultDuties } from './grid-assignment.rules';
import { checkName } from '../shared/codes';
import { requireRecord } from '../../../lib/records';
import { checkPublicContact, checkWorker } from './grid-worker.rules';

/** Grid workers (网格员) and their assignments to grids, each inside the caller's transaction. */

export interface WorkerInput {
  name: string;
  kind: WorkerKind;
  department?: string | null;
  phone: string;
  publicContact?: string | null;
}

export function createGridWorker(em: EntityManager, input: WorkerInput): GridWorker {
  return em.create(GridWorker, { id: newId(), ...checkWorker(input) });
}

export async function updateGridWorker(
  em: EntityManager,
  input: { id: string } & Partial<WorkerInput> & { active?: boolean | null },
): Promise<GridWorker> {
  const worker = await requireRecord(em, GridWorker, input.id, 'input.id');
  const open = await em.find(GridAssignment, { worker, endedAt: null });
  if (input.name != null) worker.name = checkName(input.name, 'input.name', 50);
  if (input.phone != null) worker.phone = checkMobile(input.phone, 'input.phone');
  if (input.publicContact !== undefined) {
    worker.publicContact = input.publicContact?.trim() ? checkPublicContact(input.publicContact) : null;
  }
  if (input.department !== undefined) worker.department = input.department?.trim() ? checkName(input.department, 'input.department') : null;
  if (input.kind != null && input.kind !== worker.kind) {
    checkKindChange(input.kind, open.map((a) => a.role));
    worker.kind = input.kind;
  }
  if (worker.kind === WorkerKind.COORDINATOR && !worker.department) {
    throw badInput('input.department', 'a COORDINATOR names the department that placed them');
  }
  if (input.active != null && input.active !== worker.active) {
    if (!input.active) checkDeactivation(open.length);
    worker.active = input.active;
  }
  return worker;
}

export async function assignWorker(
  em: EntityManager,
  input: { workerId: string; gridId: string; role: AssignmentRole; duties?: WorkerDuty[] | null },
): Promise<GridAssignment> {
  const duties = input.duties != null ? checkDuties(input.duties) : defaultDuties(input.role);
  const worker = await requireRecord(em, GridWorker, input.workerId, 'input.workerId');
  const grid = await requireRecord(em, Grid, input.gridId, 'input.gridId');
  const openInGrid = await em.find(GridAssignment, { grid, endedAt: null });
  checkAssignment(
    worker,
    grid,
    input.role,
    openInGrid.map((a) => ({ id: a.id, workerId: a.worker.id, role: a.role })),
  );
  return em.create(GridAssignment, { id: newId(), worker, grid, role: input.role, duties });
}

/** The period closes; the row stays, so who served a grid when remains answerable. */
export async function unassignWorker(em: EntityManager, assignmentId: string): Promise<GridAssignment> {
  const assignment = await requireRecord(em, GridAssignment, assignmentId, 'assignmentId');
  checkUnassign(assignment);
  assignment.endedAt = new Date();
  return assignment;
}
