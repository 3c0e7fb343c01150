import type { EntityManager } from '@mikro-orm/postgresql';
import { FlushMode, type EntityName } from '@mikro-orm/core';
import { conflict } from '../../../lib/errors';
import { checkCode } from './codes';

/** Codes are unique in the district; say which field clashes instead of a database error. */
export async function requireFreeCode<T extends object>(
  em: EntityManager,
  entity: EntityName<T> & { name: string },
  code: string,
  field = 'code',
  exceptId?: string,
): Promise<void> {
  // Callers may already have set the new code on the entity: without COMMIT the query would
  // first flush it and meet the unique index as a database error instead of this CONFLICT.
  const existing = (await em.findOne(entity, { code } as any, { flushMode: FlushMode.COMMIT })) as {
    id: string;
  } | null;
  if (existing && existing.id !== exceptId) {
    throw conflict(field, `${entity.name} code ${code} is already used`, { id: existing.id });
  }
}

/** A new or changed code: well formed and used by no other record. Returns the normalised code. */
export async function freeCode<T extends object>(
  em: EntityManager,
  entity: EntityName<T> & { name: string },
  value: string,
  field: string,
  exceptId?: string,
): Promise<string> {
  const code = checkCode(value, field);
  await requireFreeCode(em, entity, code, field, exceptId);
  return code;
}
