// Benchmark of the enforcement documents of the archived demo case (违法建设, every document, the ~32-page case
// file), end to end as a request makes them (case loaded, .docx rendered, PDF converted): the 行政处罚决定书 and the
// bound 案卷, each
//   - one-shot: a `soffice --convert-to` run per request, no cache (what conversions were before the warm
//     LibreOffice; the baseline, = 1),
//   - warm: the warm LibreOffice already running, no cache (its first request, which starts it, shown apart),
//   - cached: unchanged documents again (the conversion cache), and the 案卷封面 alone once the volume is cached.
// The .docx of a content is made once per process (render.ts), by the first request (the one-shot decision and case
// file); the rows after it convert only. Timings vary with the machine's load: compare the ratios within one run. Called by bench/run.ts; returns one line.
import { systemActor } from '../src/domain/access.ts';
import { cases } from '../src/db/schema.ts';
import { createTestDatabase } from '../src/db/testing.ts';
import { DEMO_TODAY } from '../src/demo/cases.ts';
import { seedDemo } from '../src/demo/index.ts';
import { memoryFileStore } from '../src/services/file-store.ts';
import { findPdfUnite, findSoffice, pdfConversionCount, stopPdfConverter } from '../src/services/documents/pdf.ts';
import { memoryPdfCache, setPdfCache, type PdfCache } from '../src/services/documents/pdf-cache.ts';
import { renderDocumentForCase } from '../src/services/documents/render-for-case.ts';

const ARCHIVED = '涉嫌未取得建设工程规划许可证擅自建设案';
const noCache: PdfCache = { get: () => Promise.resolve(undefined), put: () => Promise.resolve() };

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function best(runs: number, work: () => Promise<unknown>): Promise<number> {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) ms = Math.min(ms, await timed(work));
  return ms;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (ms: number, baseline: number) => `${s(ms)} (${(ms / baseline).toFixed(3)})`;

export async function benchDocuments(): Promise<string> {
  const handle = await createTestDatabase();
  const savedWarm = process.env.FAZHI_SOFFICE_WARM;
  try {
    const ctx = { db: handle.db, clock: () => new Date(`${DEMO_TODAY}T01:00:00Z`), files: memoryFileStore() };
    await seedDemo(ctx);
    const [row] = (await ctx.db.select({ code: cases.actCode, title: cases.title }).from(cases)).filter((r) => r.title === ARCHIVED);
    if (!row) throw new Error('archived demo case not found');
    const render = (type: string, pdf = true) => renderDocumentForCase(ctx, systemActor, { code: row.code, type, pdf });
    const docx = await timed(() => render('行政处罚决定书', false));
    if (!findSoffice() || !findPdfUnite()) return `documents: decision .docx ${docx.toFixed(0)} ms; PDF skipped (soffice or pdfunite not installed)`;

    let pages = 0;
    const caseFile = async () => {
      const result = await render('案卷');
      if (result.kind === 'caseFile') pages = result.file.totalPages ?? 0;
    };

    setPdfCache(noCache);
    process.env.FAZHI_SOFFICE_WARM = '0';
    const oneShotDecision = await timed(() => render('行政处罚决定书'));
    const oneShotVolume = await timed(caseFile);

    delete process.env.FAZHI_SOFFICE_WARM;
    stopPdfConverter();
    const firstWarm = await timed(() => render('行政处罚决定书'));
    const warmDecision = await best(3, () => render('行政处罚决定书'));
    const warmVolume = await best(2, caseFile);

    setPdfCache(memoryPdfCache());
    await caseFile();
    const conversions = pdfConversionCount();
    const cachedVolume = await best(2, caseFile);
    const cachedDecision = await best(3, () => render('行政处罚决定书'));
    const cover = await best(2, () => render('案卷封面'));
    const convertedWhenCached = pdfConversionCount() - conversions;

    return (
      `documents (archived demo case; ratio to one-shot): decision .docx ${docx.toFixed(0)} ms; ` +
      `decision PDF one-shot ${s(oneShotDecision)} (1), warm ${ratio(warmDecision, oneShotDecision)} [first request, starting LibreOffice, ${s(firstWarm)}], ` +
      `cached ${ratio(cachedDecision, oneShotDecision)}; ` +
      `case file (${String(pages)} pages) one-shot ${s(oneShotVolume)} (1), warm ${ratio(warmVolume, oneShotVolume)}, cached ${ratio(cachedVolume, oneShotVolume)}, ` +
      `案卷封面 alone, volume cached ${ratio(cover, oneShotVolume)}; ${String(convertedWhenCached)} conversions when cached`
    );
  } finally {
    if (savedWarm === undefined) delete process.env.FAZHI_SOFFICE_WARM;
    else process.env.FAZHI_SOFFICE_WARM = savedWarm;
    stopPdfConverter();
    setPdfCache(memoryPdfCache());
    await handle.close();
  }
}
