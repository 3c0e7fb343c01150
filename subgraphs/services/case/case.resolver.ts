import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ServicesContext } from '../context';
import { ServiceItem } from '../item/item.entity';
import { ServiceItemVersion } from '../item/item-version.entity';
import { CaseConnection } from '../shared/connections';
import { CaseAction } from '../shared/enums';
import { CommunityReference, GridReference, ResidentReference, StreetReference } from '../shared/references';
import { CaseEvent } from './case-event.entity';
import { CaseExtension } from './case-extension.entity';
import { ServiceCase } from './case.entity';
import {
  CaseQueryArgs,
  CaseStepInput,
  DecideExtensionInput,
  DispatchCaseInput,
  RateCaseInput,
  ReportCaseInput,
  RequestExtensionInput,
  SuperviseCaseInput,
} from './case.inputs';
import {
  advanceCase,
  allowedActions,
  decideCaseExtension,
  dispatchCase,
  findCase,
  isCaseOverdue,
  listCases,
  rateCase,
  reportCase,
  requestCaseExtension,
  superviseCase,
} from './case.service';
import { SupervisionNotice } from './supervision-notice.entity';

@Resolver(() => ServiceCase)
export class CaseResolver {
  @Query(() => ServiceCase, { nullable: true, description: '按 id 查工单（不存在为 null；无权查看为 FORBIDDEN）' })
  case(@Ctx() ctx: ServicesContext, @Arg('id', () => ID) id: string) {
    return findCase(ctx, id);
  }

  @Query(() => CaseConnection, { description: '工单列表，可按网格、社区、街道、部门、状态、是否超期筛选' })
  cases(@Ctx() ctx: ServicesContext, @Args() args: CaseQueryArgs, @Info() info: GraphQLResolveInfo) {
    return listCases(ctx, args, info);
  }

  @FieldResolver(() => ServiceItem, { description: '事项（当前版本）' })
  item(@Root() c: ServiceCase, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.item.load(c.item.id);
  }

  @FieldResolver(() => ServiceItemVersion, { description: '受理时的事项版本（办理时限、受理要素按此）' })
  itemVersion(@Root() c: ServiceCase, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.itemVersion.load(c.itemVersion.id);
  }

  // grid, community and street are nullable: the grid service answers for them, and while it is
  // down only these fields are lost, not the case.
  @FieldResolver(() => GridReference, { nullable: true, description: '网格' })
  grid(@Root() c: ServiceCase) {
    return { id: c.gridId };
  }

  @FieldResolver(() => CommunityReference, { nullable: true, description: '社区（上报时网格所属）' })
  community(@Root() c: ServiceCase) {
    return { id: c.communityId };
  }

  @FieldResolver(() => StreetReference, { nullable: true, description: '街道（上报时网格所属）' })
  street(@Root() c: ServiceCase) {
    return { id: c.streetId };
  }

  @FieldResolver(() => ResidentReference, { nullable: true, description: '上报居民' })
  reporter(@Root() c: ServiceCase) {
    return c.reporterResidentId ? { id: c.reporterResidentId } : null;
  }

  @FieldResolver(() => Boolean, { description: '是否超期（已过期限仍未办结）' })
  overdue(@Root() c: ServiceCase, @Ctx() ctx: ServicesContext) {
    return isCaseOverdue(ctx, c);
  }

  @FieldResolver(() => [CaseAction], {
    description: '此调用者现在可做的操作：其角色和范围允许、工单当前情况接受的（与办理操作同一规则）',
  })
  allowedActions(@Root() c: ServiceCase, @Ctx() ctx: ServicesContext) {
    return allowedActions(ctx, c);
  }

  /** A timeline is tens of steps and is read whole, so it is a list, not a connection. */
  @FieldResolver(() => [CaseEvent], { description: '时间轴（只增不改）' })
  timeline(@Root() c: ServiceCase, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.timelineOfCase.load(c.id);
  }

  @FieldResolver(() => [CaseExtension], { description: '延期申请' })
  extensions(@Root() c: ServiceCase, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.extensionsOfCase.load(c.id);
  }

  @FieldResolver(() => [SupervisionNotice], { description: '督办通知单' })
  supervisionNotices(@Root() c: ServiceCase, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.noticesOfCase.load(c.id);
  }

  @Mutation(() => ServiceCase, { description: '报件：生成工单（状态 REPORTED）；同一幂等键重试返回同一工单' })
  reportCase(@Ctx() ctx: ServicesContext, @Arg('input') input: ReportCaseInput): Promise<ServiceCase> {
    return reportCase(ctx, input);
  }

  @Mutation(() => ServiceCase, {
    description: '办理一步（受理、作废、开始处置、回退、挂账、恢复、处置完成、核查、结案、上报上级）',
  })
  advanceCase(@Ctx() ctx: ServicesContext, @Arg('input') input: CaseStepInput): Promise<ServiceCase> {
    return advanceCase(ctx, input);
  }

  @Mutation(() => ServiceCase, { description: '派遣到部门，按事项时限计算办理期限' })
  dispatchCase(@Ctx() ctx: ServicesContext, @Arg('input') input: DispatchCaseInput): Promise<ServiceCase> {
    return dispatchCase(ctx, input);
  }

  @Mutation(() => ServiceCase, { description: '满意度评价；不满意则推倒重来（重新派遣，计返工）' })
  rateCase(@Ctx() ctx: ServicesContext, @Arg('input') input: RateCaseInput): Promise<ServiceCase> {
    return rateCase(ctx, input);
  }

  @Mutation(() => CaseExtension, { description: '申请延期' })
  requestCaseExtension(
    @Ctx() ctx: ServicesContext,
    @Arg('input') input: RequestExtensionInput,
  ): Promise<CaseExtension> {
    return requestCaseExtension(ctx, input);
  }

  @Mutation(() => CaseExtension, { description: '审批延期；批准则期限顺延' })
  decideCaseExtension(@Ctx() ctx: ServicesContext, @Arg('input') input: DecideExtensionInput): Promise<CaseExtension> {
    return decideCaseExtension(ctx, input);
  }

  @Mutation(() => SupervisionNotice, { description: '签发督办通知单（仅超期工单）' })
  superviseCase(@Ctx() ctx: ServicesContext, @Arg('input') input: SuperviseCaseInput): Promise<SupervisionNotice> {
    return superviseCase(ctx, input);
  }
}

@Resolver(() => CaseExtension)
export class CaseExtensionResolver {
  @FieldResolver(() => ServiceCase)
  case(@Root() extension: CaseExtension, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.case.load(extension.serviceCase.id);
  }
}

@Resolver(() => SupervisionNotice)
export class SupervisionNoticeResolver {
  @FieldResolver(() => ServiceCase)
  case(@Root() notice: SupervisionNotice, @Ctx() ctx: ServicesContext) {
    return ctx.loaders.case.load(notice.serviceCase.id);
  }
}
