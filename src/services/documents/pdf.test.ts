/**
 * The PDF converter: the warm LibreOffice (reused, restarted after it dies, fallen back from when it cannot start)
 * and the conversion cache (by content: a .docx made again from the same document is not converted again). Few
 * tests: each LibreOffice conversion costs seconds. Speed is measured by `npm run bench`, never asserted here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { WorkCalendar } from '../../domain/calendar/index.ts';
import { findTemplate, renderDocumentContent } from '../../domain/documents/catalog.ts';
import { buildDocumentCase, buildTransferCase } from '../../domain/documents/fixtures.ts';
import { renderDocx } from './docx.ts';
import { convertDocxToPdf, findSoffice, pdfConversionCount, readPdf, stopPdfConverter, warmOfficePid } from './pdf.ts';
import { directoryPdfCache, docxContentDigest, memoryPdfCache, pdfCache, setPdfCache } from './pdf-cache.ts';
import { missing } from '../testing/missing-tool.ts';
import { unoPython } from './warm-office.ts';

const calendar = new WorkCalendar();
const TIMEOUT = 240_000;

const docxOf = (type: string, c = buildDocumentCase()) => renderDocx([renderDocumentContent(c, findTemplate(type), { calendar })]);

/** The warm LibreOffice needs a Python with LibreOffice's uno module (Debian python3-uno, in .ci/apt-packages). */
function missingUno(): boolean {
  const soffice = findSoffice();
  const python = soffice ? unoPython(soffice) : undefined;
  const found = python !== undefined && spawnSync(python, ['-c', 'import uno'], { stdio: 'ignore' }).status === 0;
  if (soffice && !found) console.info('[skip] no Python with the uno module: the warm LibreOffice tests are skipped (Debian: apt-get install python3-uno).');
  return !found;
}

afterAll(() => stopPdfConverter());

describe('the conversion cache', () => {
  it('keys a .docx by what it says: the same document made twice has one digest, another document another', async () => {
    const first = await docxOf('行政处罚决定书');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a later second in the zip and core.xml dates
    const again = await docxOf('行政处罚决定书');
    expect(again.equals(first)).toBe(false);
    expect(docxContentDigest(again)).toBe(docxContentDigest(first));
    expect(docxContentDigest(await docxOf('行政处罚事先告知书'))).not.toBe(docxContentDigest(first));
  });

  it('keeps a directory under its size, least recently used out first', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-pdf-cache-'));
    try {
      const cache = directoryPdfCache(dir, 2500);
      const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(995, n)]);
      const key = (n: number) => String(n).repeat(64);
      await cache.put(key(1), pdf(1));
      await cache.put(key(2), pdf(2));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect((await cache.get(key(1)))?.equals(pdf(1))).toBe(true); // 1 is now used more recently than 2
      await cache.put(key(3), pdf(3));
      expect(await cache.get(key(2))).toBeUndefined();
      expect(await cache.get(key(1))).toBeDefined();
      expect(await cache.get(key(3))).toBeDefined();
      expect(readdirSync(dir).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(missing('soffice'))(
    'returns the same PDF for an unchanged document without converting it again',
    async () => {
      // A cache of its own: other test files of this worker may have converted the same document already.
      const shared = pdfCache();
      setPdfCache(memoryPdfCache());
      onTestFinished(() => setPdfCache(shared));
      const c = buildTransferCase();
      const before = pdfConversionCount();
      const [first] = await convertDocxToPdf([await docxOf('催告书', c)]);
      expect(pdfConversionCount()).toBe(before + 1);
      const [again] = await convertDocxToPdf([await docxOf('催告书', c)]);
      expect(pdfConversionCount()).toBe(before + 1);
      expect(again?.equals(first ?? Buffer.alloc(0))).toBe(true);
    },
    TIMEOUT,
  );
});

describe.skipIf(missing('soffice') || missingUno())('the warm LibreOffice (skipped without python3-uno)', () => {
  it(
    'converts documents in sequence with one soffice process, and starts a new one after it was killed',
    async () => {
      const c = buildTransferCase();
      const [notice] = await convertDocxToPdf([await docxOf('行政处罚事先告知书', c)], { cache: false });
      const pid = warmOfficePid();
      expect(pid).toBeGreaterThan(0);
      const [hearing, transfer] = await convertDocxToPdf([await docxOf('行政处罚听证告知书', c), await docxOf('案件移送函', c)], { cache: false });
      expect(warmOfficePid()).toBe(pid);
      for (const pdf of [notice, hearing, transfer]) expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await readPdf(transfer ?? Buffer.alloc(0))).pageTexts.join('').replace(/\s+/g, '')).toContain('案件移送函');

      process.kill(pid ?? 0, 'SIGKILL');
      const [after] = await convertDocxToPdf([await docxOf('行政处罚事先告知书', c)], { cache: false });
      expect(after?.subarray(0, 5).toString()).toBe('%PDF-');
      expect(warmOfficePid()).toBeGreaterThan(0);
      expect(warmOfficePid()).not.toBe(pid);
      expect(() => process.kill(pid ?? 0, 0)).toThrow(); // the killed one is gone, not left behind
    },
    TIMEOUT,
  );

  it(
    'falls back to a one-shot soffice run when the warm one cannot start',
    async () => {
      stopPdfConverter();
      const saved = process.env.FAZHI_UNO_PYTHON;
      process.env.FAZHI_UNO_PYTHON = '/bin/false';
      try {
        const [pdf] = await convertDocxToPdf([await docxOf('行政处罚事先告知书')], { cache: false });
        expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
        expect(warmOfficePid()).toBeUndefined();
      } finally {
        if (saved === undefined) delete process.env.FAZHI_UNO_PYTHON;
        else process.env.FAZHI_UNO_PYTHON = saved;
        stopPdfConverter();
      }
    },
    TIMEOUT,
  );
});
