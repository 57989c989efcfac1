import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseBenchmarkCsv } from '../domain/discretion/csv.ts';
import { benchmarkCsv, benchmarkHeader } from '../domain/discretion/fixtures.ts';
import { benchmarksToXlsx, benchmarkSheetName, xlsxToBenchmarkRows } from './discretion-xlsx.ts';

const sharedBenchmarks = new URL('../../../shared/data/discretion-benchmarks.csv', import.meta.url);

async function workbookBuffer(rows: (ExcelJS.CellValue | undefined)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('benchmarks as XLSX', () => {
  it('round-trips the real inline rows: export, re-import, same items', async () => {
    const { items } = parseBenchmarkCsv(benchmarkCsv);
    const xlsx = await benchmarksToXlsx(items, { notes: ['来源：深圳市城市管理行政处罚裁量权实施标准（2023年版）等'] });
    const again = await xlsxToBenchmarkRows(xlsx);
    expect(again.rejected).toEqual([]);
    expect(again.items).toEqual(items);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([benchmarkSheetName, '说明']);
    expect(workbook.getWorksheet(benchmarkSheetName)?.getCell('C2').value).toBe('1');
  });

  it.skipIf(!existsSync(sharedBenchmarks))('round-trips the whole shared benchmark file', async () => {
    const { items, stats } = parseBenchmarkCsv(readFileSync(sharedBenchmarks, 'utf8'));
    const again = await xlsxToBenchmarkRows(await benchmarksToXlsx(items));
    expect(again.rejected).toEqual([]);
    expect(again.stats.rules).toBe(stats.rules);
    expect(again.items).toEqual(items);
  });

  it('parses rows like the CSV: comments skipped, rejected rows with their worksheet row numbers', async () => {
    const header = benchmarkHeader.split(',');
    const good = [
      { text: '深圳市城市管理行政处罚裁量权实施标准（2023年版）', hyperlink: 'https://cgj.sz.gov.cn/' },
      'https://cgj.sz.gov.cn/zwgk/zcfg/xzzf/content/post_11035670.html',
      13,
      '《深圳经济特区市容和环境卫生管理条例》',
      { richText: [{ text: '随地吐痰、便溺和乱吐、乱扔香口胶渣、瓜果皮核、' }, { text: '纸屑、烟头或者其他垃圾', font: { bold: true } }] },
      '《深圳经济特区市容和环境卫生管理条例》第二十九条第一款',
      '《深圳经济特区市容和环境卫生管理条例》第二十九条第二款',
      '处五十元以上二百元以下罚款',
      '情节较轻',
      '第一次被处罚的。',
      '处五十元罚款。',
    ];
    const buffer = await workbookBuffer([
      ['# 来源见各行 source 列'],
      header,
      good,
      [...good.slice(0, 4), '', ...good.slice(5)],
      [],
      [...good.slice(0, 7), '处二百元以上五十元以下罚款', '情节较重', '第二次被处罚的。', '处一百元罚款。'],
      [...good.slice(0, 8), '情节严重', '第三次及以上被处罚的。', '处二百元罚款。', '', '多余'],
    ]);
    const result = await xlsxToBenchmarkRows(buffer);
    expect(result.rejected.map((r) => r.row)).toEqual([4, 6, 7]);
    expect(result.rejected[0]?.reason).toMatch(/缺少违法行为名称/);
    expect(result.rejected[1]?.reason).toMatch(/下限大于上限/);
    expect(result.rejected[2]?.reason).toMatch(/列数为13，应为12/);
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      code: '13',
      name: '随地吐痰、便溺和乱吐、乱扔香口胶渣、瓜果皮核、纸屑、烟头或者其他垃圾',
      source: { name: '深圳市城市管理行政处罚裁量权实施标准（2023年版）' },
    });
  });

  it('reports a file that is not XLSX as one rejected row', async () => {
    const result = await xlsxToBenchmarkRows(Buffer.from('source,序号\n'));
    expect(result.items).toEqual([]);
    expect(result.rejected).toEqual([{ row: 1, reason: expect.stringMatching(/^无法读取XLSX文件/) as string }]);
  });
});
