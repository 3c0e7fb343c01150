import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CoBuildingContext } from '../context';
import { CommunityReference } from '../shared/references';
import { Unit } from '../unit/unit.entity';
import { Demand } from './demand.entity';
import {
  ClaimProjectInput,
  ConfirmProjectInput,
  CreateListItemInput,
  CreateProjectInput,
  ProjectActionInput,
} from './project.inputs';
import { Project } from './project.entity';
import {
  cancelProject,
  claimProject,
  completeProject,
  confirmProject,
  createDemand,
  createProject,
  createResource,
  startProject,
} from './project.service';
import { Resource } from './resource.entity';

@Resolver(() => Demand)
export class DemandResolver {
  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => CommunityReference, { nullable: true })
  community(@Root() demand: Demand) {
    return { id: demand.communityId };
  }

  @Mutation(() => Demand, { description: '需求清单新增一条' })
  createDemand(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateListItemInput): Promise<Demand> {
    return createDemand(ctx, input);
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
  createResource(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateListItemInput): Promise<Resource> {
    return createResource(ctx, input);
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
    return (await ctx.loaders.resource.loadMany(project.resourceIds)).filter(
      (row): row is Resource => row instanceof Resource,
    );
  }

  @Mutation(() => Project, { description: '梳理共建项目（对接需求清单和资源清单）' })
  createProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreateProjectInput): Promise<Project> {
    return createProject(ctx, input);
  }

  @Mutation(() => Project, { description: '共建单位认领项目（须与该社区结对共建）' })
  claimProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ClaimProjectInput): Promise<Project> {
    return claimProject(ctx, input);
  }

  @Mutation(() => Project, { description: '双向认领：社区党委或共建单位签认；双方都签认后项目立项' })
  confirmProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ConfirmProjectInput): Promise<Project> {
    return confirmProject(ctx, input);
  }

  @Mutation(() => Project, { description: '项目开始实施' })
  startProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ProjectActionInput): Promise<Project> {
    return startProject(ctx, input);
  }

  @Mutation(() => Project, { description: '项目完成' })
  completeProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ProjectActionInput): Promise<Project> {
    return completeProject(ctx, input);
  }

  @Mutation(() => Project, { description: '取消项目' })
  cancelProject(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ProjectActionInput): Promise<Project> {
    return cancelProject(ctx, input);
  }
}
