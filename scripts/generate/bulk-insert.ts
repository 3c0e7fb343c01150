import type { MikroORM } from '@mikro-orm/postgresql';
import type { SingleBar } from 'cli-progress';

export interface Column {
  name: string;
  /** PostgreSQL type of one value; array-typed columns are sent as array literals and cast. */
  type: string;
}

const BATCH = 5_000;

/**
 * Insert rows in batches of 5 000 with one statement each: every column travels as one array
 * parameter and `unnest` turns the arrays back into rows, which is as fast as multi-row VALUES
 * without building SQL text, and needs no COPY stream dependency.
 */
export async function bulkInsert(
  orm: MikroORM,
  table: string,
  columns: Column[],
  rows: unknown[][],
  bar?: SingleBar,
): Promise<void> {
  const knex = orm.em.getConnection().getKnex();
  const connection = await knex.client.acquireConnection();
  try {
    const list = columns.map((c) => `"${c.name}"`).join(', ');
    const unnestArgs = columns.map((c, i) => `$${i + 1}::${c.type.endsWith('[]') ? 'text' : c.type}[]`).join(', ');
    const select = columns.map((c, i) => (c.type.endsWith('[]') ? `c${i}::${c.type}` : `c${i}`)).join(', ');
    const aliases = columns.map((_, i) => `c${i}`).join(', ');
    const sql = `insert into ${table} (${list}) select ${select} from unnest(${unnestArgs}) as u(${aliases})`;
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const params = columns.map((column, i) =>
        batch.map((row) => (column.type.endsWith('[]') ? arrayLiteral(row[i] as string[]) : row[i])),
      );
      await connection.query(sql, params);
      bar?.increment(batch.length);
    }
  } finally {
    await knex.client.releaseConnection(connection);
  }
}

function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}

/** A writer for one schema's tables: one progress bar per table, columns given as [name, type]. */
export function tableWriter(
  orm: MikroORM,
  schema: string,
  progress: { bar(table: string, total: number): SingleBar; done(bar: SingleBar): void },
) {
  return async (table: string, columns: Array<[string, string]>, rows: unknown[][]): Promise<void> => {
    const bar = progress.bar(table, rows.length);
    await bulkInsert(
      orm,
      `${schema}.${table}`,
      columns.map(([name, type]) => ({ name, type })),
      rows,
      bar,
    );
    progress.done(bar);
  };
}
