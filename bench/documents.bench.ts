// Benchmark of the enforcement-document renderer: .docx rendering of the 行政处罚决定书 and of the whole case file's
// documents, and docx→PDF through LibreOffice when it is installed. Called by bench/run.ts; returns one line.
import { WorkCalendar } from '../src/domain/calendar/index.ts';
import { caseDocuments, findTemplate, renderDocumentContent } from '../src/domain/documents/catalog.ts';
import { buildTransferCase } from '../src/domain/documents/fixtures.ts';
import { renderDocx } from '../src/services/documents/docx.ts';
import { convertDocxToPdf, findSoffice } from '../src/services/documents/pdf.ts';

async function best<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let ms = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    ms = Math.min(ms, performance.now() - started);
  }
  if (result === undefined) throw new Error('no run');
  return { ms, result };
}

export async function benchDocuments(): Promise<string> {
  const c = buildTransferCase();
  const ctx = { calendar: new WorkCalendar() };
  const decision = renderDocumentContent(c, findTemplate('行政处罚决定书'), ctx);
  const all = caseDocuments(c).map(({ template, instance }) => renderDocumentContent(c, template, ctx, instance));
  await renderDocx([decision]);
  const one = await best(10, () => renderDocx([decision]));
  const volume = await best(3, () => Promise.all(all.map((d) => renderDocx([d]))));
  let pdf = 'docx→pdf skipped (soffice not installed)';
  if (findSoffice()) {
    const single = await best(2, () => convertDocxToPdf([one.result]));
    const batch = await best(1, () => convertDocxToPdf(volume.result));
    pdf = `docx→pdf ${(single.ms / 1000).toFixed(2)} s for one, ${(batch.ms / 1000).toFixed(2)} s for ${String(all.length)} in one LibreOffice run`;
  }
  return (
    `documents: decision .docx ${one.ms.toFixed(0)} ms (${(one.result.length / 1024).toFixed(0)} KiB, best of 10), ` +
    `${String(all.length)} case-file documents ${volume.ms.toFixed(0)} ms (best of 3); ${pdf}`
  );
}
