import fs from 'node:fs';
import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';

/**
 * A department that is down costs only its own fields: in the composed supergraph, every field one
 * subgraph adds to another's type, and every field that leads to another department's entity, is
 * nullable. A non-null one would turn the failed department's null into a null of the object
 * around it, and up to the root (GraphQL's null propagation).
 */
const supergraph = parse(fs.readFileSync('gateway/supergraph.graphql', 'utf8'));
const objects = supergraph.definitions.filter(
  (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION,
);

const argument = (directive: ConstDirectiveNode, name: string) => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value && 'value' in value ? String(value.value) : undefined;
};
const directives = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) =>
  (node.directives ?? []).filter((d) => d.name.value === name);
const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/** The subgraphs that resolve a field (all that define its type, unless the field says which). */
function graphsOf(type: ObjectTypeDefinitionNode, field: FieldDefinitionNode): string[] {
  const own = directives(field, 'join__field')
    .filter((d) => argument(d, 'external') !== 'true')
    .map((d) => argument(d, 'graph')!);
  return own.length ? own : directives(type, 'join__type').map((d) => argument(d, 'graph')!);
}

/**
 * The department that owns each entity several subgraphs define (the others add fields to it or
 * point at it by key). An entity only one subgraph defines is that subgraph's.
 */
const SHARED_OWNERS: Record<string, string> = {
  Street: 'GRID',
  Community: 'GRID',
  Grid: 'GRID',
  Building: 'GRID',
  Household: 'GRID',
  Resident: 'GRID',
  PartyOrganization: 'PARTY_BUILDING',
  PartyMember: 'PARTY_BUILDING',
};
const keyedIn = (type: ObjectTypeDefinitionNode) =>
  directives(type, 'join__type')
    .filter((d) => argument(d, 'key'))
    .map((d) => argument(d, 'graph')!);
const owners = new Map<string, string>();
for (const type of objects) {
  const keyed = keyedIn(type);
  if (keyed.length === 1) owners.set(type.name.value, keyed[0]);
  else if (keyed.length > 1) owners.set(type.name.value, SHARED_OWNERS[type.name.value]);
}
const fieldsOf = (name: string) => objects.find((t) => t.name.value === name)?.fields ?? [];

it('knows the owner of every entity several departments define', () => {
  const shared = objects.filter((type) => keyedIn(type).length > 1).map((type) => type.name.value);
  expect(shared.filter((name) => !SHARED_OWNERS[name])).toEqual([]);
});

it("makes every field one department adds to another's entity, or that leads to another's entity, nullable", () => {
  const nonNull: string[] = [];
  const checked: string[] = [];
  for (const type of objects) {
    if (['Query', 'Mutation'].includes(type.name.value)) continue;
    const owner = owners.get(type.name.value);
    for (const field of type.fields ?? []) {
      const graphs = graphsOf(type, field);
      const added = owner !== undefined && !graphs.includes(owner);
      const target = owners.get(namedType(field.type));
      const leadsAway = target !== undefined && !graphs.includes(target);
      if (!added && !leadsAway) continue;
      const name = `${type.name.value}.${field.name.value}`;
      checked.push(name);
      if (field.type.kind !== Kind.NON_NULL_TYPE) continue;
      // An edge of a connection whose edges list is itself nullable: the null stops at that list.
      const connection =
        type.name.value.endsWith('Edge') &&
        fieldsOf(`${type.name.value.slice(0, -4)}Connection`).find((f) => f.name.value === 'edges');
      if (connection && connection.type.kind !== Kind.NON_NULL_TYPE) continue;
      nonNull.push(name);
    }
  }
  expect(nonNull).toEqual([]);
  // The rule did look at the fields of the four-department query, among others.
  expect(checked).toEqual(
    expect.arrayContaining([
      'Community.pairedUnits',
      'Grid.partyBranches',
      'Grid.dutyItems',
      'Grid.cases',
      'Grid.caseIndicators',
      'Case.grid',
      'MemberReport.member',
    ]),
  );
});
