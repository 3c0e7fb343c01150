import { subgraphUrlFromEnv } from '../../lib/config';

/** Where the gateway (and a subgraph checking keys) reaches a subgraph, from the environment. */
const saved = { ...process.env };
afterEach(() => {
  for (const name of ['GRID_URL', 'GRID_PORT', 'CO_BUILDING_URL', 'CO_BUILDING_PORT']) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

it('follows the port a subgraph is told to listen on when no URL is given', () => {
  delete process.env.CO_BUILDING_URL;
  process.env.CO_BUILDING_PORT = '5004';
  expect(subgraphUrlFromEnv('co-building')).toBe('http://127.0.0.1:5004/graphql');
});

it('takes an explicit URL over the port, and leaves the choice to the supergraph file when neither is set', () => {
  process.env.GRID_URL = 'http://grid:4001/graphql';
  process.env.GRID_PORT = '5001';
  expect(subgraphUrlFromEnv('grid')).toBe('http://grid:4001/graphql');
  delete process.env.GRID_URL;
  delete process.env.GRID_PORT;
  expect(subgraphUrlFromEnv('grid')).toBeUndefined();
});

it('refuses a port that is not a number', () => {
  delete process.env.GRID_URL;
  process.env.GRID_PORT = 'forty';
  expect(() => subgraphUrlFromEnv('grid')).toThrow(
    'Environment variable GRID_PORT must be a non-negative integer, got "forty"',
  );
});
