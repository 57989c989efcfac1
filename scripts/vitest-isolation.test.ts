import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

describe('test isolation (vitest.config.ts)', () => {
  it('every test file that mocks a module runs isolated: shared modules would ignore its vi.mock', () => {
    const config = readFileSync(path.join(root, 'vitest.config.ts'), 'utf8');
    const isolated = /const ISOLATED = \[([^\]]*)\]/.exec(config)?.[1] ?? '';
    const testFiles = ['src', 'scripts', 'test'].flatMap((dir) =>
      readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.test.ts') && !f.startsWith('browser'))
        .map((f) => `${dir}/${f.split(path.sep).join('/')}`),
    );
    const mocking = testFiles.filter((f) => /\bvi\.(mock|doMock)\(/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(mocking.length).toBeGreaterThan(0);
    expect(mocking.filter((f) => !isolated.includes(`'${f}'`))).toEqual([]);
  });
});
