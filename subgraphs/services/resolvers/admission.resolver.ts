import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, paginate } from '../../../lib/pagination';
import { equalTo } from '../../../lib/sql-rows';
import { requireRemoteEntities } from '../../../lib/remote-entities';
import {
  admissionScopeOf, requireCatalogueEditor, requireMayDecideAdmission, requireMaySubmitAdmission, requireSignedIn,
} from '../access';
import { assignItem, decideAdmission, submitAdmission } from '../domain/admission';
import { AdmissionDecision, AdmissionRequest, AdmissionStatus, AdmissionTarget, ItemAssignment, ServiceItem } from '../entities';
import { CommunityReference, GridReference } from '../shared/references';
import { actorOf, type ServicesContext } from '../context';
import { admissionScopeConditions } from '../queries/case-scope';
import { AdmissionRequestConnection } from '../shared/connections';

@InputType({ description: '准入申请：两明确（理由、任务）与三到位（权责、培训、经费，三项都须确认）' })
class SubmitAdmissionInput {
  @Field({ description: '申请部门' }) department!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => AdmissionTarget) target!: AdmissionTarget;
  @Field({ description: '明确理由' }) reason!: string;
  @Field({ description: '明确任务' }) tasks!: string;
  @Field({ description: '权责到位' }) authorityConfirmed!: boolean;
  @Field({ description: '培训到位' }) trainingConfirmed!: boolean;
  @Field({ description: '经费到位' }) fundingConfirmed!: boolean;
}

@InputType({ description: '准入委员会审议' })
class DecideAdmissionInput {
  @Field(() => ID) id!: string;
  @Field(() => AdmissionDecision) decision!: AdmissionDecision;
  @Field({ description: '审议意见' }) reason!: string;
}

@InputType({ description: '把已准入的事项配置到一个网格，或一个社区的全部网格（二选一）' })
class AssignItemInput {
  @Field(() => ID) itemId!: string;
  @Field(() => ID, { nullable: true }) gridId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
}

@ArgsType()
class AdmissionFilter extends PageArgs {
  @Field(() => AdmissionStatus, { nullable: true }) status?: AdmissionStatus;
  @Field(() => AdmissionTarget, { nullable: true }) target?: AdmissionTarget;
}

@Resolver(() => AdmissionRequest)
export class AdmissionResolver {
  @Query(() => AdmissionRequestConnection, { description: '准入申请列表（部门只见本部门的；区级角色见全部）' })
  async admissionRequests(@Ctx() ctx: ServicesContext, @Args() filter: AdmissionFilter, @Info() info: GraphQLResolveInfo) {
    requireSignedIn(ctx.viewer, 'admission requests');
    const scope = admissionScopeOf(ctx.viewer);
    return new AdmissionRequestConnection(await paginate(ctx.em, AdmissionRequest, (parameter) => [
      ...equalTo(parameter, { status: filter.status, target: filter.target }),
      ...admissionScopeConditions(scope, parameter),
    ], filter, info));
  }

  @FieldResolver(() => ServiceItem)
  item(@Root() request: AdmissionRequest, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.item.load(request.item.id);
  }

  @Mutation(() => AdmissionRequest, { description: '提交准入申请' })
  submitAdmissionRequest(@Ctx() ctx: ServicesContext, @Arg('input') input: SubmitAdmissionInput): Promise<AdmissionRequest> {
    requireMaySubmitAdmission(ctx.viewer, input.department);
    return ctx.em.transactional((em) => submitAdmission(em, input));
  }

  @Mutation(() => AdmissionRequest, { description: '准入审议：批准或驳回，须写明理由' })
  decideAdmissionRequest(@Ctx() ctx: ServicesContext, @Arg('input') input: DecideAdmissionInput): Promise<AdmissionRequest> {
    requireMayDecideAdmission(ctx.viewer);
    return ctx.em.transactional((em) => decideAdmission(em, input, actorOf(ctx)));
  }

  @Mutation(() => ItemAssignment, { description: '事项入格/进社区（未经准入或属社区不应承担事项的，拒绝并说明原因）' })
  assignItem(@Ctx() ctx: ServicesContext, @Arg('input') input: AssignItemInput): Promise<ItemAssignment> {
    requireCatalogueEditor(ctx.viewer, 'assigning an item to a grid or community');
    return ctx.em.transactional((em) =>
      assignItem(em, input, actorOf(ctx), (typename, id, field) => requireRemoteEntities('grid', typename, [id], field)),
    );
  }
}

@Resolver(() => ItemAssignment)
export class ItemAssignmentResolver {
  @FieldResolver(() => ServiceItem)
  item(@Root() assignment: ItemAssignment, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.item.load(assignment.item.id);
  }

  @FieldResolver(() => GridReference, { nullable: true, description: '网格（配置到单个网格时）' })
  grid(@Root() assignment: ItemAssignment) {
    return assignment.gridId ? { id: assignment.gridId } : null;
  }

  @FieldResolver(() => CommunityReference, { nullable: true, description: '社区（配置到社区全部网格时）' })
  community(@Root() assignment: ItemAssignment) {
    return assignment.communityId ? { id: assignment.communityId } : null;
  }
}
