import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { paginate } from '../../../lib/pagination';
import { requireRecord } from '../../../lib/records';
import { requireRemoteEntities } from '../../../lib/remote-entities';
import {
  admissionScopeOf,
  requireCatalogueEditor,
  requireCatalogueReader,
  requireMayDecideAdmission,
  requireMaySubmitAdmission,
  requireSignedIn,
} from '../access';
import { actorOf, type ServicesContext } from '../context';
import { ServiceItem } from '../item/item.entity';
import { AdmissionRequestConnection } from '../shared/connections';
import { AdmissionRequest } from './admission-request.entity';
import type { AdmissionFilter, AssignItemInput, DecideAdmissionInput, SubmitAdmissionInput } from './admission.inputs';
import {
  AdmissionDecision,
  AdmissionStatus,
  AdmissionTarget,
  checkApplication,
  checkDecision,
  refuseNotForCommunity,
  requireAdmitted,
} from './admission.rules';
import { admissionListConditions, admissionsOfItem } from './admission.store';
import { ItemAssignment } from './item-assignment.entity';

export async function listAdmissions(ctx: ServicesContext, filter: AdmissionFilter, info: GraphQLResolveInfo) {
  requireSignedIn(ctx.viewer, 'admission requests');
  const scope = admissionScopeOf(ctx.viewer);
  return new AdmissionRequestConnection(
    await paginate(
      ctx.em,
      AdmissionRequest,
      (parameter) => admissionListConditions(filter, scope, parameter),
      filter,
      info,
    ),
  );
}

export function submitAdmission(ctx: ServicesContext, input: SubmitAdmissionInput): Promise<AdmissionRequest> {
  requireMaySubmitAdmission(ctx.viewer, input.department);
  return ctx.em.transactional(async (em) => {
    const application = checkApplication(input);
    const item = await requireRecord(em, ServiceItem, input.itemId, 'input.itemId');
    refuseNotForCommunity(item, 'input.itemId');
    return em.create(AdmissionRequest, { id: newId(), item, target: input.target, ...application });
  });
}

export function decideAdmission(ctx: ServicesContext, input: DecideAdmissionInput): Promise<AdmissionRequest> {
  requireMayDecideAdmission(ctx.viewer);
  return ctx.em.transactional(async (em) => {
    const request = await requireRecord(em, AdmissionRequest, input.id, 'input.id');
    request.decisionReason = checkDecision(request.status, input.decision, input.reason);
    request.status =
      input.decision === AdmissionDecision.APPROVED ? AdmissionStatus.APPROVED : AdmissionStatus.REJECTED;
    request.decidedBy = actorOf(ctx);
    request.decidedAt = new Date();
    return request;
  });
}

/** Put an admitted item into a grid, or into every grid of a community the grid subgraph knows. */
export function assignItem(ctx: ServicesContext, input: AssignItemInput): Promise<ItemAssignment> {
  requireCatalogueEditor(ctx.viewer, 'assigning an item to a grid or community');
  return ctx.em.transactional(async (em) => {
    const item = await requireRecord(em, ServiceItem, input.itemId, 'input.itemId');
    if (Boolean(input.gridId) === Boolean(input.communityId)) {
      throw badInput('input', 'name exactly one of input.gridId and input.communityId');
    }
    const target = input.gridId ? AdmissionTarget.GRID : AdmissionTarget.COMMUNITY;
    const field = input.gridId ? 'input.gridId' : 'input.communityId';
    requireAdmitted(item, target, await admissionsOfItem(em, item), 'input.itemId');
    await requireRemoteEntities(
      'grid',
      input.gridId ? 'Grid' : 'Community',
      [(input.gridId ?? input.communityId)!],
      field,
    );
    return em.create(ItemAssignment, {
      id: newId(),
      item,
      gridId: input.gridId ?? null,
      communityId: input.communityId ?? null,
      assignedBy: actorOf(ctx),
    });
  });
}

/** The items admitted into a grid, or into every grid of a community. */
export function admittedItems(
  ctx: ServicesContext,
  of: 'assignmentsOfGrid' | 'assignmentsOfCommunity',
  id: string,
): Promise<ItemAssignment[]> {
  requireCatalogueReader(ctx.viewer);
  return ctx.loaders[of].load(id);
}
