import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildImportGraph, checkCycles, findCycles, runCycleCheck } from './check-cycles.ts';

const folders: string[] = [];

/** A throw-away source tree: `{ 'a.ts': "import './b.ts';" }`. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'fazhi-cycles-'));
  folders.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

afterEach(() => {
  for (const root of folders.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('import-cycle check', () => {
  it('passes an acyclic tree, whatever kinds of imports it uses', () => {
    const root = tree({
      'main.ts': "import { b } from './lib/b.ts';\nimport type { C } from './lib/c';\nexport * from './lib/index.ts';\nvoid import('./lazy.ts');\n",
      'lib/b.ts': "import { c } from './c.ts';\nexport const b = c;\n",
      'lib/c.ts': "import { z } from 'zod';\nexport const c = 1; export type C = number; void z;\n",
      'lib/index.ts': "export { c } from './c.ts';\n",
      'lazy.ts': "import { b } from './lib/b.ts';\nexport default b;\n",
      'main.test.ts': "import './main.ts';\n",
    });
    expect(findCycles(buildImportGraph(root))).toEqual([]);
    expect(checkCycles(root)).toEqual([]);
  });

  it('fails on a planted cycle and prints it as a path', () => {
    const root = tree({
      'a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
      'b.ts': "import { c } from './sub/c.ts';\nexport const b = c;\n",
      'sub/c.ts': "export const c = 1;\nexport { a } from '../a.ts';\n",
      'd.ts': "import { a } from './a.ts';\nexport const d = a;\n",
    });
    const cycles = findCycles(buildImportGraph(root));
    expect(cycles.map((c) => c.map((f) => path.relative(root, f)))).toEqual([['a.ts', 'b.ts', path.join('sub', 'c.ts')]]);
    const report = checkCycles(root);
    expect(report).toHaveLength(1);
    expect(report[0]).toMatch(/a\.ts → .*b\.ts → .*c\.ts → .*a\.ts$/);
  });

  it('counts type-only imports, so a circle of types alone still fails', () => {
    const root = tree({
      'guard.ts': "import type { Snapshot } from './snapshot.tsx';\nexport type Guard = (s: Snapshot) => boolean;\n",
      'snapshot.tsx': "import type { Guard } from './guard';\nexport interface Snapshot { guards: Guard[] }\n",
    });
    expect(checkCycles(root)).toHaveLength(1);
  });

  it('finds a module that imports itself', () => {
    const root = tree({ 'self.ts': "export * from './self.ts';\nexport const x = 1;\n" });
    expect(findCycles(buildImportGraph(root))).toHaveLength(1);
  });

  it('returns exit status 1 with the cycle on stderr, and 0 on a clean tree', () => {
    const output = { stdout: '', stderr: '' };
    const out = { stdout: (text: string) => void (output.stdout += text), stderr: (text: string) => void (output.stderr += text) };
    expect(runCycleCheck(tree({ 'a.ts': "import './b.ts';\n", 'b.ts': "import './a.ts';\n" }), out)).toBe(1);
    expect(output.stderr).toMatch(/cycle 1: .*a\.ts → .*b\.ts → .*a\.ts/);
    expect(runCycleCheck(tree({ 'a.ts': "import './b.ts';\n", 'b.ts': 'export {};\n' }), out)).toBe(0);
    expect(output.stdout).toContain('No import cycles');
  });
});
