import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ServicesContext } from '../context';
import { ServiceItem } from '../item/item.entity';
import { AdmissionRequestConnection } from '../shared/connections';
import { CommunityReference, GridReference } from '../shared/references';
import { AdmissionRequest } from './admission-request.entity';
import { AdmissionFilter, AssignItemInput, DecideAdmissionInput, SubmitAdmissionInput } from './admission.inputs';
import { assignItem, decideAdmission, listAdmissions, submitAdmission } from './admission.service';
import { ItemAssignment } from './item-assignment.entity';

@Resolver(() => AdmissionRequest)
export class AdmissionResolver {
  @Query(() => AdmissionRequestConnection, { description: '准入申请列表（部门只见本部门的；区级角色见全部）' })
  admissionRequests(@Ctx() ctx: ServicesContext, @Args() filter: AdmissionFilter, @Info() info: GraphQLResolveInfo) {
    return listAdmissions(ctx, filter, info);
  }

  @FieldResolver(() => ServiceItem)
  item(@Root() request: AdmissionRequest, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.item.load(request.item.id);
  }

  @Mutation(() => AdmissionRequest, { description: '提交准入申请' })
  submitAdmissionRequest(
    @Ctx() ctx: ServicesContext,
    @Arg('input') input: SubmitAdmissionInput,
  ): Promise<AdmissionRequest> {
    return submitAdmission(ctx, input);
  }

  @Mutation(() => AdmissionRequest, { description: '准入审议：批准或驳回，须写明理由' })
  decideAdmissionRequest(
    @Ctx() ctx: ServicesContext,
    @Arg('input') input: DecideAdmissionInput,
  ): Promise<AdmissionRequest> {
    return decideAdmission(ctx, input);
  }

  @Mutation(() => ItemAssignment, { description: '事项入格/进社区（未经准入或属社区不应承担事项的，拒绝并说明原因）' })
  assignItem(@Ctx() ctx: ServicesContext, @Arg('input') input: AssignItemInput): Promise<ItemAssignment> {
    return assignItem(ctx, input);
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
