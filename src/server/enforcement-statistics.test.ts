/**
 * 行政执法数据 over HTTP (issue #19 item 4): the staff JSON and XLSX of a unit's year, read back with ExcelJS, and the
 * public statistics of a closed year — the current year refused with its reason (国办发〔2018〕118号). On the
 * factories' small world with one penalty decision of last year that gives both a warning and a fine.
 */
import { describe, expect, it } from 'vitest';
import { chinaDateOf } from '../domain/calendar/iso-date.ts';
import { loadExcelJS } from '../services/exceljs.ts';
import { newCase } from '../services/testing/factories.ts';
import { worldApp } from './test-app.ts';

const t = worldApp();
const thisYear = Number(chinaDateOf(new Date()).slice(0, 4));
const year = thisYear - 1;

interface Stats {
  title: string;
  closed: boolean;
  rows: { key: string; value: number | null; recorded: boolean; note: string | null; months: (number | null)[] | null }[];
}

async function get(url: string, username?: string) {
  return t.app.inject({ method: 'GET', url, headers: username ? { cookie: await t.login(username) } : {} });
}

async function workbookRows(body: Buffer) {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows = new Map<string, unknown>();
  sheet.eachRow((row) => rows.set(String(row.getCell(3).value), row.getCell(5).value));
  return { title: sheet.getCell('A1').value, rows };
}

describe('GET /api/organizations/:id/enforcement-statistics(.xlsx) and the public statistics', () => {
  it('the staff JSON and XLSX: the title, a kind row, the total', async () => {
    await newCase(t.ctx, t.w, {
      state: 'decided',
      startOn: `${String(year)}-03-02`,
      proposal: { kind: 'penalty', penalty: { kinds: ['warning', 'fine'], fineFen: 200_00, description: '警告，罚款人民币200元', basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' } },
    });
    const unit = t.w.org.district.id;
    const res = await get(`/api/organizations/${unit}/enforcement-statistics?year=${year}`, 'reviewer.donghu');
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json<Stats>();
    expect(stats.title).toBe(`云城市东湖区城市管理和综合行政执法局 ${year}年度行政执法数据统计表`);
    const value = (key: string) => stats.rows.find((r) => r.key === key)?.value;
    expect([value('penalty_decisions'), value('kind_warning'), value('kind_fine'), value('fine_amount'), value('licences')]).toEqual([1, 1, 1, 200, null]);
    expect(stats.rows.find((r) => r.key === 'licences')).toMatchObject({ recorded: false, note: '本系统无记录' });

    const xlsx = await get(`/api/organizations/${unit}/enforcement-statistics.xlsx?year=${year}`, 'supervisor');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain(`${year}年度行政执法数据统计表.xlsx`);
    const book = await workbookRows(xlsx.rawPayload);
    expect(book.title).toBe(stats.title);
    expect(book.rows.get('警告')).toBe(1);
    expect(book.rows.get('行政处罚决定（合计）')).toBe(1);
    expect(book.rows.get('罚款金额')).toBe(0.02); // 200元 in 万元

    expect((await get(`/api/organizations/${unit}/enforcement-statistics?year=${year}`, 'wanglei')).statusCode).toBe(403);
    expect((await get(`/api/organizations/${unit}/enforcement-statistics?year=${year}`, 'head.xishan')).statusCode).toBe(404);
    expect((await get(`/api/organizations/${unit}/enforcement-statistics?year=abc`, 'supervisor')).statusCode).toBe(400);
  });

  it('public once the year is over; the current year is refused with the reason', async () => {
    const unit = t.w.org.district.id;
    const open = await get(`/api/public/enforcement-statistics?org=${unit}&year=${year}`);
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json<Stats>()).toMatchObject({ closed: true });
    const xlsx = await get(`/api/public/enforcement-statistics.xlsx?org=${unit}&year=${year}`);
    expect(xlsx.statusCode).toBe(200);
    expect((await workbookRows(xlsx.rawPayload)).title).toBe(`云城市东湖区城市管理和综合行政执法局 ${year}年度行政执法数据统计表`);

    for (const url of [`/api/public/enforcement-statistics?org=${unit}&year=${thisYear}`, `/api/public/enforcement-statistics.xlsx?org=${unit}&year=${thisYear}`]) {
      const refused = await get(url);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'RULE_VIOLATION', message: `${thisYear}年度尚未结束，行政执法数据在年度结束后公开（次年1月31日前）`, details: { article: '国办发〔2018〕118号（行政执法公示制度）' } });
    }
    expect((await get(`/api/public/enforcement-statistics?org=999999&year=${year}`)).statusCode).toBe(404);
    expect((await get(`/api/public/enforcement-statistics?year=${year}`)).statusCode).toBe(400);
  });
});
