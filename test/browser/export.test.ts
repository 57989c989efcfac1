/**
 * Export in the browser (issue 15 "Export and print"): the case list's 导出 Excel downloads the list with the filters
 * on screen — the file is parsed and its rows compared with the rows the page shows.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, settle, startHarness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 240_000);
afterAll(() => h?.close());

describe('XLSX export in the browser', { timeout: 120_000 }, () => {
  it('exports the case list with the filters applied: the downloaded file has exactly the rows the list shows', async () => {
    const { context, page } = await h.signedIn('desktop', 'wanglei', '/cases?state=investigating&pageSize=100');
    const shown = await page.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => r.querySelector('td:nth-child(2)')!.textContent!.trim()));
    const total = Number((await page.getByTestId('case-total').textContent())!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(0);
    expect(shown).toHaveLength(total);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^案件列表-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.getWorksheet('案件列表')!;
    const codes: string[] = [];
    const states = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      codes.push(String(row.getCell(1).value));
      states.add(String(row.getCell(5).value));
    });
    expect(codes).toHaveLength(total);
    // The list column shows the act code with the decision number under it.
    expect(codes.every((code, i) => shown[i]!.startsWith(code))).toBe(true);
    expect([...states]).toEqual(['调查取证']);
    const notes: string[] = [];
    wb.getWorksheet('说明')!.eachRow((row) => notes.push(String(row.getCell(1).value)));
    expect(notes.join('\n')).toContain('状态：调查取证');

    // Another filter, another file.
    await page.goto('/cases?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E6%A1%88%E4%BB%B6');
    await settle(page);
    const [empty] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-export').click()]);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile((await empty.path())!);
    expect(wb2.getWorksheet('案件列表')!.rowCount).toBe(1);
    await context.close();
  });
});
