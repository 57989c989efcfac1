/**
 * Benchmarks as XLSX, for the admins who keep them in Excel. The sheet has the same columns as the CSV layout and
 * goes through the same row parser (domain/discretion/table.ts), so a row is accepted or rejected for the same
 * reason in either format; rejected rows carry their worksheet row number.
 */
import { type CellValue, loadExcelJS } from './exceljs.ts';
import type { BenchmarkImportResult, BenchmarkItem, TableRecord } from '../domain/discretion/index.ts';
import { benchmarkColumns, benchmarksToRows, parseBenchmarkRecords } from '../domain/discretion/index.ts';

export const benchmarkSheetName = '裁量基准';
const notesSheetName = '说明';

/** Column widths in characters, so the long text columns stay readable. */
const widths: Record<(typeof benchmarkColumns)[number], number> = {
  source: 30,
  source_url: 24,
  序号: 8,
  法规规章: 24,
  违法行为: 36,
  违则条款: 24,
  罚则条款: 24,
  法定处罚幅度: 30,
  裁量阶次: 14,
  适用条件: 40,
  处罚标准: 30,
  备注: 20,
};

export interface XlsxExportOptions {
  /** Provenance lines (sources, export time) written to a separate 说明 sheet. */
  notes?: string[];
}

export async function benchmarksToXlsx(items: BenchmarkItem[], options: XlsxExportOptions = {}): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(benchmarkSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = benchmarkColumns.map((key) => ({ key, width: widths[key] }));
  // Every cell is written as text: 序号 such as 41.1 or 一 must not turn into numbers.
  for (const row of benchmarksToRows(items)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
  if (options.notes && options.notes.length > 0) {
    const notes = workbook.addWorksheet(notesSheetName);
    notes.getColumn(1).width = 120;
    for (const line of options.notes) notes.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result as CellValue);
  if ('error' in value) return '';
  return '';
}

/**
 * Reads the benchmark sheet (named 裁量基准, else the first sheet) into items and rejected rows. Rows whose first
 * cell starts with # are comments, as in the CSV layout. A file that is not XLSX is one rejected row 1.
 */
export async function xlsxToBenchmarkRows(buffer: Uint8Array | ArrayBuffer): Promise<BenchmarkImportResult> {
  const workbook = new (await loadExcelJS()).Workbook();
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const failed = (reason: string): BenchmarkImportResult => ({ items: [], rejected: [{ row: 1, reason }], stats: { rows: 0, rules: 0, items: 0, rejected: 1 } });
  try {
    await workbook.xlsx.load(arrayBuffer);
  } catch (error) {
    return failed(`无法读取XLSX文件：${error instanceof Error ? error.message : String(error)}`);
  }
  const sheet = workbook.getWorksheet(benchmarkSheetName) ?? workbook.worksheets[0];
  if (!sheet) return failed('工作簿中没有工作表');

  const records: TableRecord[] = [];
  let headerLength: number | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    while (filled.length > 0 && filled.at(-1)?.trim() === '') filled.pop();
    if (filled.length === 0 || filled[0]?.trimStart().startsWith('#')) return;
    headerLength ??= filled.length;
    // A spreadsheet does not store trailing empty cells; pad them back so only real extra cells count as errors.
    while (filled.length < headerLength) filled.push('');
    records.push({ row: rowNumber, cells: filled });
  });
  return parseBenchmarkRecords(records);
}
