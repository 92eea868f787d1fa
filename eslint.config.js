// @ts-check
import tseslint from 'typescript-eslint';

const crossFolder = {
  regex: '^(\\.\\./)+(server|client|shared|assets|bench|scripts|test-support)(/|$)',
  message: 'Top-level folders do not import each other; the wire contract comes through the @shared alias.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-imports': ['error', { patterns: [crossFolder] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The server reads its environment in exactly one place.
    files: ['server/**/*.ts', 'shared/**/*.ts', 'client/**/*.ts'],
    ignores: ['server/config.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings from server/config.ts.' }],
    },
  },
  {
    // The client and the contract never reach into the server.
    files: ['client/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [crossFolder, { regex: '(^|/)server(/|$)', message: 'The client only knows the server through @shared.' }],
      }],
    },
  },
);
