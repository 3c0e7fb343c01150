import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { CaseAction, CaseChannel, CaseEvent, CaseState, ServiceCase, ServiceItem, ServiceItemVersion } from '../entities';
import { checkValues, type AttributeValueData } from './intake-attributes';
import { intakeFingerprint } from './intake-fingerprint';
import { requireRecord } from '../../../lib/records';

export interface IntakeInput {
  idempotencyKey?: string | null;
  channel: CaseChannel;
  itemId: string;
  gridId: string;
  reporterResidentId?: string | null;
  description: string;
  location?: string | null;
  attributes: AttributeValueData[];
}

/** Where a grid stood when the case was reported, as the grid subgraph answers. */
export interface GridPlace {
  status: string;
  communityId: string;
  streetId: string;
}

/** The grid subgraph's answers, passed in so this module stays free of HTTP. */
export interface IntakeLookups {
  gridPlace(gridId: string): Promise<GridPlace | null>;
  requireResident(residentId: string, field: string): Promise<void>;
}

function checkText(input: IntakeInput) {
  const description = input.description.trim();
  if (!description || description.length > 4000) throw badInput('input.description', 'input.description must be 1–4000 characters');
  const location = input.location?.trim() || null;
  if (location && location.length > 500) throw badInput('input.location', 'input.location must be at most 500 characters');
  const key = input.idempotencyKey ?? null;
  if (key !== null && !/^[\x21-\x7e]{8,100}$/.test(key)) {
    throw badInput('input.idempotencyKey', 'input.idempotencyKey must be 8–100 printable ASCII characters (a UUID is fine)');
  }
  return { description, location, key };
}

/** A retry under a used key gets the case it created, if it repeats the same report. */
async function replay(em: EntityManager, key: string, fingerprint: string): Promise<ServiceCase | null> {
  const existing = await em.findOne(ServiceCase, { idempotencyKey: key });
  if (existing && existing.intakeFingerprint !== fingerprint) {
    throw conflict('input.idempotencyKey', 'this idempotency key was already used for a different report; use a new key for a new report');
  }
  return existing;
}

/**
 * 信息收集: a report becomes a case in state REPORTED, with its first timeline event. Every id is
 * checked before anything is written; the grid's community and street are copied onto the case.
 */
export async function reportCase(em: EntityManager, input: IntakeInput, actor: string, lookups: IntakeLookups): Promise<ServiceCase> {
  const { description, location, key } = checkText(input);
  const fingerprint = intakeFingerprint({ ...input, idempotencyKey: undefined, description, location });
  if (key) {
    const earlier = await replay(em, key, fingerprint);
    if (earlier) return earlier;
  }
  const item = await requireRecord(em, ServiceItem, input.itemId, 'input.itemId');
  const version = await em.findOneOrFail(ServiceItemVersion, { item, version: item.version });
  const attributes = checkValues(version.attributes, input.attributes ?? []);
  const place = await lookups.gridPlace(input.gridId);
  if (!place) throw notFound('input.gridId', 'Grid', input.gridId);
  if (place.status !== 'ACTIVE') throw conflict('input.gridId', `grid ${input.gridId} is ${place.status}; report the case in the grid that replaced it`);
  if (input.reporterResidentId) await lookups.requireResident(input.reporterResidentId, 'input.reporterResidentId');

  try {
    return await em.transactional(async (tx) => {
      const now = new Date();
      const serviceCase = tx.create(ServiceCase, {
        id: newId(), channel: input.channel, item: item.id, itemVersion: version.id, category: version.category,
        department: version.department, gridId: input.gridId, communityId: place.communityId, streetId: place.streetId,
        reporterResidentId: input.reporterResidentId ?? null, description, location, attributes,
        idempotencyKey: key, intakeFingerprint: key ? fingerprint : null, reportedAt: now, updatedAt: now,
      });
      tx.create(CaseEvent, {
        id: newId(), serviceCase, action: CaseAction.REPORT, toState: CaseState.REPORTED, toLevel: serviceCase.level,
        actor, note: `${input.channel}`, occurredAt: now,
      });
      return serviceCase;
    });
  } catch (error) {
    // Two retries raced past the first look-up: the loser answers with the winner's case.
    if (key && error instanceof UniqueConstraintViolationException) {
      const winner = await replay(em.fork(), key, fingerprint);
      if (winner) return winner;
    }
    throw error;
  }
}
