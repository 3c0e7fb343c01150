import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { badInput, type DomainError } from '../lib/errors';
import { scalarLiteralRefusal, scalarValueRefusal } from '../lib/input-values';

/**
 * Every argument of the operation a client runs, checked once at the gateway before any
 * department sees it (lib/input-values.ts says what a value must be): text without control
 * characters, ids that are ids, dates the subgraphs read. A refusal is BAD_USER_INPUT naming the
 * argument by its path (`input.parts[1].code`), as the subgraphs name theirs, with status 400.
 * An operationName the document does not hold is refused here too: Apollo's gateway would
 * answer it with an internal error.
 */
interface ArgumentSite {
  /** The argument's name: the start of the path an error names. */
  field: string;
  type: GraphQLInputType;
  value: ValueNode;
}

interface OperationSites {
  sites: ArgumentSite[];
  /** Default values of the operation's variables, checked where a variable is left out. */
  defaults: Map<string, ValueNode>;
}

/** Apollo parses a repeated query text once and hands over the same document: its arguments are found once. */
const sitesByDocument = new WeakMap<DocumentNode, Map<OperationDefinitionNode, OperationSites>>();

function sitesOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): OperationSites {
  let byOperation = sitesByDocument.get(document);
  if (!byOperation) sitesByDocument.set(document, (byOperation = new Map()));
  let found = byOperation.get(operation);
  if (found) return found;
  found = { sites: [], defaults: new Map() };
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) found.defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const typeInfo = new TypeInfo(schema);
  const { sites } = found;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      // The other operations of the document do not run; fragments are read wherever they are spread.
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (argument) sites.push({ field: node.name.value, type: argument.type, value: node.value });
      },
    }),
  );
  byOperation.set(operation, found);
  return found;
}

function literalRefusal(
  node: ValueNode,
  type: GraphQLInputType,
  field: string,
  variables: Record<string, unknown>,
  defaults: Map<string, ValueNode>,
): DomainError | null {
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    if (variables[name] !== undefined) return valueRefusal(variables[name], type, field);
    const fallback = defaults.get(name);
    return fallback ? literalRefusal(fallback, type, field, variables, defaults) : null;
  }
  if (node.kind === Kind.NULL) return null;
  if (isNonNullType(type)) return literalRefusal(node, type.ofType, field, variables, defaults);
  if (isListType(type)) {
    if (node.kind !== Kind.LIST) return literalRefusal(node, type.ofType, field, variables, defaults);
    for (const [index, item] of node.values.entries()) {
      const refusal = literalRefusal(item, type.ofType, `${field}[${index}]`, variables, defaults);
      if (refusal) return refusal;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (node.kind !== Kind.OBJECT) return null;
    const fields = type.getFields();
    for (const entry of node.fields) {
      const inputField = fields[entry.name.value];
      const refusal =
        inputField && literalRefusal(entry.value, inputField.type, `${field}.${entry.name.value}`, variables, defaults);
      if (refusal) return refusal;
    }
    return null;
  }
  return isScalarType(type) ? scalarLiteralRefusal(type.name, field, node) : null;
}

function valueRefusal(value: unknown, type: GraphQLInputType, field: string): DomainError | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return valueRefusal(value, type.ofType, field);
  if (isListType(type)) {
    if (!Array.isArray(value)) return valueRefusal(value, type.ofType, field);
    for (const [index, item] of value.entries()) {
      const refusal = valueRefusal(item, type.ofType, `${field}[${index}]`);
      if (refusal) return refusal;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object') return null;
    for (const inputField of Object.values(type.getFields())) {
      const refusal = valueRefusal(
        (value as Record<string, unknown>)[inputField.name],
        inputField.type,
        `${field}.${inputField.name}`,
      );
      if (refusal) return refusal;
    }
    return null;
  }
  return isScalarType(type) ? scalarValueRefusal(type.name, field, value) : null;
}

/** The first argument of the operation whose value is refused, in the order it is written. */
export function argumentRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): DomainError | null {
  const { sites, defaults } = sitesOf(schema, document, operation);
  for (const site of sites) {
    const refusal = literalRefusal(site.value, site.type, site.field, variables, defaults);
    if (refusal) return refusal;
  }
  return null;
}

/** Why no operation of the document was chosen: the name matches none, or several are there and none is named. */
export function operationNameRefusal(document: DocumentNode, operationName: string | null | undefined): DomainError {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operationName) {
    return badInput('operationName', `the document has no operation named ${JSON.stringify(operationName)}`);
  }
  return operations.length
    ? badInput(
        'operationName',
        `the document has ${operations.length} operations; name the one to run in operationName`,
      )
    : badInput('query', 'the document has no operation to run');
}

/** As a request error: the DomainError inside carries our code and field to the gateway's formatter. */
function requestError(refusal: DomainError): GraphQLError {
  return new GraphQLError(refusal.message, {
    originalError: refusal,
    extensions: { ...refusal.extensions, http: { status: 400 } },
  });
}

export function argumentChecks(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) throw requestError(operationNameRefusal(document, request.operationName));
          const refusal = argumentRefusal(schema, document, operation, request.variables ?? {});
          if (refusal) throw requestError(refusal);
        },
      };
    },
  };
}
