import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { conflict } from '../../../lib/errors';

/**
 * Write the changes only if the row still has the version that was read: of two concurrent
 * changes to one wish or project, the second finds the version moved on and is refused, instead
 * of silently overwriting the first (two claimants cannot both win).
 */
export async function updateIfUnchanged<T extends { id: string; version: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  row: T,
  changes: Partial<T>,
  field: string,
): Promise<T> {
  const updated = await em.nativeUpdate(
    entity,
    { id: row.id, version: row.version } as any,
    { ...changes, version: row.version + 1 } as any,
  );
  if (!updated) throw conflict(field, 'it was changed by another request at the same time; reload and try again');
  return (await em.refresh(row)) as T;
}
