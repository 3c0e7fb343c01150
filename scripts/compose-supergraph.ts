import 'reflect-metadata';
import fs from 'node:fs';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { definitionOf } from './subgraph-definitions';

/**
 * Compose the four subgraphs' SDL into the supergraph the gateway loads (gateway/supergraph.graphql).
 * `--check` fails when composition fails or when the checked-in file is stale, so CI catches
 * a schema change that was not composed. Subgraph URLs in the file are the default local ports;
 * the gateway overrides them from GRID_URL etc.
 */
export async function composeSupergraph(): Promise<string> {
  const services = [];
  for (const entry of SUBGRAPHS) {
    const schema = await definitionOf(entry.name).buildSchema();
    services.push({
      name: entry.name,
      url: `http://127.0.0.1:${entry.defaultPort}/graphql`,
      typeDefs: parse(printSubgraphSchema(schema)),
    });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

const TARGET = 'gateway/supergraph.graphql';

async function main(): Promise<void> {
  const sdl = await composeSupergraph();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(TARGET) ? fs.readFileSync(TARGET, 'utf8') : '';
    if (current !== sdl) {
      console.error(`${TARGET} is stale: run \`npm run compose\` and commit the result`);
      process.exit(1);
    }
    console.log(`${TARGET} is up to date`);
    return;
  }
  fs.writeFileSync(TARGET, sdl);
  console.log(`wrote ${TARGET}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
