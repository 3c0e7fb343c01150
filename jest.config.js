/**
 * Tests are TypeScript compiled by tsc (decorator metadata is required by type-graphql and
 * MikroORM; esbuild-based transforms drop it), so jest runs the compiled files in dist/.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test'],
  testMatch: ['**/*.test.js'],
  testTimeout: 120000,
  maxWorkers: 2,
  setupFiles: ['reflect-metadata'],
  // Without DATABASE_URL, one embedded PostgreSQL server for the run (test/support/global-setup.ts).
  globalSetup: '<rootDir>/dist/test/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/support/global-teardown.js',
};
