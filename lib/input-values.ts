import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Kind, type GraphQLScalarType, type ValueNode } from 'graphql';
import { badInput, type DomainError } from './errors';
import { isId } from './ids';

/**
 * What every value a client sends must be, whatever argument carries it: text without control
 * characters (PostgreSQL refuses a NUL outright, and a stray control character garbles what is
 * stored and shown), an ID that is an id, a date and time that the subgraphs' scalar reads.
 * The gateway applies these to every argument of every operation (gateway/argument-checks.ts),
 * so a resolver never sees such a value and the error names the argument, not a SQL statement.
 */

/** Control characters, except tab, line feed and carriage return (notes and descriptions have lines), and unpaired surrogates (not text). */
const NOT_TEXT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const codePoint = (character: string) => `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export function textRefusal(field: string, value: string): DomainError | null {
  const found = NOT_TEXT.exec(value);
  if (!found) return null;
  const what = /[\ud800-\udfff]/.test(found[0])
    ? `an unpaired surrogate (${codePoint(found[0])})`
    : `a control character (${codePoint(found[0])})`;
  return badInput(field, `${field} contains ${what} at position ${found.index}; send text without it`);
}

/** The custom scalars of the graph, as the subgraphs parse them (type-graphql's Date is graphql-scalars' DateTimeISO). */
const SCALARS: Record<string, { type: GraphQLScalarType; expected: string }> = {
  DateTimeISO: {
    type: GraphQLDateTimeISO,
    expected: 'a date and time with its offset (ISO 8601), as 2026-01-31T08:00:00+08:00',
  },
};

/** A value (from variables, JSON) of a scalar type: null when the subgraph will take it. */
export function scalarValueRefusal(typeName: string, field: string, value: unknown): DomainError | null {
  if (typeof value === 'string') {
    const refusal = textRefusal(field, value);
    if (refusal) return refusal;
  }
  if (typeName === 'ID' && (typeof value === 'string' || typeof value === 'number') && !isId(String(value))) {
    return badInput(field, `${field} is not an id`);
  }
  const custom = SCALARS[typeName];
  if (!custom) return null;
  try {
    custom.type.parseValue(value);
    return null;
  } catch {
    return badInput(field, `${field} must be ${custom.expected}, not ${JSON.stringify(value)}`);
  }
}

/** A value written in the operation itself (a literal), as scalarValueRefusal. */
export function scalarLiteralRefusal(typeName: string, field: string, node: ValueNode): DomainError | null {
  if (node.kind === Kind.STRING) return scalarValueRefusal(typeName, field, node.value);
  if (typeName === 'ID' && node.kind === Kind.INT) return scalarValueRefusal(typeName, field, node.value);
  const custom = SCALARS[typeName];
  if (!custom) return null;
  try {
    custom.type.parseLiteral(node, null);
    return null;
  } catch {
    return badInput(field, `${field} must be ${custom.expected}`);
  }
}
