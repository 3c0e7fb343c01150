import { AssignmentRole, DUTY_LABELS, ROLE_LABELS, WorkerDuty } from '../shared/enums';

/**
 * A grid's public card (网格公示牌): what residents read on the board at the building door.
 * It holds workers' names, roles, duties and work contacts only: no resident data and never a
 * worker's personal phone. It is public on purpose; access control, when it lands, leaves it so.
 */
export interface CardWorker {
  name: string;
  role: AssignmentRole;
  roleLabel: string;
  department: string | null;
  duties: Array<{ duty: WorkerDuty; label: string }>;
  publicContact: string | null;
}

export interface GridCardContent {
  gridCode: string;
  gridName: string;
  communityName: string;
  workers: CardWorker[];
}

export interface CardAssignment {
  role: AssignmentRole;
  duties: WorkerDuty[];
  worker: { name: string; department: string | null; publicContact: string | null; active: boolean };
}

/** Workers in 1+1+N order (chief, full-time, part-time, coordinators); inactive ones are left off. */
export function buildGridCard(
  grid: { code: string; name: string },
  communityName: string,
  assignments: readonly CardAssignment[],
): GridCardContent {
  const order = Object.keys(ROLE_LABELS) as AssignmentRole[];
  const workers = assignments
    .filter((a) => a.worker.active)
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map((a) => ({
      name: a.worker.name,
      role: a.role,
      roleLabel: ROLE_LABELS[a.role],
      department: a.worker.department,
      duties: a.duties.map((duty) => ({ duty, label: DUTY_LABELS[duty] })),
      publicContact: a.worker.publicContact,
    }));
  return { gridCode: grid.code, gridName: grid.name, communityName, workers };
}
