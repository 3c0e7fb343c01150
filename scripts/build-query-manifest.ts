import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildSchema,
  GraphQLError,
  Kind,
  parse,
  print,
  specifiedRules,
  validate,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { MANIFEST_FORMAT, sha256Hex, type QueryManifest } from '../gateway/query-manifest';

/**
 * `node dist/scripts/build-query-manifest.js --out gateway/persisted-queries/mobile.json gateway/persisted-queries/mobile`:
 * the persisted-query manifest of a client app from its .graphql files (folders are read
 * recursively). Every operation is named, valid against the supergraph's public fields, and
 * stored with the fragments it uses; its id is the SHA-256 of that body, which is what the app
 * sends (as an APQ hash, or the body itself) to a gateway in allow-list mode.
 */
const usage =
  'usage: build-query-manifest [--out <manifest.json>] [--schema <supergraph.graphql>] <folder or .graphql file>...';

export interface QuerySource {
  /** Where it came from, for error messages. */
  name: string;
  text: string;
}

/** Fields marked @inaccessible are in the supergraph file but not in the graph clients see. */
const noInaccessibleFields: ValidationRule = (context) => ({
  Field(node) {
    const field = context.getFieldDef();
    if (field?.astNode?.directives?.some((directive) => directive.name.value === 'inaccessible')) {
      context.reportError(
        new GraphQLError(`Cannot query field "${node.name.value}": it is not part of the public graph`, {
          nodes: node,
        }),
      );
    }
  },
});

function fragmentsUsedBy(
  definition: DefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  used = new Map<string, FragmentDefinitionNode>(),
) {
  visit(definition, {
    FragmentSpread(node) {
      const fragment = fragments.get(node.name.value);
      if (!fragment) throw new Error(`fragment ${node.name.value} is used but not defined`);
      if (used.has(fragment.name.value)) return;
      used.set(fragment.name.value, fragment);
      fragmentsUsedBy(fragment, fragments, used);
    },
  });
  return used;
}

export function buildManifest(sources: QuerySource[], schema: GraphQLSchema): QueryManifest {
  const operations: Array<{ node: OperationDefinitionNode; source: string }> = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const source of sources) {
    for (const definition of parse(source.text).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      else if (definition.kind === Kind.OPERATION_DEFINITION) {
        if (!definition.name)
          throw new Error(`${source.name}: every operation needs a name (the manifest lists operations by name)`);
        operations.push({ node: definition, source: source.name });
      }
    }
  }
  const names = new Set<string>();
  const manifestOperations = operations.map(({ node, source }) => {
    const name = node.name!.value;
    if (names.has(name)) throw new Error(`${source}: operation ${name} is defined twice`);
    names.add(name);
    const used = [...fragmentsUsedBy(node, fragments).values()].sort((a, b) =>
      a.name.value.localeCompare(b.name.value),
    );
    const document = { kind: Kind.DOCUMENT, definitions: [node, ...used] } as const;
    const problems = validate(schema, document, [...specifiedRules, noInaccessibleFields]);
    if (problems.length)
      throw new Error(`${source}: operation ${name} is not valid: ${problems.map((e) => e.message).join('; ')}`);
    const body = print(document);
    return { id: sha256Hex(body), name, type: node.operation, body };
  });
  manifestOperations.sort((a, b) => a.name.localeCompare(b.name));
  return { format: MANIFEST_FORMAT, version: 1, operations: manifestOperations };
}

/** The .graphql files of folders and files, in a stable order. */
export function readQuerySources(paths: string[]): QuerySource[] {
  const files: string[] = [];
  const collect = (target: string) => {
    if (fs.statSync(target).isDirectory()) {
      for (const entry of fs.readdirSync(target).sort()) collect(path.join(target, entry));
    } else if (target.endsWith('.graphql') || target.endsWith('.gql')) {
      files.push(target);
    }
  };
  paths.forEach(collect);
  return files.map((file) => ({ name: file, text: fs.readFileSync(file, 'utf8') }));
}

export function manifestJson(manifest: QueryManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' }, schema: { type: 'string', default: 'gateway/supergraph.graphql' } },
    allowPositionals: true,
  });
  if (!positionals.length) {
    console.error(usage);
    process.exit(2);
  }
  try {
    const schema = buildSchema(fs.readFileSync(values.schema!, 'utf8'));
    const manifest = buildManifest(readQuerySources(positionals), schema);
    if (values.out) {
      fs.writeFileSync(values.out, manifestJson(manifest));
      console.log(
        `${values.out}: ${manifest.operations.length} operations (${manifest.operations.map((o) => o.name).join(', ')})`,
      );
    } else {
      process.stdout.write(manifestJson(manifest));
    }
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(1);
  }
}

if (require.main === module) main();
