import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { badInput } from '../../../lib/errors';
import { checkIdArguments } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { fetchRemoteKeys } from '../../../lib/remote-entities';
import { reportCase, type GridPlace } from '../domain/case-intake';
import { isOverdue } from '../domain/case-deadline';
import { advance, decideExtension, dispatch, rate, requestExtension, supervise, type CaseGuard } from '../domain/case-steps';
import { openActions } from '../domain/case-actions';
import { OPEN_STATES } from '../domain/case-state-machine';
import { checkPeriod } from '../domain/indicator-period';
import {
  CaseAction, CaseChannel, CaseEvent, CaseExtension, CaseState, ExtensionStatus, Satisfaction, ServiceCase, ServiceItem, ServiceItemVersion, SupervisionNotice,
} from '../entities';
import { AttributeValueInput } from '../item/item.inputs';
import { CommunityReference, GridReference, ResidentReference, StreetReference } from '../shared/references';
import {
  indicatorScope, mayAct, requireActionRole, requireCaseReadable, requireMayAct, requireMayReport, requireSignedIn,
} from '../access';
import { actorOf, type ServicesContext } from '../context';
import { IndicatorGrouping } from '../queries/case-indicators';
import { caseFilterConditions } from '../queries/case-filter';
import { caseScopeConditions } from '../queries/case-scope';
import { intakeStore } from '../queries/intake-store';
import { CaseConnection } from '../shared/connections';
import { CaseIndicatorGroup, PeriodArgs } from './indicators';

registerEnumType(IndicatorGrouping, { name: 'IndicatorGrouping', description: '指标分组：街道、社区、网格、部门、事项类别' });

/** The steps that need nothing but a note; dispatch, rating, extensions and supervision have their own mutations. */
enum CaseStep {
  ACCEPT = 'ACCEPT',
  CANCEL = 'CANCEL',
  START = 'START',
  RETURN = 'RETURN',
  PARK = 'PARK',
  RESUME = 'RESUME',
  RESOLVE = 'RESOLVE',
  VERIFY = 'VERIFY',
  CLOSE = 'CLOSE',
  ESCALATE = 'ESCALATE',
}
registerEnumType(CaseStep, {
  name: 'CaseStep',
  description: '受理、作废、开始处置、回退、挂账、恢复、处置完成、核查、结案、上报上级（派遣、评价、延期、督办另有操作）',
});

@InputType({ description: '报件（诉求/事件上报）' })
class ReportCaseInput {
  @Field(() => String, { nullable: true, description: '幂等键：客户端为一次上报生成，重试时原样带上，只生成一张工单' })
  idempotencyKey?: string;
  @Field(() => CaseChannel) channel!: CaseChannel;
  @Field(() => ID) itemId!: string;
  @Field(() => ID) gridId!: string;
  @Field(() => ID, { nullable: true, description: '上报居民' }) reporterResidentId?: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) location?: string;
  @Field(() => [AttributeValueInput], { defaultValue: [] }) attributes!: AttributeValueInput[];
}

@InputType({ description: '工单的一步；expectedVersion 为所见版本，过期则拒绝' })
class CaseStepInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => CaseStep) action!: CaseStep;
  @Field(() => String, { nullable: true, description: '说明（作废、回退、挂账须填写理由）' }) note?: string;
}

@InputType({ description: '派遣（计时开始）' })
class DispatchCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String, { nullable: true, description: '承办部门，省略时为事项责任部门' }) department?: string;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType({ description: '满意度评价（结案后）' })
class RateCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => Satisfaction) satisfaction!: Satisfaction;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType({ description: '延期申请' })
class RequestExtensionInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => Int, { description: '延长小时数' }) hours!: number;
  @Field() reason!: string;
}

@InputType({ description: '延期审批' })
class DecideExtensionInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => ID) extensionId!: string;
  @Field() approve!: boolean;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType({ description: '督办（仅超期工单）' })
class SuperviseCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String, { nullable: true, description: '督办意见' }) note?: string;
}

@ArgsType()
export class CaseFilterArgs extends PageArgs {
  @Field(() => CaseState, { nullable: true }) state?: CaseState;
  @Field(() => Boolean, { nullable: true, description: 'true：已过期限仍未办结的；false：其余' }) overdue?: boolean;
}

@ArgsType()
class CaseQueryArgs extends CaseFilterArgs {
  @Field(() => ID, { nullable: true }) gridId?: string;
  @Field(() => ID, { nullable: true }) communityId?: string;
  @Field(() => ID, { nullable: true }) streetId?: string;
  @Field(() => String, { nullable: true, description: '承办部门' }) department?: string;
}

@ArgsType()
class IndicatorArgs extends PeriodArgs {
  @Field(() => IndicatorGrouping) groupBy!: IndicatorGrouping;
  @Field(() => ID, { nullable: true, description: '只统计该街道（上报时）的工单' }) streetId?: string;
  @Field(() => ID, { nullable: true, description: '只统计该社区（上报时）的工单' }) communityId?: string;
  @Field(() => ID, { nullable: true, description: '只统计该网格的工单' }) gridId?: string;
  @Field(() => String, { nullable: true, description: '只统计该承办部门的工单' }) department?: string;
}

/** The step's permission: the role at once (nothing loaded yet), the case once it is locked. */
function guardOf(ctx: ServicesContext, action: CaseAction): CaseGuard {
  requireActionRole(ctx.viewer, action);
  return (serviceCase, step) => requireMayAct(ctx.viewer, step, serviceCase);
}

const GRID_PLACE = 'id status community { id street { id } }';

@Resolver(() => ServiceCase)
export class CaseResolver {
  @Query(() => ServiceCase, { nullable: true, description: '按 id 查工单（不存在为 null；无权查看为 FORBIDDEN）' })
  async case(@Ctx() ctx: ServicesContext, @Arg('id', () => ID) id: string) {
    requireSignedIn(ctx.viewer, 'a case');
    const found = await ctx.loaders.caseRecord.load(id);
    if (found) requireCaseReadable(ctx.viewer, found, id);
    return found;
  }

  @Query(() => CaseConnection, { description: '工单列表，可按网格、社区、街道、部门、状态、是否超期筛选' })
  async cases(@Ctx() ctx: ServicesContext, @Args() args: CaseQueryArgs, @Info() info: GraphQLResolveInfo) {
    requireSignedIn(ctx.viewer, 'cases');
    const { gridId, communityId, streetId, department } = args;
    checkIdArguments({ streetId, communityId, gridId });
    const page = await paginate(ctx.em, ServiceCase, (parameter) => {
      const conditions = caseScopeConditions(ctx.loaders.scope, parameter);
      if (gridId) conditions.push(`"grid_id" = ${parameter(gridId)}`);
      if (communityId) conditions.push(`"community_id" = ${parameter(communityId)}`);
      if (streetId) conditions.push(`"street_id" = ${parameter(streetId)}`);
      if (department) conditions.push(`"department" = ${parameter(department)}`);
      return [...conditions, ...caseFilterConditions(args, ctx.loaders.now, parameter)];
    }, args, info);
    return new CaseConnection(page);
  }

  @Query(() => [CaseIndicatorGroup], { description: '工单指标，按街道、社区、网格、部门或事项类别分组（数据库分组统计）' })
  async caseIndicators(@Ctx() ctx: ServicesContext, @Args() args: IndicatorArgs) {
    const { streetId, communityId, gridId, department } = args;
    const scope = indicatorScope(ctx.viewer, { streetId, communityId, gridId, department });
    checkIdArguments({ streetId, communityId, gridId });
    const period = checkPeriod(args.from, args.to);
    const rows = await ctx.loaders.rootIndicators({ grouping: args.groupBy, period, scope, narrow: { streetId, communityId, gridId, department } });
    return rows.map((row) => new CaseIndicatorGroup(row, args.groupBy));
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
    return OPEN_STATES.includes(c.state) && isOverdue(c.deadline, ctx.loaders.now);
  }

  @FieldResolver(() => [CaseAction], { description: '此调用者现在可做的操作：其角色和范围允许、工单当前情况接受的（与办理操作同一规则）' })
  allowedActions(@Root() c: ServiceCase, @Ctx() ctx: ServicesContext) {
    return openActions(c, ctx.loaders.now, (action) => mayAct(ctx.viewer, action, c), {
      pendingExtension: async () => (await ctx.loaders.extensionsOfCase.load(c.id)).some((e) => e.status === ExtensionStatus.PENDING),
    });
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
    const reporterResidentId = requireMayReport(ctx.viewer, input);
    return reportCase(intakeStore(ctx.em), { ...input, reporterResidentId }, actorOf(ctx), {
      async gridAndReporter(gridId, residentId) {
        const keys = [{ typename: 'Grid', id: gridId }, ...(residentId ? [{ typename: 'Resident', id: residentId }] : [])];
        const [grid, resident] = await fetchRemoteKeys<{ status: string; community: { id: string; street: { id: string } } }>(
          'grid', keys, { Grid: GRID_PLACE, Resident: 'id' },
        );
        const place = grid ? ({ status: grid.status, communityId: grid.community.id, streetId: grid.community.street.id } satisfies GridPlace) : null;
        return { place, reporterKnown: Boolean(resident) };
      },
    });
  }

  @Mutation(() => ServiceCase, { description: '办理一步（受理、作废、开始处置、回退、挂账、恢复、处置完成、核查、结案、上报上级）' })
  advanceCase(@Ctx() ctx: ServicesContext, @Arg('input') input: CaseStepInput): Promise<ServiceCase> {
    const action = input.action as unknown as CaseAction;
    const guard = guardOf(ctx, action);
    return ctx.em.transactional((em) => advance(em, input, action, actorOf(ctx), guard));
  }

  @Mutation(() => ServiceCase, { description: '派遣到部门，按事项时限计算办理期限' })
  dispatchCase(@Ctx() ctx: ServicesContext, @Arg('input') input: DispatchCaseInput): Promise<ServiceCase> {
    const guard = guardOf(ctx, CaseAction.DISPATCH);
    return ctx.em.transactional((em) => dispatch(em, input, actorOf(ctx), guard));
  }

  @Mutation(() => ServiceCase, { description: '满意度评价；不满意则推倒重来（重新派遣，计返工）' })
  rateCase(@Ctx() ctx: ServicesContext, @Arg('input') input: RateCaseInput): Promise<ServiceCase> {
    const guard = guardOf(ctx, CaseAction.RATE);
    return ctx.em.transactional((em) => rate(em, input, actorOf(ctx), guard));
  }

  @Mutation(() => CaseExtension, { description: '申请延期' })
  requestCaseExtension(@Ctx() ctx: ServicesContext, @Arg('input') input: RequestExtensionInput): Promise<CaseExtension> {
    const guard = guardOf(ctx, CaseAction.REQUEST_EXTENSION);
    return ctx.em.transactional((em) => requestExtension(em, input, actorOf(ctx), guard));
  }

  @Mutation(() => CaseExtension, { description: '审批延期；批准则期限顺延' })
  decideCaseExtension(@Ctx() ctx: ServicesContext, @Arg('input') input: DecideExtensionInput): Promise<CaseExtension> {
    const guard = guardOf(ctx, CaseAction.DECIDE_EXTENSION);
    return ctx.em.transactional((em) => decideExtension(em, input, actorOf(ctx), guard));
  }

  @Mutation(() => SupervisionNotice, { description: '签发督办通知单（仅超期工单）' })
  superviseCase(@Ctx() ctx: ServicesContext, @Arg('input') input: SuperviseCaseInput): Promise<SupervisionNotice> {
    const guard = guardOf(ctx, CaseAction.SUPERVISE);
    return ctx.em.transactional((em) => supervise(em, input, actorOf(ctx), guard));
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
