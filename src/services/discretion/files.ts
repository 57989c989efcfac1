/**
 * Reading an uploaded benchmark or exemption-list file into table records (row number + cells) and its `#`
 * comment lines, and writing a version back out as XLSX in the same layout. CSV may come in UTF-8 or, as
 * government spreadsheets often do, in GB18030/GBK; XLSX is read from the sheet 裁量基准 (else the first sheet).
 * Rows are then accepted or rejected by the domain's table parser, whatever the file format.
 */
import { type CellValue, loadExcelJS } from '../exceljs.ts';
import { decodeText } from '../decode-text.ts';
import type { TableRecord } from '../../domain/discretion/index.ts';
import { readCsvRecords } from '../../domain/discretion/index.ts';
import { validationError } from '../../domain/errors.ts';
import { benchmarkSheetName } from '../discretion-xlsx.ts';

export type FileFormat = 'csv' | 'xlsx';

export interface ReadTable {
  format: FileFormat;
  records: TableRecord[];
  commentLines: string[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

/**
 * Reads a table file. Throws VALIDATION, in Chinese, when the file is not a CSV or XLSX table at all (a legacy
 * .xls, a PDF, an unreadable workbook): then nothing is imported.
 */
export async function readTableFile(fileName: string, data: Uint8Array): Promise<ReadTable> {
  const lower = fileName.toLowerCase();
  if (startsWith(data, OLE_MAGIC) || lower.endsWith('.xls')) {
    throw validationError(`无法读取文件 ${fileName}：旧版 Excel（.xls）格式不受支持，请另存为 .xlsx 或 .csv 后导入`);
  }
  if (startsWith(data, ZIP_MAGIC) || lower.endsWith('.xlsx')) return { format: 'xlsx', ...(await readXlsx(fileName, data)) };
  // Text has no NUL byte — but for UTF-16 (Excel's “Unicode” text), which announces itself with a byte-order mark.
  const utf16 = startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff]);
  if (!utf16 && data.includes(0)) throw validationError(`无法读取文件 ${fileName}：不是 CSV 文本或 XLSX 表格`);
  const text = decodeText(data);
  const { records, error } = readCsvRecords(text);
  if (error) throw validationError(`无法读取文件 ${fileName}：第${error.row}行 ${error.reason}`, { rejected: [error] });
  const commentLines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .filter((line) => line.startsWith('#'))
    .map((line) => line.replace(/^#\s?/, ''));
  return { format: 'csv', records, commentLines };
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result as CellValue);
  return '';
}

/** The same reading rules as services/discretion-xlsx.ts, keeping the records and comment rows themselves. */
async function readXlsx(fileName: string, data: Uint8Array): Promise<{ records: TableRecord[]; commentLines: string[] }> {
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  } catch (error) {
    throw validationError(`无法读取文件 ${fileName}：不是有效的 XLSX 工作簿（${error instanceof Error ? error.message : String(error)}）`);
  }
  const sheet = workbook.getWorksheet(benchmarkSheetName) ?? workbook.worksheets[0];
  if (!sheet) throw validationError(`无法读取文件 ${fileName}：工作簿中没有工作表`);
  const records: TableRecord[] = [];
  const commentLines: string[] = [];
  let headerLength: number | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? '');
    while (filled.length > 0 && filled.at(-1)?.trim() === '') filled.pop();
    if (filled.length === 0) return;
    if (filled[0]?.trimStart().startsWith('#')) {
      commentLines.push(filled.join(' ').trim().replace(/^#\s?/, ''));
      return;
    }
    headerLength ??= filled.length;
    while (filled.length < headerLength) filled.push('');
    records.push({ row: rowNumber, cells: filled });
  });
  return { records, commentLines };
}

/** Width of a column in characters: long text columns stay readable. */
function widthOf(header: string): number {
  if (/^(适用条件|违法行为|事项|source|法定处罚幅度|处罚标准)$/.test(header)) return 36;
  if (/^(序号|免罚类型|裁量阶次)$/.test(header)) return 12;
  return 24;
}

export interface TableExport {
  sheetName: string;
  commentLines: string[];
  header: string[];
  rows: { sourceRow: number; cells: string[]; rejection: string | null }[];
  /** Lines for the 说明 sheet (version, provenance). */
  notes: string[];
}

/**
 * Writes a version as XLSX in the import layout: `#` comment rows, the header, then every data row as imported —
 * rejected rows included, so the legal section can fix them — all as text (序号 41.1 must stay text). A 说明 sheet
 * lists the version and every rejected row with its reason and its row in this sheet.
 */
export async function tableToXlsx(table: TableExport): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: table.commentLines.length + 1 }] });
  sheet.columns = table.header.map((h) => ({ width: widthOf(h) }));
  for (const line of table.commentLines) sheet.addRow([`# ${line}`]);
  const headerRow = sheet.addRow(table.header);
  headerRow.font = { bold: true };
  const rejected: string[] = [];
  for (const row of table.rows) {
    const added = sheet.addRow(row.cells);
    added.alignment = { vertical: 'top', wrapText: true };
    if (row.rejection) rejected.push(`本表第${added.number}行（原文件第${row.sourceRow}行）未导入：${row.rejection}`);
  }
  const notes = workbook.addWorksheet('说明');
  notes.getColumn(1).width = 120;
  for (const line of [...table.notes, ...(rejected.length ? ['', `未导入的行（共${rejected.length}行，修改后可重新导入）：`, ...rejected] : [])]) notes.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
