import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { limitError } from './operation-limits';

/**
 * Two shapes of document that only an attacker writes, refused whole with one error. Validation
 * answers every unknown or repeated directive with an error of its own, and compares every pair
 * of same-named fields, so a document of a thousand tokens could buy hundreds of errors:
 * - a directive the schema does not know, or one written twice on the same place;
 * - the same field (response name) written twice in one selection set. GraphQL merges the copies
 *   into one answer, so no client needs to repeat one; an alias asks for a real second copy.
 * Checked with the rest of validation, once per document text (Apollo caches a document that passes).
 */
export function documentShapeError(document: DocumentNode, schema: GraphQLSchema): GraphQLError | null {
  let refusal: GraphQLError | null = null;
  const refuse = (error: GraphQLError) => {
    refusal ??= error;
  };
  visit(document, {
    enter(node) {
      if (refusal) return false;
      if ('directives' in node && node.directives && node.directives.length > 0) {
        const seen = new Set<string>();
        for (const directive of node.directives) {
          const name = directive.name.value;
          if (!schema.getDirective(name)) return refuse(invalid(`Unknown directive "@${name}".`));
          if (seen.has(name))
            return refuse(invalid(`The directive "@${name}" can only be used once at this location.`));
          seen.add(name);
        }
      }
      if (node.kind === Kind.SELECTION_SET) {
        const counts = new Map<string, number>();
        for (const selection of node.selections) {
          if (selection.kind !== Kind.FIELD) continue;
          const key = selection.alias?.value ?? selection.name.value;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        for (const [key, count] of counts) {
          if (count > 1) return refuse(limitError('fieldRepeats', 1, count, key));
        }
      }
      return undefined;
    },
  });
  return refusal;
}

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
}

const shapeErrors = new WeakSet<GraphQLError>();

/** The check as a validation rule: one error for the whole document. */
export const documentShapeRule: ValidationRule = (context) => ({
  Document(node) {
    const error = documentShapeError(node, context.getSchema());
    if (!error) return;
    shapeErrors.add(error);
    context.reportError(error);
  },
});

/**
 * graphql-js reports each unknown or repeated directive besides: when the document's shape is
 * refused, that one error is the whole answer. Apollo hands the validation errors to this hook
 * and then answers with the same list, which is trimmed here.
 */
export function documentShapePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async validationDidStart() {
          return async (errors?: ReadonlyArray<Error>) => {
            const refusal = errors?.find((error) => error instanceof GraphQLError && shapeErrors.has(error));
            if (refusal && errors!.length > 1) (errors as Error[]).splice(0, errors!.length, refusal);
          };
        },
      };
    },
  };
}
