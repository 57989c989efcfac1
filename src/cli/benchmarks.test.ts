import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliFolder, cliFolder } from './testing.ts';

const sharedCsv = fileURLToPath(new URL('../../../shared/data/discretion-benchmarks.csv', import.meta.url));
let folder: CliFolder;
let dataDir: string;

const fazhi = (...args: string[]) => folder.fazhi(...args);

interface ImportJson {
  imported: number;
  rejected: { row: number; reason: string }[];
}

beforeAll(async () => {
  folder = await cliFolder('benchmarks-cli', 'migrated');
  dataDir = folder.dir;
});
afterAll(() => folder.remove());

describe('fazhi benchmarks', () => {
  it.skipIf(!existsSync(sharedCsv))('import --json: the shared CSV loads ≥190 rules and lists every rejected row with its number and reason', async () => {
    const { code, stdout } = await fazhi('benchmarks', 'import', sharedCsv, '--json', '--name', '深圳市城市管理行政处罚裁量权实施标准（2023年版）等', '--effective', '2026-01-01');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ImportJson;
    expect(Object.keys(report)).toEqual(['imported', 'rejected']);
    expect(report.imported).toBeGreaterThanOrEqual(190);
    expect(report.rejected.length).toBeGreaterThan(0);
    for (const r of report.rejected) {
      expect(Object.keys(r)).toEqual(['row', 'reason']);
      expect(Number.isInteger(r.row) && r.row > 0).toBe(true);
      expect(r.reason).toMatch(/[\u4e00-\u9fa5]/);
    }
  }, 120_000);

  it('export --out writes XLSX that imports again to the same rules; list shows both versions', async () => {
    const bundled = fileURLToPath(new URL('../domain/discretion/data/discretion-benchmarks.csv', import.meta.url));
    const first = await fazhi('benchmarks', 'import', bundled);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^已导入 210 条裁量规则（69 个违法行为）：版本 \d+/);
    expect(first.stdout).toContain('第86行：处罚标准（1000元）低于法定处罚幅度下限（2000元）');
    const out = path.join(dataDir, '裁量基准.xlsx');
    const exported = await fazhi('benchmarks', 'export', '--out', out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`（214 行）到 ${out}`);
    // As a draft: the first version is already in force from today, and two versions cannot start the same day.
    const again = await fazhi('benchmarks', 'import', out, '--json', '--draft');
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as ImportJson).imported).toBe(210);
    const list = await fazhi('benchmarks', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    expect(list.stdout).toContain('210 条规则/69 个违法行为，未导入 4 行');
  }, 180_000);

  it('a file with nothing to import: exit 1, the rows with their reasons, nothing imported', async () => {
    const bad = path.join(dataDir, 'bad.csv');
    await writeFile(bad, 'source,序号\n某地,1\n');
    const before = await fazhi('benchmarks', 'list', '--json');
    const result = await fazhi('benchmarks', 'import', bad, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ imported: 0, rejected: [{ row: 1, reason: expect.stringContaining('表头缺少列') as string }] });
    expect(result.stderr).toMatch(/^错误：文件 bad\.csv 中没有可导入的裁量基准条目/);
    const missing = await fazhi('benchmarks', 'import', path.join(dataDir, 'none.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('文件不存在');
    const after = await fazhi('benchmarks', 'list', '--json');
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
  }, 120_000);
});
