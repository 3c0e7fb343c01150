import { badInput } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { checkMobile } from '../../../lib/phone';
import { AssignmentRole, WorkerDuty, WorkerKind } from '../shared/enums';
import { Grid } from '../grid/grid.entity';
import { GridAssignment } from './grid-assignment.entity';
import { GridWorker } from './grid-worker.entity';
import {
  checkAssignment,
  checkDeactivation,
  checkDuties,
  checkKindChange,
  checkUnassign,
  defaultDuties,
} from './grid-assignment.rules';
import { checkName } from '../shared/codes';
import { requireRecord } from '../../../lib/records';
import { checkPublicContact, checkWorker } from './grid-worker.rules';
import type { GridContext } from '../context';
import { checkStructureWriter } from '../access';
import { guardStructureWrite, guardWorkerWrite } from '../shared/write-guard';

/** Grid workers (网格员) and their assignments to grids: each use case in its own transaction, after the write guard. */

export interface WorkerInput {
  name: string;
  kind: WorkerKind;
  department?: string | null;
  phone: string;
  publicContact?: string | null;
}

export function createGridWorker(ctx: GridContext, input: WorkerInput): Promise<GridWorker> {
  checkStructureWriter(ctx.viewer, 'creating a grid worker');
  return ctx.em.transactional(async (em) => em.create(GridWorker, { id: newId(), ...checkWorker(input) }));
}

export function updateGridWorker(
  ctx: GridContext,
  input: { id: string } & Partial<WorkerInput> & { active?: boolean | null },
): Promise<GridWorker> {
  return ctx.em.transactional(async (em) => {
    await guardWorkerWrite(em, ctx.viewer, 'updating a grid worker', input.id);
    const worker = await requireRecord(em, GridWorker, input.id, 'input.id');
    const open = await em.find(GridAssignment, { worker, endedAt: null });
    if (input.name != null) worker.name = checkName(input.name, 'input.name', 50);
    if (input.phone != null) worker.phone = checkMobile(input.phone, 'input.phone');
    if (input.publicContact !== undefined) {
      worker.publicContact = input.publicContact?.trim() ? checkPublicContact(input.publicContact) : null;
    }
    if (input.department !== undefined)
      worker.department = input.department?.trim() ? checkName(input.department, 'input.department') : null;
    if (input.kind != null && input.kind !== worker.kind) {
      checkKindChange(
        input.kind,
        open.map((a) => a.role),
      );
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
  });
}

export function assignWorker(
  ctx: GridContext,
  input: { workerId: string; gridId: string; role: AssignmentRole; duties?: WorkerDuty[] | null },
): Promise<GridAssignment> {
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'assigning a worker', [
      { field: 'input.gridId', kind: 'grid', id: input.gridId },
    ]);
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
  });
}

/** The period closes; the row stays, so who served a grid when remains answerable. */
export function unassignWorker(ctx: GridContext, assignmentId: string): Promise<GridAssignment> {
  return ctx.em.transactional(async (em) => {
    await guardStructureWrite(em, ctx.viewer, 'ending an assignment', [
      { field: 'assignmentId', kind: 'assignment', id: assignmentId },
    ]);
    const assignment = await requireRecord(em, GridAssignment, assignmentId, 'assignmentId');
    checkUnassign(assignment);
    assignment.endedAt = new Date();
    return assignment;
  });
}
