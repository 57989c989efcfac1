/**
 * The categories of work orders: the city-management catalog of 管理部件 (parts: manhole covers, lamps …) and 管理事项
 * (matters: 占道经营, 违法建设 …), GB/T 47678.5. Codes repeat across the two kinds (01001 is both 供水井盖 and 供水井盖
 * 异常), so a category is its kind and its code.
 */
import { parse } from 'csv-parse/sync';
import { validationError } from '../errors.ts';

export const categoryKinds = { part: '管理部件', matter: '管理事项' } as const;
export type CategoryKind = keyof typeof categoryKinds;
export const categoryKindKeys = Object.keys(categoryKinds) as [CategoryKind, ...CategoryKind[]];

export interface Category {
  kind: CategoryKind;
  code: string;
  /** 大类 */
  group: string;
  /** 小类名称 */
  name: string;
}

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

/** The category `kind`/`code` of the catalog, or a Chinese refusal naming what was given. */
export function findCategory(catalog: readonly Category[], kind: CategoryKind, code: string): Category {
  const found = catalog.find((c) => c.kind === kind && c.code === code);
  if (!found) throw validationError(`未知的${categoryKinds[kind]}类别编码：${code}`, { fields: [{ field: 'category.code', message: '类别编码不在《管理部件和事项》目录中' }] });
  return found;
}
