/**
 * Imports a discretion benchmark (裁量基准) or an exemption list (免罚清单) file as a new DRAFT version, in one
 * transaction: version, items, every source row (with its rejection reason) and the audit record. Every rejected
 * row is reported with its row number and reason — never a silent drop; a file that cannot be read, or has no
 * usable row, imports nothing. The draft is neither published nor applied until a head confirms it with its
 * effective date (version-steps.ts); the report shows what it changes against the version in force.
 */
import { z } from 'zod';
import { idParam } from '../../domain/ids.ts';
import { type Actor, isSystem } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { discretionPolicy } from '../../domain/discretion/policy.ts';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import type { ImportRejection, TableRecord } from '../../domain/discretion/index.ts';
import { parseBenchmarkRecords, parseExemptionRecords, parseSourceVersion } from '../../domain/discretion/index.ts';
import type { ImportReport } from '../../domain/discretion/views.ts';
import { validationError } from '../../domain/errors.ts';
import { benchmarkItems, benchmarkSourceRows, benchmarkVersions, exemptionItems } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { todayOf } from '../cases/case-store.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { readTableFile } from './files.ts';
import { matchKeyOf, type VersionKind, versionKindKeys, versionKinds } from './store.ts';
import { draftDiff } from './version-steps.ts';

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().min(2, '至少 2 个字').max(max, `不超过 ${max} 个字`).optional());

export const importOptionsInput = z.object({
  kind: z.enum(versionKindKeys, { message: '类型应为 benchmark（裁量基准）或 exemption（免罚清单）' }).default('benchmark'),
  /** Version name; by default the document named in the file's source column. */
  name: optionalText(100),
  issuer: optionalText(100),
  documentNumber: optionalText(60),
  /** Proposed first day the version applies (the head chooses on confirmation); by default the source's 施行 date (single source) or the import date. */
  effectiveFrom: z
    .preprocess((v) => (v === '' ? undefined : v), z.string().refine(isIsoDate, '施行日期格式应为 YYYY-MM-DD 且为真实日期').optional()),
  /** The organization whose subtree it applies to; by default the importer's own (global when the system imports). */
  organizationId: z.preprocess((v) => (v === '' ? undefined : v), idParam('单位编号').optional()),
});
export type ImportOptions = z.input<typeof importOptionsInput>;
export type { ImportReport } from '../../domain/discretion/views.ts';


const MAX_FILE_BYTES = 20 * 1024 * 1024;
const PREVIEW_ITEMS = 20;
const BATCH = 200;

interface ParsedFile {
  header: string[];
  rows: number;
  imported: number;
  rejected: ImportRejection[];
  items: { itemKey: string; code: string; sourceName: string; values: Record<string, unknown>; preview: ImportReport['preview'][number] }[];
}

function parseFile(kind: VersionKind, records: TableRecord[]): ParsedFile {
  const header = records[0]?.cells ?? [];
  if (kind === 'benchmark') {
    const result = parseBenchmarkRecords(records);
    return {
      header,
      rows: result.stats.rows,
      imported: result.stats.rules,
      rejected: result.rejected,
      items: result.items.map((item) => ({
        itemKey: item.id,
        code: item.code,
        sourceName: item.source.name,
        preview: { code: item.code, name: item.name, category: item.category, tierCount: item.tiers.length },
        values: {
          code: item.code,
          name: item.name,
          matchKey: matchKeyOf(item.name),
          category: item.category,
          penaltyProvision: item.penaltyProvision,
          statutoryRange: item.statutoryRange.text,
          partyKind: item.partyKind,
          tierCount: item.tiers.length,
          item,
        },
      })),
    };
  }
  const result = parseExemptionRecords(records);
  return {
    header,
    rows: result.stats.rows,
    imported: result.stats.items,
    rejected: result.rejected,
    items: result.items.map((item) => ({
      itemKey: item.id,
      code: item.code,
      sourceName: item.source.name,
      preview: { code: item.code, name: item.matter, category: item.typeText, tierCount: 1 },
      values: { code: item.code, matter: item.matter, type: item.type, item } })),
  };
}

/** Name, issuer and 施行 date the file itself gives: its one source, or the main one of several. */
function sourceDefaults(parsed: ParsedFile): { name: string; issuer?: string; documentNumber?: string; effectiveFrom?: string } {
  const counts = new Map<string, number>();
  for (const item of parsed.items) counts.set(item.sourceName, (counts.get(item.sourceName) ?? 0) + 1);
  const [main] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const version = parseSourceVersion({ name: main![0], url: '' });
  if (counts.size === 1) {
    return {
      name: version.name,
      ...(version.issuer ? { issuer: version.issuer } : {}),
      ...(version.documentNumber ? { documentNumber: version.documentNumber } : {}),
      ...(version.effectiveFrom ? { effectiveFrom: version.effectiveFrom } : {}),
    };
  }
  return { name: `${version.name}等${counts.size}个来源` };
}

/**
 * Imports `data` (CSV or XLSX in the layout of the published files) as a new version. Admins import for their
 * organization or one below it; the system (CLI) may import a global version. Throws VALIDATION, with every
 * rejected row in `details.rejected`, when nothing can be imported.
 */
export async function importBenchmarks(ctx: ServiceContext, actor: Actor, file: { fileName: string; data: Uint8Array }, raw: ImportOptions = {}): Promise<ImportReport> {
  assertMay(actor, discretionPolicy.importBenchmarks);
  const options = parseInput(importOptionsInput, raw);
  const label = versionKinds[options.kind];
  if (file.data.byteLength === 0) throw validationError(`文件 ${file.fileName} 是空文件`);
  if (file.data.byteLength > MAX_FILE_BYTES) throw validationError(`文件 ${file.fileName} 超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const table = await readTableFile(file.fileName, file.data);
  const parsed = parseFile(options.kind, table.records);
  if (parsed.items.length === 0) {
    const shown = parsed.rejected.slice(0, 5).map((r) => `第${r.row}行：${r.reason}`);
    throw validationError(
      `文件 ${file.fileName} 中没有可导入的${label}条目，未导入任何内容${shown.length ? `：${shown.join('；')}${parsed.rejected.length > shown.length ? `等${parsed.rejected.length}行` : ''}` : '（文件没有数据行）'}`,
      { rejected: parsed.rejected },
    );
  }
  const defaults = sourceDefaults(parsed);
  const now = ctx.clock();
  const today = todayOf(ctx.clock);
  const name = options.name ?? defaults.name;
  const effectiveFrom = options.effectiveFrom ?? defaults.effectiveFrom ?? today;
  const rejectionByRow = new Map(parsed.rejected.map((r) => [r.row, r.reason]));

  return inTransaction(ctx, async (tx) => {
    let organizationId: number | null;
    if (options.organizationId !== undefined) organizationId = (await getOrganization({ db: tx }, actor, options.organizationId)).id;
    else organizationId = isSystem(actor) ? null : actor.organizationId;
    const [version] = await tx
      .insert(benchmarkVersions)
      .values({
        kind: options.kind,
        organizationId,
        name,
        issuer: options.issuer ?? defaults.issuer ?? null,
        documentNumber: options.documentNumber ?? defaults.documentNumber ?? null,
        effectiveFrom,
        // A draft: not published, so never applied (《行政处罚法》第三十四条), until a head confirms it.
        status: 'draft',
        publishedOn: null,
        fileName: file.fileName,
        format: table.format,
        commentLines: table.commentLines,
        header: parsed.header,
        rowCount: parsed.rows,
        ruleCount: parsed.imported,
        itemCount: parsed.items.length,
        rejectedCount: parsed.rejected.length,
        importedBy: isSystem(actor) ? null : actor.userId,
        importedAt: now,
      })
      .returning();
    const versionId = version!.id;
    for (let i = 0; i < parsed.items.length; i += BATCH) {
      const batch = parsed.items.slice(i, i + BATCH).map((item, j) => ({ versionId, itemKey: item.itemKey, position: i + j, ...item.values }));
      if (options.kind === 'benchmark') await tx.insert(benchmarkItems).values(batch as (typeof benchmarkItems.$inferInsert)[]);
      else await tx.insert(exemptionItems).values(batch as (typeof exemptionItems.$inferInsert)[]);
    }
    const sourceRows = table.records.slice(1).map((r) => ({ versionId, row: r.row, cells: r.cells, rejection: rejectionByRow.get(r.row) ?? null }));
    for (let i = 0; i < sourceRows.length; i += BATCH) await tx.insert(benchmarkSourceRows).values(sourceRows.slice(i, i + BATCH));
    await appendAudit(
      tx,
      actor,
      {
        action: options.kind === 'benchmark' ? 'benchmark.import' : 'exemptionList.import',
        subjectType: 'benchmarkVersion',
        subjectId: versionId,
        organizationId,
        change: {
          kind: options.kind,
          name,
          fileName: file.fileName,
          format: table.format,
          effectiveFrom,
          draft: true,
          rows: parsed.rows,
          imported: parsed.imported,
          items: parsed.items.length,
          rejected: parsed.rejected,
        },
      },
      now,
    );
    const diff = await draftDiff(tx, { id: versionId, kind: options.kind, organizationId }, today);
    return {
      versionId,
      kind: options.kind,
      status: 'draft' as const,
      name,
      organizationId,
      effectiveFrom,
      format: table.format,
      rows: parsed.rows,
      imported: parsed.imported,
      items: parsed.items.length,
      rejected: parsed.rejected,
      preview: parsed.items.slice(0, PREVIEW_ITEMS).map((i) => i.preview),
      diff,
    };
  });
}
