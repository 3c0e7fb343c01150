import { badInput, conflict } from '../../../lib/errors';
import { withArticle } from '../../../lib/articles';

/**
 * 共建项目: PROPOSED → CLAIMED by a unit → AGREED once both the community and the unit have
 * confirmed (双向认领) → IN_PROGRESS → DONE; CANCELLED from any state before DONE.
 */
export type ProjectState = 'PROPOSED' | 'CLAIMED' | 'AGREED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
export type Party = 'COMMUNITY' | 'UNIT';

export interface ProjectSnapshot {
  status: ProjectState;
  unitId: string | null;
  communityConfirmed: boolean;
  unitConfirmed: boolean;
}

export type ProjectEvent =
  | { type: 'CLAIM'; unitId: string; unitPairedWithCommunity: boolean }
  | { type: 'CONFIRM'; party: Party }
  | { type: 'START' }
  | { type: 'COMPLETE' }
  | { type: 'CANCEL' };

const ALLOWED: Record<ProjectState, ProjectEvent['type'][]> = {
  PROPOSED: ['CLAIM', 'CANCEL'],
  CLAIMED: ['CONFIRM', 'CANCEL'],
  AGREED: ['START', 'CANCEL'],
  IN_PROGRESS: ['COMPLETE', 'CANCEL'],
  DONE: [],
  CANCELLED: [],
};

export function nextProject(project: ProjectSnapshot, event: ProjectEvent, field = 'input.projectId'): ProjectSnapshot {
  if (event.type === 'CLAIM' && project.unitId) {
    throw conflict(field, `the project is already claimed by unit ${project.unitId}`);
  }
  if (!ALLOWED[project.status].includes(event.type)) {
    throw conflict(field, `${withArticle(project.status)} project does not take ${event.type}`, {
      allowed: ALLOWED[project.status],
    });
  }
  switch (event.type) {
    case 'CLAIM':
      if (!event.unitPairedWithCommunity) {
        throw conflict(
          'input.unitId',
          "only a unit paired with the project's community (结对共建) can claim its projects",
        );
      }
      return { ...project, status: 'CLAIMED', unitId: event.unitId };
    case 'CONFIRM': {
      const already = event.party === 'COMMUNITY' ? project.communityConfirmed : project.unitConfirmed;
      if (already) throw conflict('input.party', `the ${event.party.toLowerCase()} has already confirmed`);
      const next = {
        ...project,
        communityConfirmed: project.communityConfirmed || event.party === 'COMMUNITY',
        unitConfirmed: project.unitConfirmed || event.party === 'UNIT',
      };
      return { ...next, status: next.communityConfirmed && next.unitConfirmed ? 'AGREED' : 'CLAIMED' };
    }
    case 'START':
      return { ...project, status: 'IN_PROGRESS' };
    case 'COMPLETE':
      return { ...project, status: 'DONE' };
    case 'CANCEL':
      return { ...project, status: 'CANCELLED' };
  }
}

/** A project joins demands and resources of its own community, each named once. */
export function checkProjectLists(
  communityId: string,
  demands: Array<{ id: string; communityId: string } | null>,
  resources: Array<{ id: string; communityId: string } | null>,
  ids: { demandIds: string[]; resourceIds: string[] },
): void {
  if (!ids.demandIds.length) throw badInput('input.demandIds', 'a project answers at least one demand');
  const check = (
    rows: Array<{ id: string; communityId: string } | null>,
    names: string[],
    field: string,
    kind: string,
  ) => {
    if (new Set(names).size !== names.length) throw badInput(field, `${withArticle(kind)} is named twice`);
    rows.forEach((row, i) => {
      if (!row) throw badInput(`${field}[${i}]`, `${kind} ${names[i]} does not exist`);
      if (row.communityId !== communityId)
        throw badInput(`${field}[${i}]`, `${kind} ${names[i]} belongs to another community`);
    });
  };
  check(demands, ids.demandIds, 'input.demandIds', 'demand');
  check(resources, ids.resourceIds, 'input.resourceIds', 'resource');
}
