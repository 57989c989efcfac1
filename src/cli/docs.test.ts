import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/fazhi.js');
let dataDir: string;

async function fazhi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { env: { ...process.env, FAZHI_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'fazhi-docs-cli-'));
});
afterAll(async () => rm(dataDir, { recursive: true, force: true }));

describe('fazhi docs', () => {
  it('types: lists every document type with its legal basis, and the whole case file', async () => {
    const { code, stdout } = await fazhi('docs', 'types');
    expect(code).toBe(0);
    expect(stdout).toContain('行政处罚决定书\tpenalty-decision\t《中华人民共和国行政处罚法》第五十九条');
    expect(stdout).toContain('催告书\tpayment-reminder');
    expect(stdout).toContain('案卷\tcase-file');
  });

  it('render: refuses an unknown case and a wrong output type with a Chinese message and exit status 1', async () => {
    const missing = await fazhi('docs', 'render', '--case', '5399022026J0000001X', '--type', '行政处罚决定书', '--out', path.join(dataDir, 'x.docx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^错误：未找到/);
    const wrongType = await fazhi('docs', 'render', '--case', 'ANY', '--type', '行政处罚决定书', '--out', path.join(dataDir, 'x.txt'));
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toContain('扩展名应为 .docx 或 .pdf');
  }, 60_000);
});
