/**
 * CSV in the layout of the published benchmark files: `#` comment lines carry the sources and are skipped, then a
 * header row, then one row per violation × tier. Parsing works on a string (no file access here).
 */
import { parse } from 'csv-parse/sync';
import type { BenchmarkImportResult, BenchmarkItem, ExemptionImportResult, ExemptionItem, ImportRejection } from './model.ts';
import type { TableRecord } from './table.ts';
import { benchmarksToRows, exemptionsToRows, parseBenchmarkRecords, parseExemptionRecords } from './table.ts';

/** Splits CSV text into records with their 1-based starting line numbers. */
export function readCsvRecords(text: string): { records: TableRecord[]; error?: ImportRejection } {
  // The published files mix CRLF data lines with LF comment lines; one line ending keeps line numbers right.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  try {
    const parsed = parse(normalized, {
      comment: '#',
      comment_no_infix: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const records = parsed.map(({ record, info }) => {
      // info.lines is the line the record ends on; quoted fields may span lines.
      const inner = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
      return { row: info.lines - inner, cells: record };
    });
    return { records };
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number' ? error.lines : 1;
    const message = error instanceof Error ? error.message : String(error);
    return { records: [], error: { row: Math.max(1, line), reason: `CSV格式错误，无法继续读取：${message}` } };
  }
}

/** Parses a benchmark CSV. Rows that cannot be used are listed in `rejected` with their line and a reason. */
export function parseBenchmarkCsv(text: string): BenchmarkImportResult {
  const { records, error } = readCsvRecords(text);
  if (error) return { items: [], rejected: [error], stats: { rows: 0, rules: 0, items: 0, rejected: 1 } };
  return parseBenchmarkRecords(records);
}

export function parseExemptionCsv(text: string): ExemptionImportResult {
  const { records, error } = readCsvRecords(text);
  if (error) return { items: [], rejected: [error], stats: { rows: 0, items: 0, rejected: 1 } };
  return parseExemptionRecords(records);
}

function csvCell(value: string): string {
  // A leading # would turn the row into a comment on re-import; quoting keeps it data.
  return /[",\r\n]|^#|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function rowsToCsv(rows: string[][], commentLines: string[] = []): string {
  const comments = commentLines.map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}`);
  return [...comments, ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** Exports benchmarks as CSV in the import layout; comment lines (e.g. sources) go first, prefixed with #. */
export function benchmarksToCsv(items: BenchmarkItem[], commentLines: string[] = []): string {
  return rowsToCsv(benchmarksToRows(items), commentLines);
}

export function exemptionsToCsv(items: ExemptionItem[], commentLines: string[] = []): string {
  return rowsToCsv(exemptionsToRows(items), commentLines);
}
