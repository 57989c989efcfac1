/**
 * The report as a file (docs/REPORTS.md): a published report is the .docx frozen at 公开, or the PDF rendered from it
 * on its first download (./report-pdf.ts), read from the file store with its SM3 digest checked first; a report not
 * yet published is rendered on request, its title marked （草稿）, dated today.
 */
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { AppError } from '../../domain/errors.ts';
import type { ReportDraft } from '../../domain/reports/model.ts';
import { reportPolicy } from '../../domain/reports/policy.ts';
import { assertMay } from '../../domain/policy.ts';
import type { ServiceContext } from '../context.ts';
import { convertDocxToPdf, findSoffice, PDF_UNAVAILABLE_MESSAGE } from '../documents/pdf.ts';
import { and, eq } from 'drizzle-orm';
import { composeDraft } from '../../domain/reports/draft.ts';
import { reportDrafts } from '../../db/schema.ts';
import type { Organization } from '../organizations.ts';
import { shortcomingFacts, unitDraftFigures } from './compose-draft.ts';
import { publishedReportPdf, storedReportFile } from './report-pdf.ts';
import { loadReport, type ReportRow } from './reports.ts';
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
  return fileOf(ctx, org, row, format);
}

/**
 * `fazhi report render` (no actor: the CLI runs as the operator of the installation): the unit's report of `year` —
 * published, the frozen file; a draft, rendered and marked 草稿; none yet, a draft composed from the records now (not
 * stored), marked 草稿.
 */
export async function renderUnitReport(ctx: ServiceContext, org: Organization, year: number, format: 'docx' | 'pdf'): Promise<ReportFile & { state: string }> {
  const [row] = await ctx.db
    .select()
    .from(reportDrafts)
    .where(and(eq(reportDrafts.organizationId, org.id), eq(reportDrafts.year, year)));
  if (row) return { ...(await fileOf(ctx, org, row, format)), state: row.publishedAt ? 'published' : 'draft' };
  const unit = { id: org.id, name: org.name, path: org.path };
  const draft = composeDraft({ unitName: org.name, figures: await unitDraftFigures(ctx, unit, year), facts: await shortcomingFacts(ctx.db, ctx, unit, year) });
  return { ...(await draftFile(ctx, org.name, draft, format)), state: 'composed' };
}

async function draftFile(ctx: ServiceContext, unitName: string, draft: ReportDraft, format: 'docx' | 'pdf'): Promise<ReportFile> {
  const fileName = `${reportTitle(unitName, draft.year)}（草稿）.${format}`;
  const docx = await renderReportDocx(draft, { date: chinaDateOf(ctx.clock()) });
  if (format === 'docx') return { fileName, mediaType: mediaTypes.docx, data: docx };
  if (!findSoffice()) throw new AppError('INTERNAL', PDF_UNAVAILABLE_MESSAGE);
  const [pdf] = await convertDocxToPdf([docx]);
  return { fileName, mediaType: mediaTypes.pdf, data: pdf! };
}

async function fileOf(ctx: ServiceContext, org: Pick<Organization, 'name'>, row: ReportRow, format: 'docx' | 'pdf'): Promise<ReportFile> {
  const draft = row.draft as ReportDraft;
  if (!row.publishedAt) return draftFile(ctx, org.name, draft, format);
  const fileName = `${reportTitle(org.name, row.year)}.${format}`;
  if (format === 'pdf') return { fileName, mediaType: mediaTypes.pdf, data: await publishedReportPdf(ctx, row) };
  if (!row.docxDigest) throw new AppError('NOT_FOUND', '未找到报告文件');
  if (!ctx.files) throw new AppError('INTERNAL', '未配置文件存储');
  return { fileName, mediaType: mediaTypes.docx, data: await storedReportFile(ctx.files, row.docxDigest) };
}
