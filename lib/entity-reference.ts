import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Another subgraph's entity, known here by its key only, so this subgraph can add fields to it
 * (a department meets the others only through the graph). Each subgraph makes its own class:
 * `export const GridReference = entityReference('Grid');`.
 */
export function entityReference(typeName: string) {
  @ObjectType(typeName)
  @Directive('@key(fields: "id")')
  class EntityReference {
    @Field(() => ID)
    id!: string;
  }
  return EntityReference;
}
