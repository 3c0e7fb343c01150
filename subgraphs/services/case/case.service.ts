import type { GraphQLResolveInfo } from 'graphql';
import { checkIdArguments } from '../../../lib/ids';
import { paginate } from '../../../lib/pagination';
import { fetchRemoteKeys } from '../../../lib/remote-entities';
import {
  mayAct,
  requireActionRole,
  requireCaseReadable,
  requireMayAct,
  requireMayReport,
  requireSignedIn,
} from '../access';
import { actorOf, type ServicesContext } from '../context';
import { CaseConnection } from '../shared/connections';
import { CaseAction, ExtensionStatus } from '../shared/enums';
import type { CaseExtension } from './case-extension.entity';
import type {
  CaseFilterArgs,
  CaseQueryArgs,
  CaseStepInput,
  DecideExtensionInput,
  DispatchCaseInput,
  RateCaseInput,
  ReportCaseInput,
  RequestExtensionInput,
  SuperviseCaseInput,
} from './case.inputs';
import { ServiceCase } from './case.entity';
import { openActions } from './case-actions.rules';
import { isOverdue } from './case-deadline.rules';
import { reportCase as intake, type GridPlace, type IntakeLookups } from './case-intake.rules';
import { intakeStore } from './case-intake.store';
import {
  advance,
  decideExtension,
  dispatch,
  rate,
  requestExtension,
  supervise,
  type CaseGuard,
} from './case-steps.service';
import { caseListConditions } from './case.store';
import { OPEN_STATES } from './case-state-machine.rules';
import type { SupervisionNotice } from './supervision-notice.entity';

export async function findCase(ctx: ServicesContext, id: string): Promise<ServiceCase | null> {
  requireSignedIn(ctx.viewer, 'a case');
  const found = await ctx.loaders.caseRecord.load(id);
  if (found) requireCaseReadable(ctx.viewer, found, id);
  return found;
}

export async function listCases(
  ctx: ServicesContext,
  args: CaseQueryArgs,
  info: GraphQLResolveInfo,
): Promise<CaseConnection> {
  requireSignedIn(ctx.viewer, 'cases');
  const { gridId, communityId, streetId, department } = args;
  checkIdArguments({ streetId, communityId, gridId });
  const page = await paginate(
    ctx.em,
    ServiceCase,
    (parameter) =>
      caseListConditions(
        ctx.loaders.scope,
        { gridId, communityId, streetId, department },
        args,
        ctx.loaders.now,
        parameter,
      ),
    args,
    info,
  );
  return new CaseConnection(page);
}

/** A page of the cases of a grid, community or reporter, as the viewer may see them. */
export async function casePage(
  ctx: ServicesContext,
  of: 'casesOfGrid' | 'casesOfCommunity' | 'casesOfReporter',
  parentId: string,
  args: CaseFilterArgs,
): Promise<CaseConnection> {
  requireSignedIn(ctx.viewer, 'cases');
  const { state, overdue, ...page } = args;
  return new CaseConnection(await ctx.loaders[of](parentId, { state, overdue }, page));
}

/** Past its deadline and still open, as of the request's one "now". */
export function isCaseOverdue(ctx: ServicesContext, c: ServiceCase): boolean {
  return OPEN_STATES.includes(c.state) && isOverdue(c.deadline, ctx.loaders.now);
}

/** The steps this caller may take on the case now (the same rule as the step mutations). */
export function allowedActions(ctx: ServicesContext, c: ServiceCase): Promise<CaseAction[]> {
  return openActions(c, ctx.loaders.now, (action) => mayAct(ctx.viewer, action, c), {
    pendingExtension: async () =>
      (await ctx.loaders.extensionsOfCase.load(c.id)).some((e) => e.status === ExtensionStatus.PENDING),
  });
}

const GRID_PLACE = 'id status community { id street { id } }';

/** The grid subgraph's answers for an intake: the grid's place and whether it knows the reporter, in one call. */
const gridLookups: IntakeLookups = {
  async gridAndReporter(gridId, residentId) {
    const keys = [{ typename: 'Grid', id: gridId }, ...(residentId ? [{ typename: 'Resident', id: residentId }] : [])];
    const [grid, resident] = await fetchRemoteKeys<{
      status: string;
      community: { id: string; street: { id: string } };
    }>('grid', keys, { Grid: GRID_PLACE, Resident: 'id' });
    const place = grid
      ? ({
          status: grid.status,
          communityId: grid.community.id,
          streetId: grid.community.street.id,
        } satisfies GridPlace)
      : null;
    return { place, reporterKnown: Boolean(resident) };
  },
};

export function reportCase(ctx: ServicesContext, input: ReportCaseInput): Promise<ServiceCase> {
  const reporterResidentId = requireMayReport(ctx.viewer, input);
  return intake(intakeStore(ctx.em), { ...input, reporterResidentId }, actorOf(ctx), gridLookups);
}

/** The step's permission: the role at once (nothing loaded yet), the case once it is locked. */
function guardOf(ctx: ServicesContext, action: CaseAction): CaseGuard {
  requireActionRole(ctx.viewer, action);
  return (serviceCase, step) => requireMayAct(ctx.viewer, step, serviceCase);
}

export function advanceCase(ctx: ServicesContext, input: CaseStepInput): Promise<ServiceCase> {
  const guard = guardOf(ctx, input.action);
  return ctx.em.transactional((em) => advance(em, input, input.action, actorOf(ctx), guard));
}

export function dispatchCase(ctx: ServicesContext, input: DispatchCaseInput): Promise<ServiceCase> {
  const guard = guardOf(ctx, CaseAction.DISPATCH);
  return ctx.em.transactional((em) => dispatch(em, input, actorOf(ctx), guard));
}

export function rateCase(ctx: ServicesContext, input: RateCaseInput): Promise<ServiceCase> {
  const guard = guardOf(ctx, CaseAction.RATE);
  return ctx.em.transactional((em) => rate(em, input, actorOf(ctx), guard));
}

export function requestCaseExtension(ctx: ServicesContext, input: RequestExtensionInput): Promise<CaseExtension> {
  const guard = guardOf(ctx, CaseAction.REQUEST_EXTENSION);
  return ctx.em.transactional((em) => requestExtension(em, input, actorOf(ctx), guard));
}

export function decideCaseExtension(ctx: ServicesContext, input: DecideExtensionInput): Promise<CaseExtension> {
  const guard = guardOf(ctx, CaseAction.DECIDE_EXTENSION);
  return ctx.em.transactional((em) => decideExtension(em, input, actorOf(ctx), guard));
}

export function superviseCase(ctx: ServicesContext, input: SuperviseCaseInput): Promise<SupervisionNotice> {
  const guard = guardOf(ctx, CaseAction.SUPERVISE);
  return ctx.em.transactional((em) => supervise(em, input, actorOf(ctx), guard));
}
