/** Lists exported as XLSX over HTTP: the case list with its filters, the supervision tables; refusals stay JSON. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newCase } from '../services/testing/factories.ts';
import { worldApp } from './test-app.ts';

const t = worldApp();

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The sheet's rows as text, header first. */
function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  sheet.eachRow((row) => out.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return out;
}

async function get(username: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie: await t.login(username) } });
}

describe('XLSX export of the lists', () => {
  it('the case list exports with the filters applied: only matching rows, the filters named in the 说明 sheet', async () => {
    const investigating = await newCase(t.ctx, t.w, { state: 'investigating', title: '涉嫌导出测试调查中案' });
    const clue = await newCase(t.ctx, t.w, { state: 'clue', title: '涉嫌导出测试线索案' });
    const res = await get('wanglei', '/api/cases/export?state=investigating&q=导出测试');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('案件列表-');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-total-count']).toBe('1');
    const wb = await workbook(res.rawPayload);
    const [list, notes] = [wb.getWorksheet('案件列表')!, wb.getWorksheet('说明')!];
    const rows = rowsOf(list);
    expect(rows[0]!.slice(0, 5)).toEqual(['行政行为码', '决定书文号', '案由', '当事人', '状态']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([investigating.actCode]);
    expect(rows[1]![2]).toBe('涉嫌导出测试调查中案');
    expect(rows.flat()).not.toContain(clue.actCode);
    const noteText = rowsOf(notes).flat().join('\n');
    expect(noteText).toContain('状态：调查取证');
    expect(noteText).toContain('搜索：导出测试');
    expect(noteText).toContain('符合条件：1 件');
    expect(noteText).toContain('导出人：王磊');
  });

  it('the export sees what the user’s list sees: another district exports none of these cases', async () => {
    await newCase(t.ctx, t.w, { state: 'clue', title: '涉嫌导出范围测试案' });
    const own = await workbook((await get('wanglei', '/api/cases/export?q=导出范围测试')).rawPayload);
    expect(rowsOf(own.getWorksheet('案件列表')!)).toHaveLength(2);
    const other = await workbook((await get('liuyang', '/api/cases/export?q=导出范围测试')).rawPayload);
    expect(rowsOf(other.getWorksheet('案件列表')!)).toHaveLength(1);
  });

  it('a bad filter or a unit outside the scope answers a Chinese error, not a broken file', async () => {
    const bad = await get('wanglei', '/api/cases/export?state=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('案件状态无效');
    const range = await get('wanglei', '/api/cases/export?from=2026-05-01&to=2026-04-01');
    expect(range.statusCode).toBe(400);
    expect(range.json().message).toContain('起始日期不能晚于截止日期');
    const outside = await get('wanglei', `/api/cases/export?organizationId=${t.w.org.otherBrigade.id}`);
    expect(outside.statusCode).toBe(404);
    expect(outside.headers['content-type']).toContain('application/json');
    expect((await t.app.inject({ method: 'GET', url: '/api/cases/export' })).statusCode).toBe(401);
  });

  it('the dashboard exports each of its tables as a sheet, and the deadlines and review queue export as lists', async () => {
    await newCase(t.ctx, t.w, { state: 'investigating' });
    const stats = await get('supervisor', '/api/stats/cases/export');
    expect(stats.statusCode, stats.body.slice(0, 200)).toBe(200);
    const wb = await workbook(stats.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['总览', '按状态', '按登记月份', '按处罚种类', '按违法行为', '各单位对比', '已超期', '即将到期', '说明']);
    expect(rowsOf(wb.getWorksheet('各单位对比')!)[0]).toEqual(['单位', '案件数', '已决定', '超期', '罚款（元）']);
    const totals = rowsOf(wb.getWorksheet('总览')!);
    expect(Number(totals.find((r) => r[0] === '案件总数')![1])).toBeGreaterThan(0);
    expect((await get('wanglei', '/api/stats/cases/export')).statusCode).toBe(403);

    const deadlines = await get('wanglei', '/api/case-deadlines/export?status=due&days=365');
    expect(deadlines.statusCode).toBe(200);
    expect(rowsOf((await workbook(deadlines.rawPayload)).getWorksheet('办案期限')!)[0]).toContain('届满日期');
    const queue = await get('reviewer.donghu', '/api/legal-reviews/queue/export');
    expect(queue.statusCode).toBe(200);
    expect((await workbook(queue.rawPayload)).getWorksheet('待审核案件')).toBeDefined();
  });
});
