import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

/** `__resolveReference` per entity type name. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

function mergeResolvers(base: Record<string, any>, extra: ReferenceResolvers): Record<string, any> {
  const merged: Record<string, any> = { ...base };
  for (const [typeName, resolvers] of Object.entries(extra)) {
    merged[typeName] = { ...(merged[typeName] ?? {}), ...resolvers };
  }
  return merged;
}

/**
 * type-graphql builds the schema from decorated classes; @apollo/subgraph then adds the
 * federation fields (_service, _entities) and our reference resolvers.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false });
  return buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers: mergeResolvers(createResolversMap(schema) as Record<string, any>, referenceResolvers) as any,
  });
}
