import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkDate } from '../../../lib/dates';
import { newId } from '../../../lib/ids';
import { checkProjectLists, nextProject, type ProjectEvent, type ProjectSnapshot } from './project-state-machine.rules';
import { requireRecord } from '../../../lib/records';
import { checkText, optionalText } from '../shared/text';
import { AgreementParty, PairingStatus, ProjectStatus } from '../shared/enums';
import { CommunityReference } from '../shared/references';
import { Demand } from './demand.entity';
import { Pairing } from '../unit/pairing.entity';
import { Project } from './project.entity';
import { Resource } from './resource.entity';
import { Unit } from '../unit/unit.entity';
import type { CoBuildingContext } from '../context';
import { checkCommunityOrUnitWrite, checkCommunityWrite, checkUnitWrite } from '../access';
import { requireCommunity } from '../shared/remote-checks';
import { updateIfUnchanged } from '../shared/versioned-update';

@InputType({ description: '需求清单或资源清单的一条' })
class CreateListItemInput {
  @Field(() => ID, { description: '社区（网格子图的 Community）' }) communityId!: string;
  @Field() title!: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => ID, { nullable: true, description: '提供资源的共建单位（仅资源清单）' }) providerUnitId?: string;
}

@InputType({ description: '由需求和资源梳理出共建项目' })
class CreateProjectInput {
  @Field(() => ID) communityId!: string;
  @Field() name!: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => [ID], { description: '对应的需求（本社区）' }) demandIds!: string[];
  @Field(() => [ID], { description: '用到的资源（本社区）' }) resourceIds!: string[];
}

@InputType({ description: '共建单位认领项目' })
class ClaimProjectInput {
  @Field(() => ID) projectId!: string;
  @Field(() => ID) unitId!: string;
}

@InputType({ description: '双向认领：社区党委或共建单位确认' })
class ConfirmProjectInput {
  @Field(() => ID) projectId!: string;
  @Field(() => AgreementParty) party!: AgreementParty;
}

@InputType({ description: '项目状态变更' })
class ProjectActionInput {
  @Field(() => ID) projectId!: string;
  @Field({ nullable: true, description: '完成日期 YYYY-MM-DD（完成时必填）' }) doneOn?: string;
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
  if (event.type === 'CONFIRM') Object.assign(changes, event.party === 'COMMUNITY' ? { communityConfirmedAt: now } : { unitConfirmedAt: now });
  return updateIfUnchanged(em, Project, project, changes, 'input.projectId');
}

/** Work under way is the community's and the claiming unit's alike. */
function bothSides(ctx: CoBuildingContext, action: string) {
  return (project: Project) =>
    checkCommunityOrUnitWrite(ctx.viewer, { communityId: project.communityId, unitId: project.unit?.id ?? null }, action, 'input.projectId');
}

@Resolver(() => Demand)
export class DemandResolver {
  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => CommunityReference, { nullable: true })
  community(@Root() demand: Demand) {
    return { id: demand.communityId };
  }

  @Mutation(() => Demand, { description: '需求清单新增一条' })
  async createDemand(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateListItemInput): Promise<Demand> {
    const title = checkText(input.title, 'input.title', 200);
    const description = optionalText(input.description, 'input.description', 2000);
    checkCommunityWrite(ctx.viewer, input.communityId, 'adding a demand', 'input.communityId');
    await requireCommunity(input.communityId, 'input.communityId');
    return ctx.em.transactional(async (em) => em.create(Demand, { id: newId(), communityId: input.communityId, title, description }));
  }
}

@Resolver(() => Resource)
export class ResourceResolver {
  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => CommunityReference, { nullable: true })
  community(@Root() resource: Resource) {
    return { id: resource.communityId };
  }

  @FieldResolver(() => Unit, { nullable: true, description: '提供单位' })
  providerUnit(@Root() resource: Resource, @Ctx() ctx: CoBuildingContext) {
    return resource.providerUnit ? ctx.loaders.unit.load(resource.providerUnit.id) : null;
  }

  @Mutation(() => Resource, { description: '资源清单新增一条' })
  async createResource(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateListItemInput): Promise<Resource> {
    const title = checkText(input.title, 'input.title', 200);
    const description = optionalText(input.description, 'input.description', 2000);
    // A community lists its resources; a unit's liaison offers its own unit's.
    checkCommunityOrUnitWrite(
      ctx.viewer, { communityId: input.communityId, unitId: input.providerUnitId ?? null }, 'adding a resource',
      { community: 'input.communityId', unit: 'input.providerUnitId' },
    );
    await requireCommunity(input.communityId, 'input.communityId');
    return ctx.em.transactional(async (em) => {
      const providerUnit = input.providerUnitId ? await requireRecord(em, Unit, input.providerUnitId, 'input.providerUnitId') : null;
      return em.create(Resource, { id: newId(), communityId: input.communityId, title, description, providerUnit });
    });
  }
}

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, { nullable: true, description: '按 id 查共建项目' })
  project(@Ctx() ctx: CoBuildingContext, @Arg('id', () => ID) id: string) {
    return ctx.loaders.project.load(id);
  }

  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => CommunityReference, { nullable: true })
  community(@Root() project: Project) {
    return { id: project.communityId };
  }

  @FieldResolver(() => Unit, { nullable: true, description: '认领单位' })
  unit(@Root() project: Project, @Ctx() ctx: CoBuildingContext) {
    return project.unit ? ctx.loaders.unit.load(project.unit.id) : null;
  }

  @FieldResolver(() => [Demand], { description: '对应的需求' })
  async demands(@Root() project: Project, @Ctx() ctx: CoBuildingContext) {
    return (await ctx.loaders.demand.loadMany(project.demandIds)).filter((row): row is Demand => row instanceof Demand);
  }

  @FieldResolver(() => [Resource], { description: '用到的资源' })
  async resources(@Root() project: Project, @Ctx() ctx: CoBuildingContext) {
    return (await ctx.loaders.resource.loadMany(project.resourceIds)).filter((row): row is Resource => row instanceof Resource);
  }

  @Mutation(() => Project, { description: '梳理共建项目（对接需求清单和资源清单）' })
  async createProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateProjectInput): Promise<Project> {
    const name = checkText(input.name, 'input.name', 200);
    const description = optionalText(input.description, 'input.description', 2000);
    checkCommunityWrite(ctx.viewer, input.communityId, 'creating a project', 'input.communityId');
    await requireCommunity(input.communityId, 'input.communityId');
    // Read before the transaction, which then holds its connection for the write alone.
    const [demands, resources] = await Promise.all([
      ctx.loaders.demand.loadMany(input.demandIds),
      ctx.loaders.resource.loadMany(input.resourceIds),
    ]);
    const rows = (list: unknown[]) => list.map((row) => (row && !(row instanceof Error) ? (row as { id: string; communityId: string }) : null));
    checkProjectLists(input.communityId, rows(demands), rows(resources), input);
    return ctx.em.transactional(async (em) => {
      return em.create(Project, {
        id: newId(), communityId: input.communityId, name, description, demandIds: input.demandIds, resourceIds: input.resourceIds,
      });
    });
  }

  @Mutation(() => Project, { description: '共建单位认领项目（须与该社区结对共建）' })
  claimProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ClaimProjectInput): Promise<Project> {
    checkUnitWrite(ctx.viewer, input.unitId, 'claiming a project', 'input.unitId');
    return ctx.em.transactional(async (em) => {
      const unit = await requireRecord(em, Unit, input.unitId, 'input.unitId');
      const project = await requireRecord(em, Project, input.projectId, 'input.projectId');
      const paired = await em.count(Pairing, { unit, communityId: project.communityId, status: PairingStatus.ACTIVE });
      return changeProject(em, project.id, () => undefined, { type: 'CLAIM', unitId: unit.id, unitPairedWithCommunity: paired > 0 });
    });
  }

  @Mutation(() => Project, { description: '双向认领：社区党委或共建单位签认；双方都签认后项目立项' })
  confirmProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ConfirmProjectInput): Promise<Project> {
    // Each side signs its own half: the community's staff, or the claiming unit's liaison.
    const authorize = (project: Project) => (input.party === AgreementParty.COMMUNITY
      ? checkCommunityWrite(ctx.viewer, project.communityId, 'confirming for the community', 'input.projectId')
      : checkUnitWrite(ctx.viewer, project.unit?.id ?? null, 'confirming for the unit', 'input.projectId'));
    return ctx.em.transactional((em) => changeProject(em, input.projectId, authorize, { type: 'CONFIRM', party: input.party }));
  }

  @Mutation(() => Project, { description: '项目开始实施' })
  startProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ProjectActionInput): Promise<Project> {
    return ctx.em.transactional((em) => changeProject(em, input.projectId, bothSides(ctx, 'starting a project'), { type: 'START' }));
  }

  @Mutation(() => Project, { description: '项目完成' })
  completeProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ProjectActionInput): Promise<Project> {
    const doneOn = checkDate(input.doneOn ?? '', 'input.doneOn');
    return ctx.em.transactional((em) => changeProject(em, input.projectId, bothSides(ctx, 'completing a project'), { type: 'COMPLETE' }, { doneOn }));
  }

  @Mutation(() => Project, { description: '取消项目' })
  cancelProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ProjectActionInput): Promise<Project> {
    const authorize = (project: Project) => checkCommunityWrite(ctx.viewer, project.communityId, 'cancelling a project', 'input.projectId');
    return ctx.em.transactional((em) => changeProject(em, input.projectId, authorize, { type: 'CANCEL' }));
  }
}
