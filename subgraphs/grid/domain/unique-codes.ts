import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { conflict } from '../../../lib/errors';

/** Codes are unique in the district; say which field clashes instead of a database error. */
export async function requireFreeCode<T extends object>(
  em: EntityManager,
  entity: EntityName<T> & { name: string },
  code: string,
  field = 'code',
  exceptId?: string,
): Promise<void> {
  const existing = (await em.findOne(entity, { code } as any)) as { id: string } | null;
  if (existing && existing.id !== exceptId) {
    throw conflict(field, `${entity.name} code ${code} is already used`, { id: existing.id });
  }
}
