import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * Read statements sent straight to the pool's PostgreSQL client, for the loaders and pages that
 * run on every request.
 *
 * Through the ORM, every statement has its values written into the SQL text (so PostgreSQL parses
 * and plans it anew each time) and passes through the ORM's and knex's execution layers. Measured
 * per statement on the district data (node / PostgreSQL CPU, warm): 40 households by id
 * 0.42 / 0.15 ms through the query builder, 0.11 / 0.08 ms here as a prepared statement; a
 * grid's household count 0.38 / 0.21 ms through `em.count`, 0.05 / 0.05 ms prepared.
 *
 * A `prepared` statement is parsed once per connection and PostgreSQL may keep its plan: only for
 * look-ups by key, whose best plan does not depend on the values. A filtered page is sent with
 * its values as parameters but planned for them each time (a plan made for one street's rare
 * state would be wrong for a common one). PostgreSQL still plans a prepared look-up anew for its
 * values when the kept (generic) plan is estimated dearer, as it can be for `= any($1)`, which
 * it prices for ten values: a page for one parent, a small table read whole for nine values or
 * more (`oneOf` and `readOnlyRowsIn`'s `asSet` write conditions whose plans it keeps); forcing the kept plan (plan_cache_mode) was measured and left
 * out: the planning it saved was lost again in slower kept plans (one look-up 0.03 ms custom,
 * 0.24 ms kept).
 *
 * Inside a transaction the statement runs on the transaction's connection. The statement goes
 * through knex's public `raw` (the builder MikroORM 6 exposes), so each is reported to knex's
 * `query` listeners and the SQL count the tests and the benchmark read stays whole; a prepared
 * statement's name is passed to the driver as a query option.
 */
export interface SqlStatement {
  /** SQL with $1, $2, ... placeholders. */
  text: string;
  values: readonly unknown[];
  prepared?: boolean;
}

/** A statement as knex's `raw` takes it: `?` placeholders in order, and where each takes its value. */
interface PositionalText {
  text: string;
  /** For each `?` in order, the index of its value in the statement's values. */
  valueIndexes: number[];
  name: string;
}

const positionalTexts = new Map<string, PositionalText>();

/**
 * `$n` placeholders become knex's `?` (knex numbers them back to `$n` for PostgreSQL), a literal
 * `?` (a jsonb operator) is escaped, and a placeholder written twice takes its value twice. Made
 * once per distinct text. The name is per text: the driver refuses one name for two texts.
 */
function positionalText(text: string): PositionalText {
  let converted = positionalTexts.get(text);
  if (!converted) {
    const valueIndexes: number[] = [];
    const positional = text.replace(/\?/g, '\\?').replace(/\$(\d+)/g, (_, n: string) => {
      valueIndexes.push(Number(n) - 1);
      return '?';
    });
    const name = `hub_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    converted = { text: positional, valueIndexes, name };
    positionalTexts.set(text, converted);
  }
  return converted;
}

export async function sqlRows<T = Record<string, unknown>>(em: EntityManager, statement: SqlStatement): Promise<T[]> {
  const { text, valueIndexes, name } = positionalText(statement.text);
  const runner = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  const query = runner.raw(text, valueIndexes.map((index) => statement.values[index]) as Knex.RawBinding[]);
  const result: { rows: T[] } = await (statement.prepared ? query.options({ name }) : query);
  return result.rows;
}

/** Adds a value to a statement written as text and returns its placeholder (`$n`): SqlParameters.add. */
export type SqlParameter = (value: unknown) => string;

/**
 * Numbered parameters for a statement written as text: each value is added where its placeholder
 * is written, so a placeholder and its value cannot drift apart. For statements built on every
 * request, where building them with knex cost more CPU than PostgreSQL spent running them.
 */
export class SqlParameters {
  readonly values: unknown[] = [];

  /** The placeholder (`$n`) of a new parameter holding the value. */
  readonly add: SqlParameter = (value) => `$${this.values.push(value)}`;
}

/**
 * `"column" = $n` for each column given a value, in the order written: a list's optional filters
 * by equality. A filter left out (undefined, null or an empty string) adds no condition; false
 * is a value.
 */
export function equalTo(parameter: SqlParameter, values: Record<string, unknown>): string[] {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([column, value]) => `"${column}" = ${parameter(value)}`);
}

/**
 * `column = $n` for one value, `column = any($n)` for several (`column` as written in SQL). A
 * batch often holds one key (one community's page of grids), and PostgreSQL prices a prepared
 * statement's kept plan for `= any($n)` as if the array held ten values: dearer than the plans it
 * makes for one value, so it plans the statement anew on every call. With `= $n` it keeps the plan.
 */
export function oneOf(column: string, values: readonly unknown[], parameter: SqlParameter): string {
  return values.length === 1 ? `${column} = ${parameter(values[0])}` : `${column} = any(${parameter([...values])})`;
}

/** A schema-qualified, quoted table name. */
export function quotedTable(schema: string, table: string): string {
  return `"${schema}"."${table}"`;
}

/** `schema.table` quoted; the loaders are configured with qualified names only. */
export function quotedQualifiedTable(qualified: string): string {
  const [schema, table, ...rest] = qualified.split('.');
  if (!schema || !table || rest.length) throw new Error(`table ${qualified} is not written schema.table`);
  return quotedTable(schema, table);
}
