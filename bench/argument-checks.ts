import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getOperationAST, parse, print } from 'graphql';
import { argumentRefusal } from '../gateway/argument-checks';
import { OPERATIONS } from './operations';

/**
 * What the gateway's argument checks (gateway/argument-checks.ts) cost per request, on the
 * benchmark's operations, with valid values (the path every request takes): the first request
 * of a document finds its arguments, the next ones reuse them. `node dist/bench/argument-checks.js`
 */
// The supergraph as a plain schema: its arguments and input types are the API's.
const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../gateway/supergraph.graphql'), 'utf8'));
const ID = '0190f000-0000-7000-8000-000000000001';
const valueOf = (type: string) =>
  type.includes('ID')
    ? type.startsWith('[')
      ? [ID]
      : ID
    : type.includes('Int')
      ? 20
      : type.includes('DateTime')
        ? '2026-01-01T00:00:00+08:00'
        : '2026-01-01';
const REQUESTS = 20_000;

for (const operation of OPERATIONS) {
  const document = parse(operation.query);
  const definition = getOperationAST(document)!;
  const variables = Object.fromEntries(
    (definition.variableDefinitions ?? []).map((v) => [v.variable.name.value, valueOf(print(v.type))]),
  );
  const started = process.hrtime.bigint();
  const refusal = argumentRefusal(schema, document, definition, variables);
  const firstUs = Number(process.hrtime.bigint() - started) / 1000;
  if (refusal) throw new Error(`${operation.name}: ${refusal.message}`);
  const loop = process.hrtime.bigint();
  for (let i = 0; i < REQUESTS; i += 1) argumentRefusal(schema, document, definition, variables);
  const perRequestUs = Number(process.hrtime.bigint() - loop) / 1000 / REQUESTS;
  console.log(
    `${operation.name.padEnd(22)} first request ${firstUs.toFixed(0).padStart(5)} µs, then ${perRequestUs.toFixed(2)} µs per request`,
  );
}
