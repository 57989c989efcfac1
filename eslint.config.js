// Lint, including the layer rule of docs/ARCHITECTURE.md:
//   domain ← services ← {server, cli};  db ← services;  web talks to server over HTTP only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Forbid imports of the given layers (by folder name) from the files matched. */
function layer(files, forbiddenLayers, extraPatterns = []) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbiddenLayers.map((name) => ({
              group: [`**/${name}/**`, `**/${name}`],
              message: `Layer rule (docs/ARCHITECTURE.md): this layer may not import from src/${name}.`,
            })),
            ...extraPatterns,
          ],
        },
      ],
    },
  };
}

const ioModules = ['node:fs', 'node:fs/*', 'fs', 'node:net', 'node:http', 'pg', 'fastify', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/*'].map(
  (name) => ({ group: [name], message: 'Layer rule: src/domain is pure — no I/O, database or HTTP.' }),
);

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'test-results', 'src/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(['src/domain/**'], ['db', 'services', 'server', 'cli', 'web'], ioModules),
  layer(['src/db/**'], ['services', 'server', 'cli', 'web']),
  layer(['src/services/**'], ['server', 'cli', 'web']),
  layer(['src/server/**'], ['cli', 'web']),
  layer(['src/cli/**'], ['web']),
  layer(['src/web/**'], ['db', 'services', 'server', 'cli']),
);
