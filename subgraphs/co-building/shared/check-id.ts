import { notFound } from '../../../lib/errors';
import { isId } from '../../../lib/ids';

/** Refuse a malformed id before asking another department about it. */
export function checkId(id: string, field: string, type: string): string {
  if (!isId(id)) throw notFound(field, type, id);
  return id;
}
