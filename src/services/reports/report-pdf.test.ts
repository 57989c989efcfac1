/**
 * A published report's PDF (./report-pdf.ts): publication freezes the .docx and renders no PDF (LibreOffice is not in
 * the step's transaction); the first download renders it from the frozen .docx, records it and stores it once —
 * concurrent first downloads share one rendering —, later downloads read the stored file, and the PDF verifies
 * (`fazhi report verify`). Without LibreOffice a PDF never rendered is refused in Chinese and nothing changes.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3 } from '../../domain/audit/digest.ts';
import { refusal } from '../../domain/test-support.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { auditRecords, reportDrafts } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { findSoffice, pdfConversionCount, readPdf } from '../documents/pdf.ts';
import { memoryFileStore } from '../file-store.ts';
import { newWorld, type World, type WorldUser } from '../testing/factories.ts';
import { memoryReportKeys } from './key-store.ts';
import { publicReportFile } from './public-reports.ts';
import { readSealLine } from './render-report.ts';
import { reportFile } from './report-file.ts';
import { REPORT_PDF_UNAVAILABLE } from './report-pdf.ts';
import { createDraft, getDraft } from './reports.ts';
import { transitionReport } from './transition-report.ts';
import { verifyReportPdf } from './verify-report.ts';

let handle: DatabaseHandle;
let w: World;
let now = new Date('2026-03-10T02:00:00Z');
let ctx: ServiceContext;
let files: ReturnType<typeof memoryFileStore>;
const hasSoffice = findSoffice() !== undefined;

async function publish(unit: number, head: WorldUser, reviewer: WorldUser, year: number) {
  let r = await createDraft(ctx, w.actors[head], unit, year);
  for (const [who, action] of [
    [head, 'submitForReview'],
    [reviewer, 'passReview'],
    [head, 'approve'],
  ] as const) {
    r = await transitionReport(ctx, w.actors[who], unit, year, { action, expectedVersion: r.version });
  }
  now = new Date('2026-03-20T02:00:00Z');
  const conversions = pdfConversionCount();
  r = await transitionReport(ctx, w.actors[head], unit, year, { action: 'publish', expectedVersion: r.version });
  return { report: r, conversions: pdfConversionCount() - conversions };
}

const rowOf = async (id: number) => (await handle.db.select().from(reportDrafts).where(eq(reportDrafts.id, id)))[0]!;

beforeAll(async () => {
  handle = await createTestDatabase();
  files = memoryFileStore();
  ctx = { db: handle.db, clock: () => now, files, reportKeys: memoryReportKeys() };
  w = await newWorld(ctx);
});
afterAll(async () => handle.close());

describe('the PDF of a published report', () => {
  it('publication freezes the .docx and renders no PDF: none stored, none in the audit record', async () => {
    const { report, conversions } = await publish(w.org.district.id, 'head.donghu', 'reviewer.donghu', 2025);
    expect(report.state).toBe('published');
    expect(conversions).toBe(0);
    expect(report.published).toMatchObject({ pdfDigest: null, pdfAvailable: hasSoffice });
    const row = await rowOf(report.id);
    expect(row).toMatchObject({ pdfDigest: null, pdfSize: null });
    expect(files.entries().map(([digest]) => digest)).toEqual([row.docxDigest]);
    const [record] = await handle.db
      .select()
      .from(auditRecords)
      .where(and(eq(auditRecords.chain, `report:${String(report.id)}`), eq(auditRecords.action, 'report.transition')))
      .orderBy(auditRecords.seq)
      .then((rows) => rows.filter((r) => (r.change as { action?: string }).action === 'publish'));
    expect(record!.change).toMatchObject({ docxDigest: row.docxDigest });
    expect(record!.change).not.toHaveProperty('pdfDigest');
  }, 120_000);

  it.skipIf(!hasSoffice)('the first downloads render it once from the frozen .docx, store and record it; later ones read the stored file; it verifies', async () => {
    const unit = w.org.district.id;
    const viewer = w.actors['head.donghu'];
    const { id } = await getDraft(ctx, viewer, unit, 2025);
    const before = pdfConversionCount();
    const [a, b, c] = await Promise.all([reportFile(ctx, viewer, unit, 2025, 'pdf'), reportFile(ctx, viewer, unit, 2025, 'pdf'), publicReportFile(ctx, id, 'pdf')]);
    expect(pdfConversionCount() - before).toBe(1);
    expect(b.data.equals(a.data) && c.data.equals(a.data)).toBe(true);
    expect(a).toMatchObject({ mediaType: 'application/pdf', fileName: '云城市东湖区城市管理和综合行政执法局关于2025年度法治政府建设情况的报告.pdf' });
    const row = await rowOf(id);
    expect(row).toMatchObject({ pdfDigest: sm3(a.data), pdfSize: a.data.length });
    expect((await files.get(row.pdfDigest!)).equals(a.data)).toBe(true);
    expect((await getDraft(ctx, viewer, unit, 2025)).published).toMatchObject({ pdfDigest: row.pdfDigest, pdfAvailable: true });

    const again = await publicReportFile(ctx, id, 'pdf');
    expect(pdfConversionCount() - before).toBe(1);
    expect(again.data.equals(a.data)).toBe(true);
    // The PDF carries the signed appendix of the publication and verifies against the database.
    expect(readSealLine((await readPdf(a.data)).pageTexts.join('\n'))).toEqual(row.seal);
    const verified = await verifyReportPdf(handle.db, a.data);
    expect(verified.reason).toBeNull();
    // A stored PDF changed afterwards is refused, not served.
    files.tamper(row.pdfDigest!, Buffer.from('%PDF-1.7 changed'));
    expect((await refusal(publicReportFile(ctx, id, 'pdf'))).message).toContain('摘要不符');
  }, 120_000);

  it('without LibreOffice a PDF never rendered is refused in Chinese, and nothing changes', async () => {
    const unit = w.org.district.id;
    const { report } = await publish(unit, 'head.donghu', 'reviewer.donghu', 2024);
    const saved = process.env.FAZHI_SOFFICE;
    process.env.FAZHI_SOFFICE = '';
    try {
      expect((await getDraft(ctx, w.actors['head.donghu'], unit, 2024)).published).toMatchObject({ pdfDigest: null, pdfAvailable: false });
      const e = await refusal(publicReportFile(ctx, report.id, 'pdf'));
      expect(e).toMatchObject({ code: 'NOT_FOUND', message: REPORT_PDF_UNAVAILABLE });
      expect(await rowOf(report.id)).toMatchObject({ pdfDigest: null, pdfSize: null });
      // The Word file is there all the same.
      const docx = await publicReportFile(ctx, report.id, 'docx');
      expect(sm3(docx.data)).toBe((await rowOf(report.id)).docxDigest);
    } finally {
      if (saved === undefined) delete process.env.FAZHI_SOFFICE;
      else process.env.FAZHI_SOFFICE = saved;
    }
  }, 120_000);
});
