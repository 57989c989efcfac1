/**
 * Streams a workbook of exported lists (domain/export/table.ts) as it is written: rows go out page by page, so a
 * long list never sits in memory as a whole workbook. One sheet per table, then a 说明 sheet (what was exported, by
 * whom, when, with which filters, and whether the list was cut at its cap).
 */
import { PassThrough, type Readable } from 'node:stream';
import { loadExcelJS } from '../exceljs.ts';
import type { ExportCell, ExportColumn } from '../../domain/export/table.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet with its rows already turned into cells (so sheets of different row types go in one workbook). */
export interface XlsxSheet {
  name: string;
  headers: string[];
  widths: number[];
  rows: AsyncIterable<ExportCell[]> | Iterable<ExportCell[]>;
}

/** A sheet of `columns` over `rows` (an array, or pages fetched as the workbook is written). */
export function sheetOf<T>(name: string, columns: readonly ExportColumn<T>[], rows: AsyncIterable<T> | Iterable<T>): XlsxSheet {
  return {
    name,
    headers: columns.map((c) => c.header),
    widths: columns.map((c) => c.width),
    rows: (async function* () {
      for await (const row of rows) yield columns.map((c) => c.value(row));
    })(),
  };
}

/** An exported workbook on its way: the file name to offer and the bytes as they are written. */
export interface XlsxExport {
  fileName: string;
  /** Rows matching the filters (the main list), and rows written (at most the cap). */
  total: number;
  exported: number;
  stream: Readable;
}

/**
 * Writes the sheets and the notes into a stream. A failure while writing (a page query failing) destroys the
 * stream with the error, so the download breaks off instead of ending in a file that looks complete.
 */
export function xlsxStream(sheets: XlsxSheet[], notes: string[]): Readable {
  const out = new PassThrough();
  void (async () => {
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = sheet.headers.map((header, i) => ({ header, width: sheet.widths[i] ?? 12 }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for await (const cells of sheet.rows) ws.addRow(cells).commit();
      ws.commit();
    }
    const ns = workbook.addWorksheet('说明');
    ns.getColumn(1).width = 100;
    for (const line of notes) ns.addRow([line]).commit();
    ns.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
