import { SqlParameters, type SqlParameter } from '../../lib/sql-rows';

/** SQL conditions as a page loader would write them: their texts and the values of their placeholders, in order. */
export function writtenConditions(write: (parameter: SqlParameter) => string[]): {
  conditions: string[];
  values: unknown[];
} {
  const parameters = new SqlParameters();
  return { conditions: write(parameters.add), values: parameters.values };
}
