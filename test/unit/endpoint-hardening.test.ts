import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, parse, print } from 'graphql';
import { withoutSuggestions } from '../../gateway/gateway-errors';
import { readManifest, sha256Hex } from '../../gateway/query-manifest';
import { withPageSizes } from '../../gateway/variable-cost';
import { gatewayConfig } from '../../lib/config';
import { buildManifest, manifestJson, readQuerySources } from '../../scripts/build-query-manifest';

const schema = buildSchema(fs.readFileSync('gateway/supergraph.graphql', 'utf8'));
const source = (text: string, name = 'app.graphql') => ({ name, text });

describe('persisted-query manifest', () => {
  it("is committed as built from the mobile app's .graphql files and the current supergraph", () => {
    const built = buildManifest(readQuerySources(['gateway/persisted-queries/mobile']), schema);
    expect(manifestJson(built)).toBe(fs.readFileSync('gateway/persisted-queries/mobile.json', 'utf8'));
    expect(built.operations.map((operation) => [operation.name, operation.type])).toEqual([
      ['CaseIntake', 'mutation'],
      ['GridCard', 'query'],
      ['GridWorkerHome', 'query'],
    ]);
  });

  it('stores each operation with the fragments it uses, under the hash of that body', () => {
    const manifest = buildManifest(
      [
        source('query Card($code: String) { gridCard(code: $code) { ...Names } }'),
        source(
          'fragment Names on GridCard { gridName ...Community } fragment Community on GridCard { communityName } fragment Unused on GridCard { gridCode }',
          'fragments.graphql',
        ),
      ],
      schema,
    );
    const [card] = manifest.operations;
    expect(card.body).toBe(
      print(
        parse(
          'query Card($code: String) { gridCard(code: $code) { ...Names } } fragment Community on GridCard { communityName } fragment Names on GridCard { gridName ...Community }',
        ),
      ),
    );
    expect(card.id).toBe(sha256Hex(card.body));
    expect(manifest).toMatchObject({ format: 'apollo-persisted-query-manifest', version: 1 });
  });

  it.each([
    ['{ streets { totalCount } }', 'every operation needs a name'],
    ['query Streets { streets { totalCont } }', 'operation Streets is not valid: Cannot query field "totalCont"'],
    [
      'query Hidden { accessTerritory(workerId: "w") { gridIds } }',
      'Cannot query field "accessTerritory": it is not part of the public graph',
    ],
    ['query Twice { streets { totalCount } } query Twice { grids { totalCount } }', 'operation Twice is defined twice'],
  ])('refuses %s', (text, message) => {
    expect(() => buildManifest([source(text)], schema)).toThrow(message);
  });

  it('refuses to load a manifest whose id is not the hash of its body', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-')), 'm.json');
    const operation = {
      id: sha256Hex('query A { __typename }'),
      name: 'A',
      type: 'query',
      body: 'query A { __typename }',
    };
    fs.writeFileSync(
      file,
      JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [operation] }),
    );
    expect(readManifest(file).operations).toHaveLength(1);
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ ...operation, body: 'query A { x }' }],
      }),
    );
    expect(() => readManifest(file)).toThrow('the id of operation A is not the SHA-256 of its body');
    fs.writeFileSync(file, JSON.stringify({ operations: [] }));
    expect(() => readManifest(file)).toThrow('is not a persisted-query manifest');
  });
});

describe('page sizes from variables', () => {
  it("writes the request's page sizes, or the defaults, into the operation", () => {
    const document = parse(
      'query ($n: Int, $m: Int = 30, $code: String) { grids(first: $n) { nodes { buildings(first: $m) { totalCount } } } gridCard(code: $code) { gridName } }',
    );
    expect(print(withPageSizes(document, { n: 100, code: 'x' }))).toBe(
      print(
        parse(
          'query ($n: Int, $m: Int = 30, $code: String) { grids(first: 100) { nodes { buildings(first: 30) { totalCount } } } gridCard(code: $code) { gridName } }',
        ),
      ),
    );
  });
});

describe('suggestions in production messages', () => {
  it.each([
    [
      'Cannot query field "gridNam" on type "GridCard". Did you mean "gridName"?',
      'Cannot query field "gridNam" on type "GridCard".',
    ],
    ['Cannot query field "gridNam" on type "GridCard". ?', 'Cannot query field "gridNam" on type "GridCard".'],
    [
      'Value "OPN" does not exist in "CaseState" enum. Did you mean the enum value "OPEN"?',
      'Value "OPN" does not exist in "CaseState" enum.',
    ],
    [
      'Unknown argument "firs" on field "Query.grids". Did you mean "first" or "after"?',
      'Unknown argument "firs" on field "Query.grids".',
    ],
    ['first must be between 1 and 100', 'first must be between 1 and 100'],
  ])('%s', (message, expected) => {
    expect(withoutSuggestions(message)).toBe(expected);
  });
});

describe('gateway configuration', () => {
  const withEnv = (vars: Record<string, string>, run: () => void) => {
    const saved = { ...process.env };
    Object.assign(process.env, vars);
    try {
      run();
    } finally {
      process.env = saved;
    }
  };

  it('has defaults every client operation of the repository fits', () => {
    expect(gatewayConfig()).toMatchObject({
      limits: { maxDepth: 12, maxAliases: 15, maxDirectives: 20, maxTokens: 1000, maxCost: 50_000 },
      maxBodySize: '1mb',
      rateLimitPerMinute: 6000,
      persistedQueries: 'apq',
    });
  });

  it('reads the limits from the environment and refuses values it cannot use', () => {
    withEnv({ MAX_DEPTH: '8', RATE_LIMIT_PER_MINUTE: '0', MAX_BODY_SIZE: '200KB' }, () => {
      expect(gatewayConfig()).toMatchObject({ limits: { maxDepth: 8 }, rateLimitPerMinute: 0, maxBodySize: '200kb' });
    });
    withEnv({ MAX_COST: 'lots' }, () =>
      expect(() => gatewayConfig()).toThrow('MAX_COST must be a non-negative integer'),
    );
    withEnv({ MAX_BODY_SIZE: '1 gigabyte' }, () =>
      expect(() => gatewayConfig()).toThrow('MAX_BODY_SIZE must be a size'),
    );
    withEnv({ PERSISTED_QUERIES: 'safelist' }, () =>
      expect(() => gatewayConfig()).toThrow('PERSISTED_QUERIES must be one of apq, allowlist, off'),
    );
    withEnv({ PERSISTED_QUERIES: 'allowlist' }, () =>
      expect(() => gatewayConfig()).toThrow('needs PERSISTED_QUERY_MANIFEST'),
    );
  });
});
