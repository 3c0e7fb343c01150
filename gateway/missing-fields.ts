import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

type Path = Array<string | number>;

/**
 * The fields a subgraph fetch would have filled, as paths inside that fetch's answer, so that a
 * department that did not answer costs errors naming exactly the fields it owes: `[key]` for a
 * root fetch, `['_entities', i, key]` for each representation of an entity fetch (the gateway
 * turns the latter into the path of that entity in the client's answer, as it does for a
 * subgraph's own errors).
 */
export function missingFieldPaths(
  query: string,
  document: DocumentNode | undefined,
  variables: Record<string, unknown> | undefined,
): Path[] {
  const doc = document ?? parse(query);
  const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const topLevel = fieldsOf(operation.selectionSet, undefined, fragments);
  const entities = topLevel.find((field) => field.key === '_entities');
  if (!entities?.selectionSet) return topLevel.map((field) => [field.key]);
  const representations = Array.isArray(variables?.representations)
    ? (variables.representations as Array<{ __typename?: string }>)
    : [];
  const keysByType = new Map<string | undefined, string[]>();
  return representations.flatMap((representation, index) => {
    const typename = representation?.__typename;
    let keys = keysByType.get(typename);
    if (!keys) {
      keys = fieldsOf(entities.selectionSet!, typename, fragments).map((field) => field.key);
      keysByType.set(typename, keys);
    }
    return keys.map((key) => ['_entities', index, key]);
  });
}

interface SelectedField {
  key: string;
  selectionSet?: SelectionSetNode;
}

/** Response keys selected at one level (through fragments that apply to `typename`), each once, __typename left out. */
function fieldsOf(
  selectionSet: SelectionSetNode,
  typename: string | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
): SelectedField[] {
  const seen = new Map<string, SelectedField>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (key !== '__typename' && !seen.has(key)) seen.set(key, { key, selectionSet: selection.selectionSet });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        if (!condition || !typename || condition === typename) visit(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && (!typename || fragment.typeCondition.name.value === typename)) visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return [...seen.values()];
}
