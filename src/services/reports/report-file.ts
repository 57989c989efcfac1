/**
 * The report as a file (docs/REPORTS.md): a published report is the .docx or PDF frozen at 公开, read from the file
 * store with its SM3 digest checked first; a report not yet published is rendered on request, its title marked
 * （草稿）, dated today.
 */
import type { Actor } from '../../domain/access.ts';
import { sm3 } from '../../domain/audit/digest.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { AppError } from '../../domain/errors.ts';
import type { ReportDraft } from '../../domain/reports/model.ts';
import { reportPolicy } from '../../domain/reports/policy.ts';
import { assertMay } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { convertDocxToPdf, findSoffice, PDF_UNAVAILABLE_MESSAGE } from '../documents/pdf.ts';
import { loadReport } from './reports.ts';
import { renderReportDocx, reportTitle } from './render-report.ts';

export interface ReportFile {
  fileName: string;
  mediaType: string;
  data: Buffer;
}

const mediaTypes = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

export async function reportFile(ctx: ServiceContext, actor: Actor, organizationId: number, year: number, format: 'docx' | 'pdf'): Promise<ReportFile> {
  assertMay(actor, reportPolicy.viewReport);
  const { org, row } = await loadReport(ctx.db, actor, organizationId, year);
  const draft = row.draft as ReportDraft;
  const published = row.publishedAt !== null;
  const fileName = `${reportTitle(org.name, year)}${published ? '' : '（草稿）'}.${format}`;
  if (published) {
    const digest = format === 'docx' ? row.docxDigest : row.pdfDigest;
    if (!digest) throw new AppError('NOT_FOUND', format === 'pdf' ? '该报告公开时本机未安装 LibreOffice，没有 PDF 文件' : '未找到报告文件');
    if (!ctx.files) throw new AppError('INTERNAL', '未配置文件存储');
    const data = await ctx.files.get(digest);
    if (sm3(data) !== digest) throw new AppError('INTERNAL', '报告文件与公开时的摘要不符，文件可能已被篡改');
    return { fileName, mediaType: mediaTypes[format], data };
  }
  const docx = await renderReportDocx(draft, { date: chinaDateOf(ctx.clock()) });
  if (format === 'docx') return { fileName, mediaType: mediaTypes.docx, data: docx };
  if (!findSoffice()) throw new AppError('INTERNAL', PDF_UNAVAILABLE_MESSAGE);
  const [pdf] = await convertDocxToPdf([docx]);
  return { fileName, mediaType: mediaTypes.pdf, data: pdf! };
}
