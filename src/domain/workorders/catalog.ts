/**
 * The categories of work orders: the city-management catalog of 管理部件 (parts: manhole covers, lamps …) and 管理事项
 * (matters: 占道经营, 违法建设 …), GB/T 47678.5. Codes repeat across the two kinds (01001 is both 供水井盖 and 供水井盖
 * 异常), so a category is its kind and its code.
 */
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

/** The category `kind`/`code` of the catalog, or a Chinese refusal naming what was given. */
export function findCategory(catalog: readonly Category[], kind: CategoryKind, code: string): Category {
  const found = catalog.find((c) => c.kind === kind && c.code === code);
  if (!found) throw validationError(`未知的${categoryKinds[kind]}类别编码：${code}`, { fields: [{ field: 'category.code', message: '类别编码不在《管理部件和事项》目录中' }] });
  return found;
}
