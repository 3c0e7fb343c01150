import { badInput, conflict, notFound } from '../../../lib/errors';
import { isId, newId } from '../../../lib/ids';
import { CaseEvent } from './case-event.entity';
import { ServiceCase } from './case.entity';
import { type ServiceItemVersion } from '../item/item-version.entity';
import { CaseAction, CaseChannel, CaseState } from '../shared/enums';
import { checkValues, type AttributeValueData } from '../item/item-attributes.rules';
import { intakeFingerprint } from './case-intake-fingerprint.rules';

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
  /** The grid's place (null when the grid subgraph does not know it) and whether it knows the reporter: one call. */
  gridAndReporter(
    gridId: string,
    reporterResidentId: string | null,
  ): Promise<{ place: GridPlace | null; reporterKnown: boolean }>;
}

/** The department's own rows, passed in so this module stays free of SQL (case-intake.store.ts). */
export interface IntakeStore {
  /** The case reported under this idempotency key, if any. */
  caseByKey(key: string): Promise<ServiceCase | null>;
  /** The version of the item in force now, by which a new case is handled; null when there is no such item. */
  currentVersion(itemId: string): Promise<ServiceItemVersion | null>;
  /**
   * Writes the case and its first timeline event together, all or nothing, and returns the case as
   * stored; null when another case took its idempotency key first (nothing is written then).
   */
  insert(serviceCase: ServiceCase, firstEvent: CaseEvent): Promise<ServiceCase | null>;
}

function checkText(input: IntakeInput) {
  const description = input.description.trim();
  if (!description || description.length > 4000)
    throw badInput('input.description', 'input.description must be 1–4000 characters');
  const location = input.location?.trim() || null;
  if (location && location.length > 500)
    throw badInput('input.location', 'input.location must be at most 500 characters');
  const key = input.idempotencyKey ?? null;
  if (key !== null && !/^[\x21-\x7e]{8,100}$/.test(key)) {
    throw badInput(
      'input.idempotencyKey',
      'input.idempotencyKey must be 8–100 printable ASCII characters (a UUID is fine)',
    );
  }
  return { description, location, key };
}

/** A look-up's answer, or its failure thrown. */
function valueOf<T>(settled: PromiseSettledResult<T>): T {
  if (settled.status === 'rejected') throw settled.reason;
  return settled.value;
}

/** A retry under a used key gets the case it created, if it repeats the same report. */
async function replay(store: IntakeStore, key: string, fingerprint: string): Promise<ServiceCase | null> {
  const existing = await store.caseByKey(key);
  if (existing && existing.intakeFingerprint !== fingerprint) {
    throw conflict(
      'input.idempotencyKey',
      'this idempotency key was already used for a different report; use a new key for a new report',
    );
  }
  return existing;
}

/**
 * 信息收集: a report becomes a case in state REPORTED, with its first timeline event. Every id is
 * checked before anything is written; the grid's community and street are copied onto the case.
 */
export async function reportCase(
  store: IntakeStore,
  input: IntakeInput,
  actor: string,
  lookups: IntakeLookups,
): Promise<ServiceCase> {
  const { description, location, key } = checkText(input);
  const fingerprint = intakeFingerprint({ ...input, idempotencyKey: undefined, description, location });
  const reporterResidentId = input.reporterResidentId ?? null;
  // The three look-ups are independent, so they run together. Their answers are still judged in
  // this order: a retry gets its case even when the grid subgraph is down, and a request wrong in
  // several ways is refused for the same field as when they ran one after another.
  const [earlier, current, gridAnswer] = await Promise.allSettled([
    key ? replay(store, key, fingerprint) : null,
    isId(input.itemId) ? store.currentVersion(input.itemId) : null,
    lookups.gridAndReporter(input.gridId, reporterResidentId),
  ]);
  const earlierCase = valueOf(earlier);
  if (earlierCase) return earlierCase;
  const version = valueOf(current);
  if (!version) throw notFound('input.itemId', 'ServiceItem', input.itemId);
  const attributes = checkValues(version.attributes, input.attributes ?? []);
  const { place, reporterKnown } = valueOf(gridAnswer);
  if (!place) throw notFound('input.gridId', 'Grid', input.gridId);
  if (place.status !== 'ACTIVE')
    throw conflict(
      'input.gridId',
      `grid ${input.gridId} is ${place.status}; report the case in the grid that replaced it`,
    );
  if (reporterResidentId && !reporterKnown) throw notFound('input.reporterResidentId', 'Resident', reporterResidentId);

  const now = new Date();
  // New instances carry the entity's defaults (state REPORTED at grid level, version 1, ...).
  const serviceCase = Object.assign(new ServiceCase(), {
    id: newId(),
    channel: input.channel,
    item: version.item,
    itemVersion: version,
    category: version.category,
    department: version.department,
    gridId: input.gridId,
    communityId: place.communityId,
    streetId: place.streetId,
    reporterResidentId,
    description,
    location,
    attributes,
    idempotencyKey: key,
    intakeFingerprint: key ? fingerprint : null,
    reportedAt: now,
    updatedAt: now,
  });
  const firstEvent = Object.assign(new CaseEvent(), {
    id: newId(),
    serviceCase,
    action: CaseAction.REPORT,
    toState: CaseState.REPORTED,
    toLevel: serviceCase.level,
    actor,
    note: `${input.channel}`,
    occurredAt: now,
  });
  const stored = await store.insert(serviceCase, firstEvent);
  if (stored) return stored;
  // Two retries raced past the first look-up: the loser answers with the winner's case.
  const winner = key ? await replay(store, key, fingerprint) : null;
  if (!winner)
    throw conflict('input.idempotencyKey', 'this idempotency key was taken by a report that is gone; use a new key');
  return winner;
}
