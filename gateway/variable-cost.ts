import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../lib/page-size';

/**
 * graphql-armor's cost multiplies a list's fields by its `first`/`last` only when the page size
 * is written in the operation as a number. `residents(first: $n)` would count as one row,
 * whatever $n is, and `residents` without `first` as one row, though it answers a page of
 * DEFAULT_PAGE_SIZE. So the cost rule runs again on the operation as it will run: each page-size
 * variable replaced by its value and the default page written where a paged list has none.
 * Apollo validates a document once and caches it; an operation whose page sizes are all written
 * or defaulted costs the same on every request, and its verdict is kept with the document. Only
 * operations that take a page size from a variable are counted again per request.
 */
const PAGE_ARGUMENTS = new Set(['first', 'last']);

interface PageSizes {
  /** Some page size comes from a variable: the cost depends on the request. */
  fromVariables: boolean;
  /** Some paged list has no page size: it answers the default page. */
  defaulted: boolean;
}

const pageSizesOf = new WeakMap<DocumentNode, PageSizes>();
const fixedCostVerdict = new WeakMap<DocumentNode, GraphQLError | null>();

const isPageArgument = (argument: ArgumentNode) => PAGE_ARGUMENTS.has(argument.name.value);

function pageSizes(document: DocumentNode, schema: GraphQLSchema): PageSizes {
  let cached = pageSizesOf.get(document);
  if (cached === undefined) {
    const found: PageSizes = { fromVariables: false, defaulted: false };
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          if (isPageArgument(node) && node.value.kind === Kind.VARIABLE) found.fromVariables = true;
        },
        Field(node) {
          if (isPagedWithoutSize(node, typeInfo)) found.defaulted = true;
        },
      }),
    );
    cached = found;
    pageSizesOf.set(document, cached);
  }
  return cached;
}

/** A field whose schema takes a page size and whose operation gives none (or null). */
function isPagedWithoutSize(node: FieldNode, typeInfo: TypeInfo): boolean {
  const definition = typeInfo.getFieldDef();
  if (!definition?.args.some((argument) => PAGE_ARGUMENTS.has(argument.name))) return false;
  return !node.arguments?.some((argument) => isPageArgument(argument) && argument.value.kind !== Kind.NULL);
}

const pageSize = (size: number) => ({ kind: Kind.INT, value: String(size) }) as const;

/**
 * The document as it runs: each page-size variable replaced by its value (or its default, or the
 * default page when it has neither), and `first: DEFAULT_PAGE_SIZE` on each paged list without one.
 */
export function withPageSizes(
  document: DocumentNode,
  variables: Record<string, unknown>,
  schema?: GraphQLSchema,
): DocumentNode {
  const values = new Map<string, unknown>();
  visit(document, {
    VariableDefinition(node) {
      if (node.defaultValue?.kind === Kind.INT) values.set(node.variable.name.value, Number(node.defaultValue.value));
    },
  });
  for (const [name, value] of Object.entries(variables)) values.set(name, value);
  const sized = visit(document, {
    Argument(node) {
      if (!isPageArgument(node) || node.value.kind !== Kind.VARIABLE) return undefined;
      const value = values.get(node.value.name.value);
      return { ...node, value: pageSize(Number.isInteger(value) ? (value as number) : DEFAULT_PAGE_SIZE) };
    },
  });
  if (!schema) return sized;
  const typeInfo = new TypeInfo(schema);
  return visit(
    sized,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (!isPagedWithoutSize(node, typeInfo)) return undefined;
        const others = (node.arguments ?? []).filter((argument) => !isPageArgument(argument));
        const first: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: 'first' },
          value: pageSize(DEFAULT_PAGE_SIZE),
        };
        return { ...node, arguments: [...others, first] };
      },
    }),
  );
}

export function variableCostPlugin(costRule: ValidationRule): ApolloServerPlugin {
  const costOf = (document: DocumentNode, variables: Record<string, unknown>, schema: GraphQLSchema) =>
    validate(schema, withPageSizes(document, variables, schema), [costRule])[0] ?? null;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const sizes = pageSizes(document, schema);
          let refusal: GraphQLError | null = null;
          if (sizes.fromVariables) refusal = costOf(document, request.variables ?? {}, schema);
          else if (sizes.defaulted) {
            if (!fixedCostVerdict.has(document)) fixedCostVerdict.set(document, costOf(document, {}, schema));
            refusal = fixedCostVerdict.get(document)!;
          }
          if (refusal) throw refusal;
        },
      };
    },
  };
}
