/**
 * `fazhi report statistics` (issue #19 item 4): the demo district's 行政执法数据 as JSON, as an XLSX file, and the
 * refusals. The figures are the service's (tested by hand in services/reports/enforcement-statistics.test.ts); here the
 * total is checked against the annual report's `penalty_cases` read from the same database.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliFolder, cliFolder } from './testing.ts';
import { openPglite } from '../db/connect.ts';
import { organizations } from '../db/schema.ts';
import { indicators as caseIndicators } from '../services/cases/indicators.ts';
import { loadExcelJS } from '../services/exceljs.ts';

const unitName = '东湖区城市管理和综合行政执法局';
let folder: CliFolder;
let dataDir: string;
let penaltyCases: number | null;
const year = 2026;

const fazhi = (...args: string[]) => folder.fazhi(...args);

beforeAll(async () => {
  folder = await cliFolder('statistics-cli', 'demo');
  dataDir = folder.dir;
  const handle = await openPglite(dataDir);
  try {
    const [unit] = await handle.db.select({ path: organizations.path }).from(organizations).where(eq(organizations.name, `云城市${unitName}`));
    const values = await caseIndicators({ db: handle.db, clock: () => new Date() }, unit!.path, year);
    penaltyCases = values.find((v) => v.key === 'penalty_cases')!.value;
  } finally {
    await handle.close();
  }
}, 600_000);
afterAll(() => folder.remove());

describe('fazhi report statistics', () => {
  it('--json: every row, the total equal to the annual report’s penalty_cases; --out writes the XLSX table', { timeout: 180_000 }, async () => {
    const json = await fazhi('report', 'statistics', '--org', unitName, '--year', String(year), '--json');
    expect(json.code, json.stderr).toBe(0);
    const stats = JSON.parse(json.stdout) as { title: string; rows: { key: string; value: number | null; recorded: boolean; months: unknown[] | null }[] };
    expect(stats.title).toBe(`云城市${unitName} ${year}年度行政执法数据统计表`);
    const total = stats.rows.find((r) => r.key === 'penalty_decisions')!;
    expect(penaltyCases).toBeGreaterThan(0);
    expect(total.value).toBe(penaltyCases);
    expect(total.months).toHaveLength(12);
    expect(stats.rows.find((r) => r.key === 'licences')).toMatchObject({ recorded: false, value: null });

    const file = path.join(dataDir, '统计表.xlsx');
    const out = await fazhi('report', 'statistics', '--org', unitName, '--year', String(year), '--out', file);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(`已写出 ${file}`);
    const book = new (await loadExcelJS()).Workbook();
    await book.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('行政执法数据')!;
    expect(sheet.getCell('A1').value).toBe(stats.title);
    expect(sheet.getCell('C4').value).toBe('行政处罚决定（合计）');
    expect(sheet.getCell('E4').value).toBe(penaltyCases);
  });

  it('prints the table in Chinese; a file that is not .xlsx and a bad year fail clearly', { timeout: 180_000 }, async () => {
    const text = await fazhi('report', 'statistics', '--org', unitName, '--year', String(year));
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`行政处罚  行政处罚决定（合计）：${String(penaltyCases)} 件`);
    expect(text.stdout).toContain('行政许可  行政许可决定：本系统无记录');
    const badOut = await fazhi('report', 'statistics', '--org', unitName, '--year', String(year), '--out', path.join(dataDir, 'x.csv'));
    expect([badOut.code, badOut.stderr]).toEqual([1, expect.stringContaining('输出文件应为 .xlsx')]);
    const badYear = await fazhi('report', 'statistics', '--org', '1', '--year', '25');
    expect([badYear.code, badYear.stderr]).toEqual([1, expect.stringContaining('年度无效：25')]);
  });
});
