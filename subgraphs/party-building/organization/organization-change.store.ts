import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../../lib/ids';
import { OrganizationChange } from './organization-change.entity';
import type { OrganizationChangeKind } from '../shared/enums';

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
