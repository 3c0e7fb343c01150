import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { notFound } from '../../../lib/errors';
import { isId } from '../../../lib/ids';

/** Load a row the caller named by id, or refuse with NOT_FOUND naming the argument. */
export async function requireRecord<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  typeName: string,
  id: string,
  field: string,
): Promise<T> {
  const row = isId(id) ? await em.findOne(entity, { id } as any) : null;
  if (!row) throw notFound(field, typeName, id);
  return row;
}
