import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { newId } from '../ids';
import type { AccessOutcome, PersonalField, PersonalRecordType } from '../auth/personal-access';
import type { Viewer } from '../viewer';
import { PersonalDataAccess } from './personal-data-access';

export interface AccessEntry {
  recordType: PersonalRecordType;
  recordId: string;
  field: PersonalField;
  outcome: AccessOutcome;
  reason?: string;
}

/**
 * The request's access log: every entry of one tick goes to the database in one INSERT, and the
 * value it guards is released only after that INSERT succeeded (no record, no full value).
 * The same record and field read twice in one request is recorded once.
 */
export function createAccessLog(em: EntityManager, viewer: Viewer) {
  const loader = new DataLoader<AccessEntry, void, string>(
    async (entries) => {
      const at = new Date();
      await em.fork().insertMany(
        PersonalDataAccess,
        entries.map((entry) => ({
          id: newId(),
          at,
          actor: viewer.subject ?? 'anonymous',
          role: viewer.role,
          // A refused purpose is recorded as stated, its control characters shown.
          purpose: viewer.purpose ?? viewer.refusedPurpose?.stated ?? null,
          recordType: entry.recordType,
          recordId: entry.recordId,
          field: entry.field,
          operation: viewer.operation,
          outcome: entry.outcome,
          reason: entry.reason ?? null,
        })),
      );
      return entries.map(() => undefined);
    },
    { cacheKeyFn: (entry) => `${entry.recordType}:${entry.recordId}:${entry.field}:${entry.outcome}` },
  );
  return { record: (entry: AccessEntry): Promise<void> => loader.load(entry) };
}

export type AccessLog = ReturnType<typeof createAccessLog>;
