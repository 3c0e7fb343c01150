import { newId } from '../../../lib/ids';
import { Building } from '../grid/building.entity';
import { Grid } from '../grid/grid.entity';
import { GridAssignment } from '../worker/grid-assignment.entity';
import { GridWorker } from '../worker/grid-worker.entity';
import { Household } from '../household/household.entity';
import { Visit } from './visit.entity';
import { WorkerDuty } from '../shared/enums';
import { requireRecord } from '../../../lib/records';
import { checkVisitedAt, checkVisitNote, checkVisitPlace } from './visit.rules';
import type { GridContext } from '../context';
import { guardVisitWrite } from '../shared/write-guard';

/** 走访台账: a worker records a visit or patrol in a grid they serve, with the duty it served. */
export function recordVisit(
  ctx: GridContext,
  input: {
    workerId: string;
    gridId: string;
    duty: WorkerDuty;
    visitedAt: Date;
    note: string;
    householdId?: string | null;
  },
): Promise<Visit> {
  return ctx.em.transactional(async (em) => {
    await guardVisitWrite(em, ctx.viewer, input);
    const visitedAt = checkVisitedAt(input.visitedAt, new Date());
    const note = checkVisitNote(input.note);
    const worker = await requireRecord(em, GridWorker, input.workerId, 'input.workerId');
    const grid = await requireRecord(em, Grid, input.gridId, 'input.gridId');
    const household = input.householdId
      ? await requireRecord(em, Household, input.householdId, 'input.householdId')
      : null;
    const building = household ? await em.findOneOrFail(Building, household.building.id) : null;
    checkVisitPlace({
      workerName: worker.name,
      gridCode: grid.code,
      gridId: grid.id,
      servesGrid: (await em.count(GridAssignment, { worker, grid, endedAt: null })) > 0,
      householdGridId: building ? building.grid.id : null,
    });
    return em.create(Visit, { id: newId(), worker, grid, household, duty: input.duty, visitedAt, note });
  });
}
