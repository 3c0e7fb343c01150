import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, type EntityName } from '@mikro-orm/core';
import { notFound } from '../../../lib/errors';
import { isId } from '../../../lib/ids';

/** Load a row the caller named by id, or refuse with NOT_FOUND naming the argument. */
export async function requireRecord<T extends object>(
  em: EntityManager,
  entity: EntityName<T> & { name: string },
  id: string,
  field: string,
  options: { lock?: boolean } = {},
): Promise<T> {
  const row = isId(id)
    ? await em.findOne(entity, { id } as any, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {})
    : null;
  if (!row) throw notFound(field, entity.name, id);
  return row;
}

/** Refuse a malformed id before asking another department about it. */
export function checkId(id: string, field: string, type: string): string {
  if (!isId(id)) throw notFound(field, type, id);
  return id;
}
