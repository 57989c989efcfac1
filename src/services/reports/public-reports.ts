/**
 * Published annual reports on the portal (docs/REPORTS.md): every unit's published report, newest year first, with
 * the digests and signature of its appendix, and its frozen files (the digest checked before sending; the PDF rendered
 * from the frozen .docx on its first download). No login;
 * nothing but what the report itself publishes.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { AppError, notFound } from '../../domain/errors.ts';
import type { PublicReport, SignedReportSeal } from '../../domain/reports/views.ts';
import { organizations, reportDrafts } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { reportTitle } from './render-report.ts';
import { publishedReportPdf, reportPdfAvailable, storedReportFile } from './report-pdf.ts';

export async function listPublishedReports(ctx: ServiceContext, year?: number): Promise<{ items: PublicReport[] }> {
  const rows = await ctx.db
    .select({ row: reportDrafts, name: organizations.name })
    .from(reportDrafts)
    .innerJoin(organizations, eq(organizations.id, reportDrafts.organizationId))
    .where(and(isNotNull(reportDrafts.publishedAt), year === undefined ? undefined : eq(reportDrafts.year, year)))
    .orderBy(desc(reportDrafts.year), organizations.path)
    .limit(1000);
  return {
    items: rows.map(({ row, name }) => {
      const seal = row.seal as SignedReportSeal;
      return {
        id: row.id,
        organizationName: name,
        year: row.year,
        publishedAt: row.publishedAt!,
        late: row.late,
        contentDigest: row.contentDigest!,
        docxDigest: row.docxDigest!,
        pdfDigest: row.pdfDigest,
        pdfAvailable: reportPdfAvailable(row),
        checkpointDigest: seal.checkpoint.digest,
        signature: seal.signature,
      };
    }),
  };
}

/** A published report's frozen .docx or PDF; a report not published is not found. */
export async function publicReportFile(ctx: ServiceContext, id: number, format: 'docx' | 'pdf'): Promise<{ fileName: string; mediaType: string; data: Buffer }> {
  const [found] = await ctx.db
    .select({ row: reportDrafts, name: organizations.name })
    .from(reportDrafts)
    .innerJoin(organizations, eq(organizations.id, reportDrafts.organizationId))
    .where(and(eq(reportDrafts.id, id), isNotNull(reportDrafts.publishedAt)));
  if (!found) throw notFound('该公开的报告');
  if (!ctx.files) throw new AppError('INTERNAL', '未配置文件存储');
  if (format === 'docx' && !found.row.docxDigest) throw notFound('该报告的 Word 文件');
  // The PDF is rendered from the frozen .docx on its first download (./report-pdf.ts).
  const data = format === 'docx' ? await storedReportFile(ctx.files, found.row.docxDigest!) : await publishedReportPdf(ctx, found.row);
  const mediaType = format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf';
  return { fileName: `${reportTitle(found.name, found.row.year)}.${format}`, mediaType, data };
}
