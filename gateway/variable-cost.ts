import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, validate, visit, type DocumentNode, type ValidationRule } from 'graphql';

/**
 * graphql-armor's cost multiplies a list's fields by its `first`/`last` only when the page size
 * is written in the operation; `residents(first: $n)` would count as one row, whatever $n is.
 * Apollo validates a document once and caches it, so the page sizes of each request are checked
 * here: the variables are written into the operation and the same cost rule runs again. Only
 * operations that take a page size from a variable pay for it.
 */
const PAGE_ARGUMENTS = new Set(['first', 'last']);
const pagedByVariable = new WeakMap<DocumentNode, boolean>();

function hasVariablePageSize(document: DocumentNode): boolean {
  let cached = pagedByVariable.get(document);
  if (cached === undefined) {
    cached = false;
    visit(document, {
      Argument(node) {
        if (PAGE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) cached = true;
      },
    });
    pagedByVariable.set(document, cached);
  }
  return cached;
}

/** The document with each page-size variable replaced by its value (or its default). */
export function withPageSizes(document: DocumentNode, variables: Record<string, unknown>): DocumentNode {
  const values = new Map<string, unknown>();
  visit(document, {
    VariableDefinition(node) {
      if (node.defaultValue?.kind === Kind.INT) values.set(node.variable.name.value, Number(node.defaultValue.value));
    },
  });
  for (const [name, value] of Object.entries(variables)) values.set(name, value);
  return visit(document, {
    Argument(node) {
      if (!PAGE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
      const value = values.get(node.value.name.value);
      if (!Number.isInteger(value)) return undefined;
      return { ...node, value: { kind: Kind.INT, value: String(value) } };
    },
  });
}

export function variableCostPlugin(costRule: ValidationRule): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          if (!hasVariablePageSize(document)) return;
          const [refusal] = validate(schema, withPageSizes(document, request.variables ?? {}), [costRule]);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
