/**
 * Importing an organization's power list (权责清单) from a spreadsheet, as bureaus publish them: CSV (UTF-8 or
 * GB18030/GBK) or XLSX (first sheet), one item a row, columns named in the header (any order, extra columns
 * ignored). Every row is checked like an item added by hand; a row that fails is reported with its row number and
 * the reason, and the others are imported. Items come in as the organization's own powers: a delegation (赋权) names
 * the delegating unit, which is set by hand on the page.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { MAX_ID } from '../../domain/ids.ts';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import type { PowerListImport } from '../../domain/cases/views.ts';
import type { Rejection } from '../../domain/view-kit.ts';
import { validationError } from '../../domain/errors.ts';
import { powerItems } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { readTableFile } from '../discretion/files.ts';
import { getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { powerItemInput } from './power-list.ts';

/** The header of an importable power list: column name per field. */
export const powerListColumns = {
  code: '事项编码',
  name: '违法行为',
  violatedProvision: '违则',
  penaltyProvision: '罚则',
  statutoryRange: '法定处罚幅度',
  category: '类别',
} as const;
type Field = keyof typeof powerListColumns;
const fields = Object.keys(powerListColumns) as Field[];

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The form fields sent with the file (multipart text, hence coerced). */
export const powerListImportInput = z.object({
  organizationId: z.coerce.number({ error: '请选择导入到的单位' }).int('请选择导入到的单位').positive('请选择导入到的单位').max(MAX_ID, '单位编号超出范围'),
});

export type { PowerListImport } from '../../domain/cases/views.ts';
export type { Rejection } from '../../domain/view-kit.ts';

interface Candidate {
  row: number;
  values: ReturnType<typeof powerItemInput.parse>;
}

/** Column index of each field, or the names of the missing columns. */
function columnsOf(header: readonly string[]): { index: Record<Field, number> } | { missing: string[] } {
  const names = header.map((h) => h.trim());
  const missing = fields.filter((f) => !names.includes(powerListColumns[f])).map((f) => powerListColumns[f]);
  if (missing.length) return { missing };
  return { index: Object.fromEntries(fields.map((f) => [f, names.indexOf(powerListColumns[f])])) as Record<Field, number> };
}

/** Each data row checked on its own: an item to import, or why not. */
function checkRows(records: readonly { row: number; cells: string[] }[], index: Record<Field, number>, organizationId: number) {
  const candidates: Candidate[] = [];
  const rejected: Rejection[] = [];
  const firstRowOfCode = new Map<string, number>();
  let rows = 0;
  for (const record of records) {
    if (record.cells.every((c) => !c.trim())) continue;
    rows++;
    const raw = Object.fromEntries(fields.map((f) => [f, record.cells[index[f]] ?? '']));
    const parsed = powerItemInput.safeParse({ ...raw, organizationId, delegatedFromId: null });
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((i) => `${powerListColumns[i.path[0] as Field] ?? String(i.path[0])}：${i.message}`);
      rejected.push({ row: record.row, reason: [...new Set(reasons)].join('；') });
      continue;
    }
    const earlier = firstRowOfCode.get(parsed.data.code);
    if (earlier !== undefined) {
      rejected.push({ row: record.row, reason: `事项编码 ${parsed.data.code} 与第${earlier}行重复` });
      continue;
    }
    firstRowOfCode.set(parsed.data.code, record.row);
    candidates.push({ row: record.row, values: parsed.data });
  }
  return { rows, candidates, rejected };
}

function nothingImported(fileName: string, rejected: readonly Rejection[]) {
  const shown = rejected.slice(0, 5).map((r) => `第${r.row}行：${r.reason}`);
  const more = rejected.length > shown.length ? `等${rejected.length}行` : '';
  return validationError(`文件 ${fileName} 中没有可导入的事项，未导入任何内容${shown.length ? `：${shown.join('；')}${more}` : '（文件没有数据行）'}`, { rejected });
}

/** Imports a power-list file into an organization's list (admins of that organization or above). */
export async function importPowerItems(ctx: ServiceContext, actor: Actor, file: { fileName: string; data: Uint8Array }, raw: unknown): Promise<PowerListImport> {
  assertMay(actor, casePolicy.editPowerList);
  const { organizationId } = parseInput(powerListImportInput, raw);
  if (file.data.byteLength === 0) throw validationError(`文件 ${file.fileName} 是空文件`);
  if (file.data.byteLength > MAX_FILE_BYTES) throw validationError(`文件 ${file.fileName} 超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  await getOrganization(ctx, actor, organizationId);
  const table = await readTableFile(file.fileName, file.data);
  const columns = columnsOf(table.records[0]?.cells ?? []);
  if ('missing' in columns) {
    throw validationError(`文件 ${file.fileName} 的表头缺少以下列：${columns.missing.join('、')}（须有：${Object.values(powerListColumns).join('、')}）`, { rejected: [] });
  }
  const checked = checkRows(table.records.slice(1), columns.index, organizationId);
  return inTransaction(ctx, async (tx) => {
    const org = await getOrganization({ db: tx }, actor, organizationId);
    const codes = checked.candidates.map((c) => c.values.code);
    const taken = new Set(
      codes.length
        ? (await tx.select({ code: powerItems.code }).from(powerItems).where(and(eq(powerItems.organizationId, org.id), inArray(powerItems.code, codes)))).map((r) => r.code)
        : [],
    );
    const rejected = [...checked.rejected];
    for (const c of checked.candidates) if (taken.has(c.values.code)) rejected.push({ row: c.row, reason: `本单位权责清单已有编码为 ${c.values.code} 的事项` });
    rejected.sort((a, b) => a.row - b.row);
    const accepted = checked.candidates.filter((c) => !taken.has(c.values.code));
    if (accepted.length === 0) throw nothingImported(file.fileName, rejected);
    const inserted = await tx
      .insert(powerItems)
      .values(accepted.map((c) => c.values))
      .returning({ id: powerItems.id, code: powerItems.code });
    await appendAudit(
      tx,
      actor,
      {
        action: 'case.powerItem',
        subjectType: 'organization',
        subjectId: org.id,
        organizationId: org.id,
        change: { import: file.fileName, format: table.format, rows: checked.rows, imported: inserted, rejected },
      },
      ctx.clock(),
    );
    return { organizationId: org.id, fileName: file.fileName, rows: checked.rows, imported: inserted, rejected };
  });
}
