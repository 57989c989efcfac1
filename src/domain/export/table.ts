/**
 * Lists exported as spreadsheets (issue 15 "Export and print"): a table is columns over rows of a read shape, so the
 * XLSX a user downloads shows what the list on screen shows, with the same filters. Pure: the writer that streams the
 * workbook is services/export/xlsx.ts; each list's columns live beside its views (e.g. domain/cases/exports.ts).
 */

/** A cell as written: text, a number, or empty. */
export type ExportCell = string | number | null;

export interface ExportColumn<T> {
  /** The Chinese header of the column. */
  header: string;
  /** Width in characters. */
  width: number;
  value: (row: T) => ExportCell;
}

/**
 * At most this many rows per exported list. A bigger list is cut there, and the workbook's 说明 sheet says so and
 * asks for narrower filters: an export is for a clerk's spreadsheet, not a copy of the database (that is a backup).
 */
export const EXPORT_ROW_CAP = 10_000;

/** 元 from 分, as a number (two decimals at most), for money columns a spreadsheet can sum. */
export const yuanOf = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : Math.round(fen) / 100);

/** The line of the 说明 sheet that says a list was cut at the cap. */
export const truncationNote = (total: number | string, cap = EXPORT_ROW_CAP) => `符合条件的共 ${total} 条，仅导出前 ${cap} 条；请缩小筛选范围后分批导出。`;
