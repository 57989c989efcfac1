/**
 * The PDF of a published annual report (docs/REPORTS.md). Publication freezes the .docx — its bytes, digest, the
 * content digest and the signed appendix (附件：审计校验) — and renders no PDF: LibreOffice takes seconds, and
 * the step's transaction (and the demo's seeding) must not wait for it. The PDF is rendered from the frozen .docx on
 * its first download, stored once in the file store under its SM3 digest and recorded on the report's row
 * (`pdf_digest`, `pdf_size`); every later download reads that file, its digest checked first.
 *
 * The PDF carries the same signed appendix (its text holds the seal line `fazhi report verify` reads), so it verifies
 * whenever it is rendered. Concurrent first downloads in one process share one rendering; two app servers may both
 * render, and the first to record its digest wins (`… WHERE pdf_digest IS NULL`): the other answers with the
 * recorded file. The publication's audit record names the .docx's digest only (the PDF did not exist yet).
 */
import { and, eq, isNull } from 'drizzle-orm';
import { sm3 } from '../../domain/audit/digest.ts';
import { AppError } from '../../domain/errors.ts';
import type { Executor } from '../../db/connect.ts';
import { reportDrafts } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { convertDocxToPdf, findSoffice } from '../documents/pdf.ts';
import type { FileStore } from '../file-store.ts';

type ReportRow = typeof reportDrafts.$inferSelect;

/** Shown when a published report's PDF was never rendered and this machine cannot render it. */
export const REPORT_PDF_UNAVAILABLE = '本机未安装 LibreOffice，无法生成该报告的 PDF 文件；请下载 Word 文件（与 PDF 内容相同，含审计校验附件）';

/** Whether a PDF of the published report can be downloaded: rendered already, or renderable here. */
export function reportPdfAvailable(row: Pick<ReportRow, 'pdfDigest'>): boolean {
  return row.pdfDigest !== null || findSoffice() !== undefined;
}

/** Renderings in progress, per database and frozen .docx (the docx digest is unique to one publication). */
const rendering = new WeakMap<Executor, Map<string, Promise<Buffer>>>();

/** A stored file, its SM3 digest checked before it is served. */
export async function storedReportFile(files: FileStore, digest: string): Promise<Buffer> {
  const data = await files.get(digest);
  if (sm3(data) !== digest) throw new AppError('INTERNAL', '报告文件与公开时的摘要不符，文件可能已被篡改');
  return data;
}

/** The published report's PDF: the stored one, or rendered now from the frozen .docx (once) and stored. */
export async function publishedReportPdf(ctx: ServiceContext, row: Pick<ReportRow, 'id' | 'docxDigest' | 'pdfDigest'>): Promise<Buffer> {
  const files = ctx.files;
  if (!files) throw new AppError('INTERNAL', '未配置文件存储');
  if (row.pdfDigest) return storedReportFile(files, row.pdfDigest);
  const docxDigest = row.docxDigest;
  if (!docxDigest) throw new AppError('NOT_FOUND', '未找到报告文件');
  if (!findSoffice()) throw new AppError('NOT_FOUND', REPORT_PDF_UNAVAILABLE);
  let inProgress = rendering.get(ctx.db);
  if (!inProgress) rendering.set(ctx.db, (inProgress = new Map()));
  const pending = inProgress.get(docxDigest);
  if (pending) return pending;
  const work = renderAndRecord(ctx.db, files, row.id, docxDigest).finally(() => inProgress.delete(docxDigest));
  inProgress.set(docxDigest, work);
  return work;
}

async function renderAndRecord(db: Executor, files: FileStore, reportId: number, docxDigest: string): Promise<Buffer> {
  const docx = await storedReportFile(files, docxDigest);
  const [pdf] = await convertDocxToPdf([docx]);
  const stored = await files.put(pdf!);
  const recorded = await db
    .update(reportDrafts)
    .set({ pdfDigest: stored.digest, pdfSize: stored.size })
    .where(and(eq(reportDrafts.id, reportId), eq(reportDrafts.docxDigest, docxDigest), isNull(reportDrafts.pdfDigest)))
    .returning({ id: reportDrafts.id });
  if (recorded.length > 0) return pdf!;
  // Another server recorded its rendering first: serve that one, so every download is the recorded file.
  const [row] = await db.select({ pdfDigest: reportDrafts.pdfDigest }).from(reportDrafts).where(eq(reportDrafts.id, reportId));
  if (!row?.pdfDigest) throw new AppError('NOT_FOUND', '未找到报告文件');
  return storedReportFile(files, row.pdfDigest);
}
