import { v7 as uuidv7 } from 'uuid';

/** New ids are UUIDv7: unique across departments and ordered by creation, so keyset pages follow time. */
export function newId(): string {
  return uuidv7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: string): boolean {
  return UUID.test(value);
}
