import { types } from 'pg';
import { parse as parseArray } from 'postgres-array';

// The driver's type ids list scalar types only; array types are named by their OID all the same.
type TypeId = Parameters<typeof types.setTypeParser>[0];

/**
 * How the pg driver reads text-like array columns (text[], varchar[], uuid[]): a grid team's
 * duties, a resident's care tags, a Party organisation's grids and buildings.
 *
 * pg-types' own parser (postgres-array 2) makes an object for every character of the array's text
 * and joins them back into strings; in the grid subgraph's allocation profile under the benchmark
 * it was a sixth of everything allocated (the community dashboard reads 27 team assignments with
 * their duties). postgres-array 3, which MikroORM already uses for its date arrays, slices the
 * text instead and returns the same values (NULL elements as null, quoted and escaped elements
 * unescaped). Other columns keep the driver's parsers; MikroORM's own overrides (dates) come first.
 */
export const TEXT_ARRAY_OIDS = {
  'text[]': 1009 as TypeId,
  'varchar[]': 1015 as TypeId,
  'uuid[]': 2951 as TypeId,
};

/** An array column's text as PostgreSQL sends it (`{a,"b c",NULL}`) to its elements. */
export const parseTextArray = (text: string): Array<string | null> => parseArray(text);

/** Registered once per process, for every pool and client (the driver asks its global registry for types nobody overrode). */
export function useFastArrayParsers(): void {
  for (const oid of Object.values(TEXT_ARRAY_OIDS)) types.setTypeParser(oid, parseTextArray);
}
