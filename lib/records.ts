import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode, type EntityName } from '@mikro-orm/core';
import { notFound } from './errors';
import { isId } from './ids';

/**
 * Load a row the caller named by id, or refuse with NOT_FOUND naming the argument. `lock` takes a
 * row lock for the rest of the transaction (state changes that must not race); `typeName` is the
 * GraphQL name when it differs from the entity class.
 */
export async function requireRecord<T extends object>(
  em: EntityManager,
  entity: EntityName<T> & { name: string },
  id: string,
  field: string,
  options: { lock?: boolean; typeName?: string } = {},
): Promise<T> {
  const row = isId(id)
    ? await em.findOne(entity, { id } as any, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {})
    : null;
  if (!row) throw notFound(field, options.typeName ?? entity.name, id);
  return row;
}
