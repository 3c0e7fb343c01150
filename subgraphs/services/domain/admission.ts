import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { AdmissionRequest, ItemAssignment, ServiceItem } from '../entities';
import {
  AdmissionDecision, AdmissionStatus, AdmissionTarget, checkApplication, checkDecision, refuseNotForCommunity, requireAdmitted,
  type AdmissionApplication,
} from './admission-rules';
import { requireRecord } from '../../../lib/records';

export async function submitAdmission(
  em: EntityManager,
  input: AdmissionApplication & { itemId: string; target: AdmissionTarget },
): Promise<AdmissionRequest> {
  const application = checkApplication(input);
  const item = await requireRecord(em, ServiceItem, input.itemId, 'input.itemId');
  refuseNotForCommunity(item, 'input.itemId');
  return em.create(AdmissionRequest, { id: newId(), item, target: input.target, ...application });
}

export async function decideAdmission(
  em: EntityManager,
  input: { id: string; decision: AdmissionDecision; reason: string },
  actor: string,
): Promise<AdmissionRequest> {
  const request = await requireRecord(em, AdmissionRequest, input.id, 'input.id');
  request.decisionReason = checkDecision(request.status, input.decision, input.reason);
  request.status = input.decision === AdmissionDecision.APPROVED ? AdmissionStatus.APPROVED : AdmissionStatus.REJECTED;
  request.decidedBy = actor;
  request.decidedAt = new Date();
  return request;
}

/**
 * Put an admitted item into a grid, or into every grid of a community. The grid subgraph's
 * check of the id is passed in (`requireTarget`) so this module stays free of HTTP.
 */
export async function assignItem(
  em: EntityManager,
  input: { itemId: string; gridId?: string | null; communityId?: string | null },
  actor: string,
  requireTarget: (typename: 'Grid' | 'Community', id: string, field: string) => Promise<void>,
): Promise<ItemAssignment> {
  const item = await requireRecord(em, ServiceItem, input.itemId, 'input.itemId');
  if (Boolean(input.gridId) === Boolean(input.communityId)) {
    throw badInput('input', 'name exactly one of input.gridId and input.communityId');
  }
  const target = input.gridId ? AdmissionTarget.GRID : AdmissionTarget.COMMUNITY;
  const field = input.gridId ? 'input.gridId' : 'input.communityId';
  const admissions = await em.find(AdmissionRequest, { item });
  requireAdmitted(item, target, admissions, 'input.itemId');
  await requireTarget(input.gridId ? 'Grid' : 'Community', (input.gridId ?? input.communityId)!, field);
  return em.create(ItemAssignment, { id: newId(), item, gridId: input.gridId ?? null, communityId: input.communityId ?? null, assignedBy: actor });
}
