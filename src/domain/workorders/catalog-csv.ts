/**
 * Reading the bundled catalog's CSV (GB/T 47678.5) — apart from catalog.ts, so the web app, which imports the
 * category kinds, never loads the CSV parser (it needs Node's Buffer).
 */
import { parse } from 'csv-parse/sync';
import type { Category, CategoryKind } from './catalog.ts';

const kindOf: Record<string, CategoryKind> = { 管理部件: 'part', 管理事项: 'matter' };

/** Parses the catalog's CSV (comment lines start with #): one category per row, every row checked. */
export function parseCategories(csv: string): Category[] {
  const rows = parse(csv, { columns: true, comment: '#', skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((row, i) => {
    const kind = kindOf[row.kind ?? ''];
    const code = row.code ?? '';
    if (!kind || !/^\d{5}$/.test(code) || !row['小类名称']) throw new Error(`category catalog row ${String(i + 1)} is malformed`);
    return { kind, code, group: row['大类'] ?? '', name: row['小类名称'] };
  });
}

