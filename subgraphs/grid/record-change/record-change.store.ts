import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../../lib/ids';
import { RecordChange } from './record-change.entity';
import { RecordAction, RecordType } from '../shared/enums';

/** Writes to the log of changes to person, house and household records (values never written). */
export interface RecordChangeEntry {
  entityType: RecordType;
  entityId: string;
  action: RecordAction;
  fields: string[];
  actor: string;
  at?: Date;
}

/** Append one row in the caller's transaction; an update that changed nothing leaves no row. */
export function logRecordChange(em: EntityManager, entry: RecordChangeEntry): void {
  if (entry.action !== RecordAction.CREATED && !entry.fields.length) return;
  em.create(RecordChange, {
    id: newId(),
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    fields: entry.fields,
    changedBy: entry.actor,
    changedAt: entry.at ?? new Date(),
  });
}
