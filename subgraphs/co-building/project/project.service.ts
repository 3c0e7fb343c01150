import type { EntityManager } from '@mikro-orm/postgresql';
import { checkDate } from '../../../lib/dates';
import { newId } from '../../../lib/ids';
import { requireRecord } from '../../../lib/records';
import { checkCommunityOrUnitWrite, checkCommunityWrite, checkUnitWrite } from '../access';
import type { CoBuildingContext } from '../context';
import { AgreementParty, PairingStatus, ProjectStatus } from '../shared/enums';
import { requireCommunity } from '../shared/remote-checks';
import { checkText, optionalText } from '../shared/text';
import { updateIfUnchanged } from '../shared/versioned-update';
import { Pairing } from '../unit/pairing.entity';
import { Unit } from '../unit/unit.entity';
import { Demand } from './demand.entity';
import type {
  ClaimProjectInput,
  ConfirmProjectInput,
  CreateListItemInput,
  CreateProjectInput,
  ProjectActionInput,
} from './project.inputs';
import { Project } from './project.entity';
import { checkProjectLists, nextProject, type ProjectEvent, type ProjectSnapshot } from './project-state-machine.rules';
import { Resource } from './resource.entity';

/** The community's lists of demands and resources, and the projects drawn from them (需求清单、资源清单、项目清单). */

export async function createDemand(ctx: CoBuildingContext, input: CreateListItemInput): Promise<Demand> {
  const title = checkText(input.title, 'input.title', 200);
  const description = optionalText(input.description, 'input.description', 2000);
  checkCommunityWrite(ctx.viewer, input.communityId, 'adding a demand', 'input.communityId');
  await requireCommunity(input.communityId, 'input.communityId');
  return ctx.em.transactional(async (em) =>
    em.create(Demand, { id: newId(), communityId: input.communityId, title, description }),
  );
}

export async function createResource(ctx: CoBuildingContext, input: CreateListItemInput): Promise<Resource> {
  const title = checkText(input.title, 'input.title', 200);
  const description = optionalText(input.description, 'input.description', 2000);
  // A community lists its resources; a unit's liaison offers its own unit's.
  checkCommunityOrUnitWrite(
    ctx.viewer,
    { communityId: input.communityId, unitId: input.providerUnitId ?? null },
    'adding a resource',
    { community: 'input.communityId', unit: 'input.providerUnitId' },
  );
  await requireCommunity(input.communityId, 'input.communityId');
  return ctx.em.transactional(async (em) => {
    const providerUnit = input.providerUnitId
      ? await requireRecord(em, Unit, input.providerUnitId, 'input.providerUnitId')
      : null;
    return em.create(Resource, { id: newId(), communityId: input.communityId, title, description, providerUnit });
  });
}

export async function createProject(ctx: CoBuildingContext, input: CreateProjectInput): Promise<Project> {
  const name = checkText(input.name, 'input.name', 200);
  const description = optionalText(input.description, 'input.description', 2000);
  checkCommunityWrite(ctx.viewer, input.communityId, 'creating a project', 'input.communityId');
  await requireCommunity(input.communityId, 'input.communityId');
  // Read before the transaction, which then holds its connection for the write alone.
  const [demands, resources] = await Promise.all([
    ctx.loaders.demand.loadMany(input.demandIds),
    ctx.loaders.resource.loadMany(input.resourceIds),
  ]);
  const rows = (list: unknown[]) =>
    list.map((row) => (row && !(row instanceof Error) ? (row as { id: string; communityId: string }) : null));
  checkProjectLists(input.communityId, rows(demands), rows(resources), input);
  return ctx.em.transactional(async (em) => {
    return em.create(Project, {
      id: newId(),
      communityId: input.communityId,
      name,
      description,
      demandIds: input.demandIds,
      resourceIds: input.resourceIds,
    });
  });
}

function snapshotOf(project: Project): ProjectSnapshot {
  return {
    status: project.status,
    unitId: project.unit?.id ?? null,
    communityConfirmed: project.communityConfirmedAt !== null,
    unitConfirmed: project.unitConfirmedAt !== null,
  };
}

/** `authorize` sees the project as it is before the change and refuses the caller who may not make it. */
async function changeProject(
  em: EntityManager,
  projectId: string,
  authorize: (project: Project) => void,
  event: ProjectEvent,
  extra: Partial<Project> = {},
): Promise<Project> {
  const project = await requireRecord(em, Project, projectId, 'input.projectId');
  authorize(project);
  const next = nextProject(snapshotOf(project), event);
  const now = new Date();
  const changes: Partial<Project> = { status: next.status as ProjectStatus, ...extra };
  if (event.type === 'CLAIM') Object.assign(changes, { unit: next.unitId, claimedAt: now });
  if (event.type === 'CONFIRM')
    Object.assign(changes, event.party === 'COMMUNITY' ? { communityConfirmedAt: now } : { unitConfirmedAt: now });
  return updateIfUnchanged(em, Project, project, changes, 'input.projectId');
}

/** Work under way is the community's and the claiming unit's alike. */
function bothSides(ctx: CoBuildingContext, action: string) {
  return (project: Project) =>
    checkCommunityOrUnitWrite(
      ctx.viewer,
      { communityId: project.communityId, unitId: project.unit?.id ?? null },
      action,
      'input.projectId',
    );
}

export function claimProject(ctx: CoBuildingContext, input: ClaimProjectInput): Promise<Project> {
  checkUnitWrite(ctx.viewer, input.unitId, 'claiming a project', 'input.unitId');
  return ctx.em.transactional(async (em) => {
    const unit = await requireRecord(em, Unit, input.unitId, 'input.unitId');
    const project = await requireRecord(em, Project, input.projectId, 'input.projectId');
    const paired = await em.count(Pairing, { unit, communityId: project.communityId, status: PairingStatus.ACTIVE });
    return changeProject(em, project.id, () => undefined, {
      type: 'CLAIM',
      unitId: unit.id,
      unitPairedWithCommunity: paired > 0,
    });
  });
}

export function confirmProject(ctx: CoBuildingContext, input: ConfirmProjectInput): Promise<Project> {
  // Each side signs its own half: the community's staff, or the claiming unit's liaison.
  const authorize = (project: Project) =>
    input.party === AgreementParty.COMMUNITY
      ? checkCommunityWrite(ctx.viewer, project.communityId, 'confirming for the community', 'input.projectId')
      : checkUnitWrite(ctx.viewer, project.unit?.id ?? null, 'confirming for the unit', 'input.projectId');
  return ctx.em.transactional((em) =>
    changeProject(em, input.projectId, authorize, { type: 'CONFIRM', party: input.party }),
  );
}

export function startProject(ctx: CoBuildingContext, input: ProjectActionInput): Promise<Project> {
  return ctx.em.transactional((em) =>
    changeProject(em, input.projectId, bothSides(ctx, 'starting a project'), { type: 'START' }),
  );
}

export function completeProject(ctx: CoBuildingContext, input: ProjectActionInput): Promise<Project> {
  const doneOn = checkDate(input.doneOn ?? '', 'input.doneOn');
  return ctx.em.transactional((em) =>
    changeProject(em, input.projectId, bothSides(ctx, 'completing a project'), { type: 'COMPLETE' }, { doneOn }),
  );
}

export function cancelProject(ctx: CoBuildingContext, input: ProjectActionInput): Promise<Project> {
  const authorize = (project: Project) =>
    checkCommunityWrite(ctx.viewer, project.communityId, 'cancelling a project', 'input.projectId');
  return ctx.em.transactional((em) => changeProject(em, input.projectId, authorize, { type: 'CANCEL' }));
}
