import {
  ReferenceKind,
  type EntityMetadata,
  type EntityName,
  type EntityProperty,
  type Platform,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { quotedTable, sqlRows } from './sql-rows';

/**
 * Rows read for display, as instances of their entity class but not managed by the ORM.
 *
 * MikroORM builds a managed entity per row: identity map, a snapshot for change tracking, and
 * accessors defined on every instance. Measured on the district data, reading 50 residents cost
 * 4.8–6.3 ms of CPU through `em.find` and 0.9 ms as plain rows; 40 households by id 2.8–3.2 ms
 * against 0.3–0.4 ms. Pages, children and look-ups by id only display what they read, so the
 * loaders build their objects here: same class (type checks and methods work), same property
 * values as the ORM would hydrate, a many-to-one as an instance holding only its id (as an
 * unpopulated ORM reference does). They are not frozen: Apollo's entity resolution adds
 * __typename to the objects it returns. Writes load what they change through the EntityManager
 * in their transaction; a change made to one of these objects is never saved.
 */
export type RowMapper<T> = (row: Record<string, unknown>) => T;

/**
 * The rows whose property (a column or a many-to-one) is one of the values, for look-ups by id or
 * by parent: SQL written from the metadata, without translating an ORM filter (measured: that
 * translation alone costs as much as reading and mapping 40 rows, and was a quarter of the CPU of
 * the Party subgraph's call for a community's grids). One text for any number of values
 * (`= any($1)`), so it is prepared once per connection. With `overlapping`, the property is an
 * array column and a row matches when its array shares a value with them (`&& $1`). With `asSet`,
 * the rows are joined to the values as a set (`in (select unnest($1))`), for a small table read
 * whole (a grid's team assignments): given nine values or more, PostgreSQL plans `= any($1)` with
 * the array hashed, but prices the plan it would keep, made without the values, with a linear
 * search, finds it dearer and so plans every call; a set is priced alike in both, and the plan is
 * kept. `where`
 * narrows by properties that must be null (an assignment not ended) or equal a value (a level, a
 * status), those values sent as parameters.
 */
export async function readOnlyRowsIn<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  property: string,
  values: readonly string[],
  options: {
    orderBy?: Record<string, 'asc' | 'desc'>;
    where?: Record<string, string | null>;
    overlapping?: boolean;
    asSet?: boolean;
  } = {},
): Promise<T[]> {
  const meta = metadataOf(em, entity);
  const props = meta.properties as Record<string, EntityProperty>;
  const propOf = (name: string) => {
    const prop = props[name];
    if (!prop) throw new Error(`${meta.className} has no property ${name}`);
    return prop;
  };
  const column = (name: string) => `"${storedColumn(propOf(name))}"`;
  const parameters: unknown[] = [values];
  const keys = options.overlapping
    ? '&& $1'
    : options.asSet
      ? `in (select unnest($1::${propOf(property).columnTypes[0]}[]))`
      : '= any($1)';
  const conditions = [`${column(property)} ${keys}`];
  for (const [name, value] of Object.entries(options.where ?? {})) {
    if (value === null) conditions.push(`${column(name)} is null`);
    else conditions.push(`${column(name)} = $${parameters.push(value)}`);
  }
  const order = Object.entries(options.orderBy ?? {}).map(
    ([name, direction]) => `${column(name)} ${direction === 'desc' ? 'desc' : 'asc'}`,
  );
  const text = `select ${columnsOf(em, entity)} from ${tableOf(em, entity)} where ${conditions.join(' and ')}${order.length ? ` order by ${order.join(', ')}` : ''}`;
  const rows = await sqlRows(em, { text, values: parameters, prepared: true });
  return rows.map(readOnlyMapper(em, entity));
}

/** The entity's schema-qualified, quoted table. */
export function tableOf(em: EntityManager, entity: EntityName<any>): string {
  const meta = metadataOf(em, entity);
  return quotedTable(meta.schema ?? em.config.get('schema') ?? 'public', meta.tableName);
}

const mappers = new WeakMap<EntityMetadata, RowMapper<any>>();

function metadataOf<T extends object>(em: EntityManager, entity: EntityName<T>): EntityMetadata<T> {
  return em.getMetadata().get<T>(typeof entity === 'string' ? entity : (entity as { name: string }).name);
}

export function readOnlyMapper<T extends object>(em: EntityManager, entity: EntityName<T>): RowMapper<T> {
  const meta = metadataOf(em, entity);
  let mapper = mappers.get(meta);
  if (!mapper) {
    mapper = mapperFor(meta, em.getPlatform());
    mappers.set(meta, mapper);
  }
  return mapper;
}

/** The properties read from a row: those stored in one column. */
/** The one column a stored property is kept in. */
function storedColumn(prop: EntityProperty): string {
  const [column, ...others] = prop.fieldNames ?? [];
  if (column === undefined || others.length) throw new Error(`property ${prop.name} is not kept in one column`);
  return column;
}

const storedProps = (meta: EntityMetadata) =>
  meta.props.filter((prop) => prop.persist !== false && prop.fieldNames?.length === 1);

/** The entity's properties stored in one column each, in the order `columnsOf` names them. */
export function storedProperties(em: EntityManager, entity: EntityName<any>): EntityProperty[] {
  return storedProps(metadataOf(em, entity));
}

/**
 * The entity's columns for a select list (`"alias"."column", ...`). Prepared statements name
 * their columns rather than `*`: a column added by a migration while a service runs would change
 * the result of a prepared `select *`, which PostgreSQL then refuses to execute on that connection.
 */
export function columnsOf(em: EntityManager, entity: EntityName<any>, alias = ''): string {
  // Written once per entity and alias: loaders are built per request and name their columns.
  const meta = metadataOf(em, entity);
  let lists = columnLists.get(meta);
  if (!lists) columnLists.set(meta, (lists = new Map()));
  let list = lists.get(alias);
  if (list === undefined) {
    list = storedProps(meta)
      .map((prop) => `${alias ? `"${alias}".` : ''}"${prop.fieldNames[0]}"`)
      .join(', ');
    lists.set(alias, list);
  }
  return list;
}

const columnLists = new WeakMap<EntityMetadata, Map<string, string>>();

function mapperFor<T extends object>(meta: EntityMetadata<T>, platform: Platform): RowMapper<T> {
  const fields = storedProps(meta).map((prop) => ({
    name: prop.name as string,
    column: storedColumn(prop),
    convert: converterFor(prop, platform),
  }));
  const prototype = meta.class.prototype;
  // Built as a plain object and given the entity's prototype afterwards: the ORM defines setters
  // for entity properties on the prototype, and assigning through them would wrap the object in
  // the ORM's change tracking after all (ten times slower, measured).
  return (row) => {
    const values: Record<string, unknown> = {};
    for (const field of fields) {
      const value = row[field.column];
      values[field.name] = value === null || value === undefined ? null : field.convert(value);
    }
    return Object.setPrototypeOf(values, prototype);
  };
}

function converterFor(prop: EntityProperty, platform: Platform): (value: unknown) => unknown {
  if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
    const target = prop.targetMeta!.class.prototype;
    return (id) => Object.setPrototypeOf({ id }, target);
  }
  if (prop.kind !== ReferenceKind.SCALAR) {
    throw new Error(`${prop.name}: ${prop.kind} properties are not read as rows`);
  }
  if (prop.customType) {
    const type = prop.customType;
    return (value) => type.convertToJSValue(value, platform);
  }
  if (prop.runtimeType === 'Date') return toDate;
  if (prop.runtimeType === 'boolean') return (value) => !!value;
  return (value) => value;
}

/** A timestamptz as PostgreSQL sends it; a value without a zone is UTC (the ORM's forceUtcTimezone). */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(text.includes('+') || text.lastIndexOf('-') > 10 || text.endsWith('Z') ? text : `${text}Z`);
}
