import { ReferenceKind, type EntityName, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { storedProperties, tableOf } from './read-only-entities';
import type { SqlParameter } from './sql-rows';

/**
 * An insert written as SQL text from entity instances, for a write that runs on every request
 * and changes nothing it read (a case reported from the app): the unit of work, its change sets
 * and its transaction of one statement each cost more CPU than the write itself. Each stored
 * property becomes its column, its value converted as the ORM would store it (a many-to-one as
 * its id, a custom type such as jsonb through the type); the instance's own defaults (a new
 * entity's field initialisers) are written too. Writes that change loaded records, or need the
 * ORM's cascades, stay on the EntityManager.
 */
export function insertText<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  instances: readonly T[],
  parameter: SqlParameter,
): string {
  const properties = storedProperties(em, entity);
  const platform = em.getPlatform();
  const valueOf = (prop: EntityProperty, instance: T): unknown => {
    const value = (instance as Record<string, unknown>)[prop.name];
    if (value === undefined || value === null) return null;
    if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
      return typeof value === 'object' ? (value as { id: unknown }).id : value;
    }
    return prop.customType ? prop.customType.convertToDatabaseValue(value, platform) : value;
  };
  const columns = properties.map((prop) => `"${prop.fieldNames[0]}"`).join(', ');
  const rows = instances.map(
    (instance) => `(${properties.map((prop) => parameter(valueOf(prop, instance))).join(', ')})`,
  );
  return `insert into ${tableOf(em, entity)} (${columns}) values ${rows.join(', ')}`;
}
