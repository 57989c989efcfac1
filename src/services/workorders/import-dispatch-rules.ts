/**
 * Importing a dispatch catalog (派单目录) from CSV or XLSX, as bureaus keep it in a spreadsheet: one rule a row, with the
 * columns 部件/事项, 类别编码, 默认承办单位 (the unit's full name, in the organization's subtree; empty: none),
 * 局机关职责事项 (是/否) and optionally 说明. Every row is checked on its own — an unknown category, a unit outside the
 * organization or a town for a bureau item (国办函〔2025〕66号), a repeated category — and reported with its row
 * number; the others replace the organization's rules of the same categories. Nothing importable: 400, nothing written.
 * One audit record (`workOrder.dispatchRule`) names the file, the imported categories and every rejected row.
 */
import { like } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { workOrderPolicy } from '../../domain/workorders/policy.ts';
import { AppError, validationError } from '../../domain/errors.ts';
import { MAX_ID } from '../../domain/ids.ts';
import { type CategoryKind, categoryKinds } from '../../domain/workorders/catalog.ts';
import { checkRuleUnit } from '../../domain/workorders/dispatch.ts';
import type { Rejection } from '../../domain/view-kit.ts';
import { organizations, workOrderDispatchRules } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { readTableFile } from '../discretion/files.ts';
import { getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { workOrderCategories } from './catalog.ts';

const columns = { kind: '部件/事项', code: '类别编码', unit: '默认承办单位', reserved: '局机关职责事项', note: '说明' } as const;
const required = ['kind', 'code', 'unit', 'reserved'] as const;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const yes = new Set(['是', '1', 'true', 'Y', 'y']);
const no = new Set(['否', '0', 'false', 'N', 'n', '']);

export const dispatchRuleImportInput = z.object({
  organizationId: z.coerce.number({ error: '请选择导入到的单位' }).int('请选择导入到的单位').positive('请选择导入到的单位').max(MAX_ID, '单位编号超出范围'),
});

export interface DispatchRuleImport {
  organizationId: number;
  fileName: string;
  rows: number;
  imported: { kind: CategoryKind; code: string }[];
  rejected: Rejection[];
}

/** Imports a dispatch-catalog file into an organization's catalog (admins and heads of it or above). */
export async function importDispatchRules(ctx: ServiceContext, actor: Actor, file: { fileName: string; data: Uint8Array }, raw: unknown): Promise<DispatchRuleImport> {
  assertMay(actor, workOrderPolicy.editDispatchRules);
  const { organizationId } = parseInput(dispatchRuleImportInput, raw);
  if (file.data.byteLength === 0) throw validationError(`文件 ${file.fileName} 是空文件`);
  if (file.data.byteLength > MAX_FILE_BYTES) throw validationError(`文件 ${file.fileName} 超过 ${String(MAX_FILE_BYTES / 1024 / 1024)} MB`);
  const table = await readTableFile(file.fileName, file.data);
  const header = (table.records[0]?.cells ?? []).map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(columns[c])).map((c) => columns[c]);
  if (missing.length) throw validationError(`文件 ${file.fileName} 的表头缺少以下列：${missing.join('、')}（须有：${required.map((c) => columns[c]).join('、')}，可选：说明）`, { rejected: [] });
  const at = (cells: string[], c: keyof typeof columns) => (header.includes(columns[c]) ? (cells[header.indexOf(columns[c])] ?? '').trim() : '');
  const catalog = await workOrderCategories();
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const org = await getOrganization({ db: tx }, actor, organizationId);
    const units = await tx.select({ id: organizations.id, name: organizations.name, path: organizations.path, kind: organizations.kind }).from(organizations).where(like(organizations.path, `${org.path}%`));
    const rejected: Rejection[] = [];
    const accepted: { row: number; kind: CategoryKind; code: string; unitId: number | null; reservedToBureau: boolean; note: string | null }[] = [];
    const firstRow = new Map<string, number>();
    let rows = 0;
    for (const { row, cells } of table.records.slice(1)) {
      if (cells.every((c) => !c.trim())) continue;
      rows++;
      try {
        const kindText = at(cells, 'kind');
        const kind = (Object.keys(categoryKinds) as CategoryKind[]).find((k) => categoryKinds[k] === kindText || k === kindText);
        if (!kind) throw validationError(`部件/事项应为“管理部件”或“管理事项”，而不是“${kindText}”`);
        const code = at(cells, 'code').padStart(5, '0');
        const category = catalog.find((c) => c.kind === kind && c.code === code);
        if (!category) throw validationError(`未知的${categoryKinds[kind]}类别编码：${at(cells, 'code')}`);
        const reservedText = at(cells, 'reserved');
        if (!yes.has(reservedText) && !no.has(reservedText)) throw validationError(`局机关职责事项应填“是”或“否”，而不是“${reservedText}”`);
        const reservedToBureau = yes.has(reservedText);
        const unitName = at(cells, 'unit');
        let unitId: number | null = null;
        if (unitName) {
          const unit = units.find((u) => u.name === unitName);
          if (!unit) throw validationError(`“${unitName}”不是“${org.name}”或其下级单位，不能作为默认承办单位`);
          checkRuleUnit(org, unit, reservedToBureau, category.name);
          unitId = unit.id;
        }
        const note = at(cells, 'note');
        if (note.length > 200) throw validationError('说明不超过 200 个字');
        const earlier = firstRow.get(`${kind}:${code}`);
        if (earlier !== undefined) throw validationError(`${categoryKinds[kind]} ${code} 与第${String(earlier)}行重复`);
        firstRow.set(`${kind}:${code}`, row);
        accepted.push({ row, kind, code, unitId, reservedToBureau, note: note || null });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        rejected.push({ row, reason: error.message });
      }
    }
    if (accepted.length === 0) {
      const shown = rejected.slice(0, 5).map((r) => `第${String(r.row)}行：${r.reason}`);
      throw validationError(`文件 ${file.fileName} 中没有可导入的派单规则，未导入任何内容${shown.length ? `：${shown.join('；')}` : '（文件没有数据行）'}`, { rejected });
    }
    for (const a of accepted) {
      const values = { organizationId: org.id, categoryKind: a.kind, categoryCode: a.code, unitId: a.unitId, reservedToBureau: a.reservedToBureau, note: a.note, updatedBy: actor.userId || null, updatedAt: now };
      await tx
        .insert(workOrderDispatchRules)
        .values(values)
        .onConflictDoUpdate({ target: [workOrderDispatchRules.organizationId, workOrderDispatchRules.categoryKind, workOrderDispatchRules.categoryCode], set: values });
    }
    const imported = accepted.map((a) => ({ kind: a.kind, code: a.code }));
    await appendAudit(
      tx,
      actor,
      { action: 'workOrder.dispatchRule', subjectType: 'organization', subjectId: org.id, organizationId: org.id, change: { import: file.fileName, format: table.format, rows, imported, rejected } },
      now,
    );
    return { organizationId: org.id, fileName: file.fileName, rows, imported, rejected };
  });
}
