/**
 * Uploaded annual reports (issue #19 item 5; docs/REPORTS.md "汇总与晾晒"): a unit that does not write its
 * 法治政府建设年度报告 in Fazhi sends it as a .docx, .pdf or .txt file; the supervisor (for a unit of their subtree) or
 * the unit's own head or legal section uploads it for a year. The file is read and analyzed on arrival (the analyzer,
 * src/domain/analyzer/) — an unreadable file, or a report of another year, is refused and nothing is stored — then
 * stored once under its SM3 digest (the file store, like evidence) with the analyzer's result. One row per unit and
 * year: a re-upload replaces it, and the upload's audit chain (`reportUpload:<id>`) keeps every version with what it
 * replaced. The roll-up reads the figures found, flagged “extracted”, and the upload counts as the unit's published
 * report on its publication day (report-rollup.ts).
 */
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { analyzeReportText } from '../../domain/analyzer/analyze.ts';
import { chinaDateOf, yearOf } from '../../domain/calendar/iso-date.ts';
import { normalizeFileName } from '../../domain/cases/evidence-files.ts';
import { AppError, notFound, validationError } from '../../domain/errors.ts';
import { assertMay } from '../../domain/policy.ts';
import type { ReportStateFact } from '../../domain/rollup/model.ts';
import { reportDueOn } from '../../domain/rollup/model.ts';
import { rollupPolicy } from '../../domain/rollup/policy.ts';
import { type ReportUploadView, reportUploadFields, type StoredAnalysis, storedAnalysis } from '../../domain/rollup/views.ts';
import type { Executor } from '../../db/connect.ts';
import { organizations, reportUploads, users } from '../../db/schema.ts';
import { extractReportText } from '../analyze-reports.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { storeWithRecord } from '../file-store.ts';
import { getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';

/** The largest report file accepted (a long report with pictures as .docx or .pdf stays well below). */
export const MAX_REPORT_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The kinds of file a report may come as, by extension. */
export const reportUploadTypes: Record<string, string> = {
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

function reportFileKind(rawName: string): { fileName: string; mediaType: string } {
  const fileName = normalizeFileName(rawName, '');
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const mediaType = reportUploadTypes[extension];
  if (!fileName || !mediaType) throw validationError(`年度报告请上传 .docx、.pdf 或 .txt 文件${extension ? `（不接受 .${extension}）` : ''}`, { field: 'file' });
  return { fileName, mediaType };
}

type UploadRow = typeof reportUploads.$inferSelect;

function viewOf(row: UploadRow, organizationName: string, uploadedBy: string): ReportUploadView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName,
    year: row.year,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    digest: row.digest,
    publishedOn: row.publishedOn,
    uploadedBy,
    uploadedAt: row.uploadedAt,
    version: row.version,
    analysis: storedAnalysis.parse(row.analysis),
  };
}

async function uploadsWhere(db: Executor, where: ReturnType<typeof and>): Promise<ReportUploadView[]> {
  const rows = await db
    .select({ upload: reportUploads, organizationName: organizations.name, uploadedBy: users.displayName })
    .from(reportUploads)
    .innerJoin(organizations, eq(organizations.id, reportUploads.organizationId))
    .innerJoin(users, eq(users.id, reportUploads.uploadedBy))
    .where(where)
    .orderBy(asc(organizations.path), asc(reportUploads.year));
  return rows.map((r) => viewOf(r.upload, r.organizationName, r.uploadedBy));
}

/** The uploaded reports of `year` of the units `organizationIds` (no actor: the roll-up authorizes). */
export async function uploadsOf(db: Executor, organizationIds: readonly number[], year: number): Promise<ReportUploadView[]> {
  if (!organizationIds.length) return [];
  return uploadsWhere(db, and(eq(reportUploads.year, year), inArray(reportUploads.organizationId, [...organizationIds])));
}

/**
 * `POST /api/organizations/:id/report-uploads` (multipart: `file`, `year`, optional `publishedOn`): uploads or
 * replaces the unit's report of the year; answers the stored upload with the analyzer's result.
 */
export async function uploadReport(
  ctx: ServiceContext,
  actor: Actor,
  organizationId: number,
  file: { fileName: string; data: Uint8Array },
  fields: Record<string, string>,
): Promise<ReportUploadView> {
  assertMay(actor, rollupPolicy.uploadReport);
  const unit = await getOrganization(ctx, actor, organizationId);
  const input = parseInput(reportUploadFields, { year: fields.year, ...(fields.publishedOn ? { publishedOn: fields.publishedOn } : {}) });
  const today = chinaDateOf(ctx.clock());
  if (input.year >= yearOf(today)) throw validationError(`${String(input.year)}年度尚未结束，不能上传该年度的年度报告`);
  if (input.publishedOn !== undefined && input.publishedOn > today) throw validationError('公开日期不能晚于今天');
  if (input.publishedOn !== undefined && yearOf(input.publishedOn) <= input.year) throw validationError(`${String(input.year)}年度报告的公开日期应在${String(input.year + 1)}年`);
  const { fileName, mediaType } = reportFileKind(file.fileName);
  if (file.data.byteLength > MAX_REPORT_UPLOAD_BYTES) throw new AppError('TOO_LARGE', `年度报告文件不超过 ${String(MAX_REPORT_UPLOAD_BYTES / 1024 / 1024)} MB`);
  const files = ctx.files;
  if (!files) throw new AppError('INTERNAL', '未配置文件存储');
  // Read and analyzed before anything is stored: an unreadable file is refused with the reader's message.
  const text = await extractReportText(fileName, file.data);
  const { file: _file, ...analysis } = analyzeReportText(text, fileName);
  if (analysis.year !== null && analysis.year !== input.year) {
    throw validationError(`该报告是${String(analysis.year)}年度的报告，与所选年度（${String(input.year)}年）不符`, { field: 'year' });
  }
  const stored: StoredAnalysis = storedAnalysis.parse(analysis);
  const now = ctx.clock();
  const id = await storeWithRecord(files, file.data, (saved) =>
    inTransaction(ctx, async (tx) => {
      const [before] = await tx
        .select()
        .from(reportUploads)
        .where(and(eq(reportUploads.organizationId, unit.id), eq(reportUploads.year, input.year)))
        .for('update');
      const publishedOn = input.publishedOn ?? before?.publishedOn ?? today;
      const values = { fileName, mediaType, size: saved.size, digest: saved.digest, analysis: stored, publishedOn, uploadedBy: actor.userId, uploadedAt: now };
      const [row] = before
        ? await tx
            .update(reportUploads)
            .set({ ...values, version: before.version + 1 })
            .where(eq(reportUploads.id, before.id))
            .returning({ id: reportUploads.id })
        : await tx
            .insert(reportUploads)
            .values({ organizationId: unit.id, year: input.year, ...values })
            .returning({ id: reportUploads.id });
      await appendAudit(
        tx,
        actor,
        {
          action: 'reportUpload.upload',
          subjectType: 'reportUpload',
          subjectId: row!.id,
          organizationId: unit.id,
          change: {
            organizationId: unit.id,
            year: input.year,
            fileName,
            mediaType,
            digest: saved.digest,
            size: saved.size,
            publishedOn,
            figures: stored.indicators.length,
            missingSections: stored.missingSections,
            replaces: before ? { version: before.version, fileName: before.fileName, digest: before.digest, publishedOn: before.publishedOn } : null,
          },
        },
        now,
      );
      return row!.id;
    }),
  );
  return (await uploadsWhere(ctx.db, and(eq(reportUploads.id, id))))[0]!;
}

/** `GET /api/organizations/:id/report-uploads?year=`: the uploaded reports of the unit and the units below it. */
export async function listReportUploads(ctx: ServiceContext, actor: Actor, organizationId: number, year?: number): Promise<ReportUploadView[]> {
  assertMay(actor, rollupPolicy.viewUploads);
  const unit = await getOrganization(ctx, actor, organizationId);
  return uploadsWhere(ctx.db, and(like(organizations.path, `${unit.path}%`), year === undefined ? undefined : eq(reportUploads.year, year)));
}

/** `GET /api/organizations/:id/report-uploads/:uploadId/file`: the file, refused if it no longer matches its digest. */
export async function readReportUploadFile(
  ctx: ServiceContext,
  actor: Actor,
  organizationId: number,
  uploadId: number,
): Promise<{ data: Buffer; fileName: string; mediaType: string }> {
  assertMay(actor, rollupPolicy.viewUploads);
  const unit = await getOrganization(ctx, actor, organizationId);
  const [row] = await ctx.db
    .select()
    .from(reportUploads)
    .where(and(eq(reportUploads.id, uploadId), eq(reportUploads.organizationId, unit.id)));
  if (!row) throw notFound('该年度报告');
  if (!ctx.files) throw new AppError('INTERNAL', '未配置文件存储');
  if (!(await ctx.files.verify(row.digest))) throw new AppError('INTERNAL', `年度报告文件“${row.fileName}”与登记的摘要不一致，可能已被篡改`);
  return { data: await ctx.files.get(row.digest), fileName: row.fileName, mediaType: row.mediaType };
}

/**
 * The report states uploads give (a `ReportStateSource`, report-rollup.ts): an uploaded report is the unit's
 * published report, published on its `publishedOn` (China time, start of day).
 */
export async function uploadedReportStates(ctx: { db: Executor }, organizationIds: readonly number[], year: number): Promise<ReportStateFact[]> {
  const rows = await uploadsOf(ctx.db, organizationIds, year);
  return rows.map((u) => ({ organizationId: u.organizationId, state: 'uploaded', publishedAt: new Date(`${u.publishedOn}T00:00:00+08:00`), dueOn: reportDueOn(year) }));
}
