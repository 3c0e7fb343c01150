import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Viewer } from '../viewer';
import { requireSignedIn } from './access';

/**
 * Closed by default: every query and mutation of a subgraph needs a signed-in caller, except
 * the few named public. Wrapping the root fields once, after the schema is built, means a new
 * query cannot be left open by forgetting a check. The federation fields (`_entities`,
 * `_service`) are left to the reference resolvers and the internal token.
 */
export function requireSignInOnRootFields(schema: GraphQLSchema, publicQueries: readonly string[]): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_') || (type === schema.getQueryType() && publicQueries.includes(field.name)))
        continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const action = `${type.name === 'Mutation' ? 'the mutation' : 'the query'} ${field.name}`;
      field.resolve = (source, args, context: { viewer: Viewer }, info) => {
        requireSignedIn(context.viewer, action);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
