// Lint, including the layer rule of docs/ARCHITECTURE.md:
//   domain ← db ← services ← {server, cli};  services ← demo ← cli;  web imports domain only (server over HTTP).
// The demo bureau (src/demo) is data, not behaviour: besides the CLI only test code imports it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Forbid imports of the given layers (by folder name) from the files matched. */
function layer(files, forbiddenLayers, extraPatterns = [], ignores = []) {
  return {
    files,
    ignores,
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

// Test code: test files and the HTTP test harness. It may also import src/demo (the demo bureau as test data).
const testCode = ['**/*.test.ts', 'src/server/test-app.ts'];

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
  layer(['src/domain/**'], ['db', 'services', 'server', 'cli', 'web', 'demo'], ioModules),
  layer(['src/db/**'], ['services', 'server', 'cli', 'web', 'demo']),
  layer(['src/services/**'], ['server', 'cli', 'web', 'demo'], [], testCode),
  layer(['src/services/**/*.test.ts'], ['server', 'cli', 'web']),
  layer(['src/demo/**'], ['server', 'cli', 'web']),
  layer(['src/server/**'], ['cli', 'web', 'demo'], [], testCode),
  layer(['src/server/**/*.test.ts', 'src/server/test-app.ts'], ['cli', 'web']),
  layer(['src/cli/**'], ['web']),
  layer(['src/web/**'], ['db', 'services', 'server', 'cli', 'demo']),
);
