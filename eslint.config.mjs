// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'console/dist/', '.data/', '**/migrations/*.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // type-graphql and MikroORM decorators and federation's reference maps are typed loosely by
      // those libraries; `any` stays visible in review rather than banned.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Decorated classes (type-graphql inputs, MikroORM entities) are declared for their metadata.
      '@typescript-eslint/no-extraneous-class': 'off',
      // type-graphql lists resolver classes as NonEmptyArray<Function>, its own type.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // The input checks look for control characters on purpose.
      'no-control-regex': 'off',
      'no-console': ['error', { allow: ['error'] }],
      // `x != null` is the one loose comparison kept: it means "neither null nor undefined".
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
  {
    // Command-line tools and the benchmark talk to a person at a terminal.
    files: ['scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
