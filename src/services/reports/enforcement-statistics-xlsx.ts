/**
 * 行政执法数据 as a spreadsheet in the usual statistical-table layout (issue #19 item 4): a title row
 * "XX 20XX年度行政执法数据统计表", a row with the unit, the period and the day of counting, a header row, then one row per
 * category; money in 万元 with two decimals (counted exactly to the 分). A second sheet gives the months, a 说明 sheet the
 * sources and definitions. Built with the project's lazily loaded ExcelJS (services/exceljs.ts).
 */
import { type EnforcementStatistics, formatStatistic, NOT_RECORDED, wanYuan } from '../../domain/reports/enforcement-statistics.ts';
import { loadExcelJS } from '../exceljs.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file name offered: "XX 2025年度行政执法数据统计表.xlsx". */
export const statisticsFileName = (stats: EnforcementStatistics) => `${stats.title}.xlsx`;

/** The table's unit for a row: money is shown in 万元. */
const shownUnit = (unit: string) => (unit === '元' ? '万元' : unit);
/** A cell: a number (万元 for money) or the reason there is none. */
const cell = (row: EnforcementStatistics['rows'][number], value: number | null): string | number => {
  if (!row.recorded) return NOT_RECORDED;
  if (value === null) return '—';
  return row.unit === '元' ? Number(wanYuan(value)) : value;
};

export async function enforcementStatisticsXlsx(stats: EnforcementStatistics): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fazhi';

  const sheet = workbook.addWorksheet('行政执法数据');
  sheet.columns = [{ width: 6 }, { width: 12 }, { width: 36 }, { width: 10 }, { width: 16 }, { width: 60 }];
  sheet.addRow([stats.title]);
  sheet.mergeCells(1, 1, 1, 6);
  const title = sheet.getCell(1, 1);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  sheet.addRow([`填报单位：${stats.organization.name}`, null, null, `统计期间：${String(stats.year)}年1月1日至12月31日`, null, `统计日期：${stats.countedOn}`]);
  sheet.mergeCells(2, 1, 2, 3);
  sheet.mergeCells(2, 4, 2, 5);
  const header = sheet.addRow(['序号', '类别', '项目', '计量单位', '数量', '说明']);
  header.font = { bold: true };
  stats.rows.forEach((row, i) => {
    const added = sheet.addRow([i + 1, row.categoryLabel, row.name, shownUnit(row.unit), cell(row, row.value), row.note ?? row.definition]);
    if (row.unit === '元' && row.recorded) added.getCell(5).numFmt = '0.00';
    if (row.unit === '%' && row.value !== null) added.getCell(5).numFmt = '0.00';
  });
  sheet.addRow([]);
  for (const note of stats.notes) sheet.addRow([null, note]);

  const byMonth = workbook.addWorksheet('分月统计');
  byMonth.columns = [{ width: 36 }, { width: 8 }, ...Array.from({ length: 12 }, () => ({ width: 9 }))];
  byMonth.addRow([`${stats.title}（分月）`]);
  byMonth.mergeCells(1, 1, 1, 14);
  byMonth.getCell(1, 1).font = { bold: true, size: 14 };
  byMonth.addRow(['项目', '计量单位', ...Array.from({ length: 12 }, (_, m) => `${String(m + 1)}月`)]).font = { bold: true };
  for (const row of stats.rows) {
    byMonth.addRow([row.name, shownUnit(row.unit), ...(row.months ?? Array.from({ length: 12 }, () => null)).map((v) => cell(row, v))]);
  }

  const notes = workbook.addWorksheet('说明');
  notes.getColumn(1).width = 30;
  notes.getColumn(2).width = 100;
  notes.addRow(['说明', null]).font = { bold: true };
  for (const note of stats.notes) notes.addRow([null, note]);
  notes.addRow([]);
  notes.addRow(['项目', '数据来源与口径']).font = { bold: true };
  for (const row of stats.rows) notes.addRow([row.name, `${row.definition}${row.recorded ? '' : `（${NOT_RECORDED}）`}；本表数值：${formatStatistic(row)}`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
