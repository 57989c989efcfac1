/**
 * Published annual reports on the portal (docs/REPORTS.md): every unit's published report, newest year first, with
 * the digests and signature of its appendix, and its frozen files (the digest checked before sending). No login;
 * nothing but what the report itself publishes.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { sm3 } from '../../domain/audit/digest.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { PublicReport, SignedReportSeal } from '../../domain/reports/views.ts';
import { organizations, reportDrafts } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { reportTitle } from './render-report.ts';

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
  const digest = format === 'docx' ? found.row.docxDigest : found.row.pdfDigest;
  if (!digest) throw notFound('该报告的 PDF 文件');
  if (!ctx.files) throw new AppError('INTERNAL', '未配置文件存储');
  const data = await ctx.files.get(digest);
  if (sm3(data) !== digest) throw new AppError('INTERNAL', '报告文件与公开时的摘要不符，文件可能已被篡改');
  const mediaType = format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf';
  return { fileName: `${reportTitle(found.name, found.row.year)}.${format}`, mediaType, data };
}
