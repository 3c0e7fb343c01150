import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../../lib/ids';
import { RecordAction, RecordType } from '../shared/enums';
import { RecordChange } from './record-change.entity';

/**
 * The log of changes to person, house and household records (人、房、户): who and when, and
 * the names of the fields changed. Values are never written here: they can be personal data.
 */
export type Snapshot = Record<string, unknown>;

function comparable(value: unknown): string {
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id);
  if (Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value ?? null);
}

/** Names of the fields whose value differs between two snapshots of one record. */
export function changedFields(before: Snapshot, after: Snapshot): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return names.filter((name) => comparable(before[name]) !== comparable(after[name]));
}

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
