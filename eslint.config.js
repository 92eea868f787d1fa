// @ts-check
import tseslint from 'typescript-eslint';

/** Relative imports that climb into another top-level folder. */
const into = (...folders) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message: 'Top-level folders do not import each other; the wire contract comes through the @shared alias.',
});
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // Harnesses and tests poke at JSON answers; typing every body would add noise, not safety.
  {
    files: ['test-support/**/*.ts', 'bench/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(into('client', 'shared', 'assets', 'bench', 'scripts')) },
  },
  {
    files: ['server/**/*.ts', 'client/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.testkit.ts'],
    rules: {
      'no-restricted-imports': restrict(
        into('client', 'server', 'shared', 'assets', 'bench', 'scripts', 'test-support'),
      ),
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(into('server', 'shared', 'assets', 'bench', 'scripts'), {
        regex: '(^|/)server(/|$)',
        message: 'The client only knows the server through @shared.',
      }),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        regex: '^\\.\\./',
        message: 'shared/ is self-contained: it is the contract.',
      }),
    },
  },
  {
    // The server reads its environment in exactly one place.
    files: ['server/**/*.ts', 'shared/**/*.ts', 'client/**/*.ts'],
    ignores: ['server/config.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings from server/config.ts.' },
      ],
    },
  },
);
