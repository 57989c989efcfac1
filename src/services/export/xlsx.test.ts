/** The streamed workbook writer: rows fetched page by page arrive in order; a failing page breaks the stream. */
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetOf, xlsxStream } from './xlsx.ts';

const columns = [
  { header: '序号', width: 8, value: (n: number) => n },
  { header: '名称', width: 12, value: (n: number) => (n % 2 ? `单${n}` : null) },
];

async function* pages(count: number, failAt?: number) {
  for (let start = 0; start < count; start += 500) {
    await new Promise((resolve) => setImmediate(resolve));
    if (failAt !== undefined && start >= failAt) throw new Error('page query failed');
    for (let n = start; n < Math.min(count, start + 500); n++) yield n + 1;
  }
}

describe('xlsxStream', () => {
  it('writes rows read in pages, in order, with an empty cell for null, and the notes in a 说明 sheet', async () => {
    const data = await buffer(xlsxStream([sheetOf('列表', columns, pages(1234))], ['导出说明一行']));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('列表')!;
    expect(sheet.rowCount).toBe(1235);
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '名称']);
    expect(sheet.getRow(2).values).toEqual([undefined, 1, '单1']);
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    expect(sheet.getRow(1235).getCell(1).value).toBe(1234);
    expect(wb.getWorksheet('说明')!.getRow(1).getCell(1).value).toBe('导出说明一行');
  });

  it('a page that fails breaks the download off instead of ending it as a complete-looking file', async () => {
    await expect(buffer(xlsxStream([sheetOf('列表', columns, pages(1500, 1000))], []))).rejects.toThrow('page query failed');
  });
});
