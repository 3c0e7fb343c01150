import { v7 as uuidv7 } from 'uuid';
import { badInput } from './errors';

/** New ids are UUIDv7: unique across departments and ordered by creation, so keyset pages follow time. */
export function newId(): string {
  return uuidv7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: string): boolean {
  return UUID.test(value);
}

/** Arguments that must name an id when given (a territory narrowing a list): a malformed one is refused, naming its field. */
export function checkIdArguments(ids: Record<string, string | null | undefined>): void {
  for (const [field, id] of Object.entries(ids)) {
    if (id && !isId(id)) throw badInput(field, `${field} is not an id`);
  }
}
