/**
 * ExcelJS, loaded on first use: evaluating it (with its zip and stream dependencies) took about a second of a server
 * start (issue 16 item 6, measured with --cpu-prof), and only imports and exports of spreadsheets need it.
 */
import type * as ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;
export type { CellValue } from 'exceljs';

let loaded: Promise<ExcelJS> | undefined;

export function loadExcelJS(): Promise<ExcelJS> {
  loaded ??= import('exceljs').then((m) => (m as unknown as { default?: ExcelJS }).default ?? (m as unknown as ExcelJS));
  return loaded;
}
