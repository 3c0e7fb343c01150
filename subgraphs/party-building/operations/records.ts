import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { notFound } from '../../../lib/errors';
import { isId, newId } from '../../../lib/ids';
import { OrganizationChange, OrganizationChangeKind } from '../entities';

/** Load a row the caller named by id, or refuse with NOT_FOUND naming the argument. */
export async function requireRecord<T extends object>(
  em: EntityManager,
  entity: EntityName<T> & { name: string },
  id: string,
  field: string,
): Promise<T> {
  const row = isId(id) ? await em.findOne(entity, { id } as any) : null;
  if (!row) throw notFound(field, entity.name, id);
  return row;
}

export interface ChangeRecord {
  organizationId: string;
  kind: OrganizationChangeKind;
  actor: string;
  parentBeforeId?: string | null;
  parentAfterId?: string | null;
  coverageBefore?: string[];
  coverageAfter?: string[];
  relatedOrganizationIds?: string[];
  changedFields?: string[];
  note?: string | null;
}

/** Append one line to the organisation history; nothing ever updates or deletes it. */
export function recordChange(em: EntityManager, change: ChangeRecord, occurredAt = new Date()): OrganizationChange {
  return em.create(OrganizationChange, { id: newId(), ...change, note: change.note ?? null, occurredAt });
}
