/**
 * The .docx layout (GB/T 9704-2012), the Art. 59 content of the decision as it lands in the file, and — where
 * LibreOffice and poppler are installed, as in CI — the PDF text, page counts, the bound case file, and a pixel
 * comparison of the decision's first page against a reference image (set FAZHI_UPDATE_REFERENCE_IMAGES=1 to rewrite
 * the reference after an intended layout change, then look at it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/calendar/index.ts';
import { buildDocumentCase, buildTransferCase } from '../../domain/documents/fixtures.ts';
import { AppError } from '../../domain/errors.ts';
import { LINE_PITCH, officialFonts } from './docx.ts';
import { PDF_UNAVAILABLE_MESSAGE, pdfConversionCount, readPdf } from './pdf.ts';
import { findTool, missing } from '../testing/missing-tool.ts';
import { renderCaseDocument, renderCaseFile } from './render.ts';

const calendar = new WorkCalendar();
const soffice = findTool('soffice');
const pdftoppm = soffice ? ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((p) => existsSync(p)) ?? findTool('pdftoppm') : undefined;
const referenceImage = path.join(import.meta.dirname, '__fixtures__', 'penalty-decision-page1.png');
const PDF_TIMEOUT = 180_000;

async function partsOf(docx: Buffer): Promise<{ document: string; settings: string; footers: string[]; media: string[] }> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  const names = Object.keys(zip.files);
  return {
    document: await read('word/document.xml'),
    settings: await read('word/settings.xml'),
    footers: await Promise.all(names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(read)),
    media: names.filter((n) => n.startsWith('word/media/')),
  };
}

/** The visible text of document.xml, paragraph by paragraph. */
function textOf(documentXml: string): string {
  return documentXml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}

/** Art. 59's six items, checked in any text of the decision (docx or PDF). Whitespace is ignored. */
function expectArticle59(text: string) {
  const flat = text.replace(/\s+/g, '');
  // （一）当事人的姓名或者名称、地址
  expect(flat).toContain('当事人：锦江市味道坊餐饮管理有限公司');
  expect(flat).toContain('地址：锦江市春熙路168号');
  // （二）违反法律、法规、规章的事实和证据
  expect(flat).toContain('未经市容环境卫生主管部门批准');
  expect(flat).toContain('以上事实有下列证据证明');
  // （三）行政处罚的种类和依据
  expect(flat).toContain('依据《锦江市市容和环境卫生管理条例》第四十一条第一项的规定');
  expect(flat).toContain('罚款人民币贰万元整（¥20,000.00）');
  // （四）行政处罚的履行方式和期限
  expect(flat).toContain('自收到本决定书之日起十五日内');
  // （五）申请行政复议、提起行政诉讼的途径和期限
  expect(flat).toContain('六十日内向锦江市人民政府申请行政复议');
  expect(flat).toContain('六个月内直接向锦江市锦江区人民法院提起行政诉讼');
  // （六）作出行政处罚决定的行政机关名称和作出决定的日期
  expect(flat).toContain('锦江市城市管理和综合行政执法局2024年4月22日');
}

describe('行政处罚决定书 as .docx (GB/T 9704-2012 layout)', () => {
  it('is A4 with margins 37/35/28/26 mm and a grid of 22 lines, body condensed to 28 characters a line', async () => {
    const file = await renderCaseDocument(buildDocumentCase(), '行政处罚决定书', { calendar, pdf: false });
    const { document } = await partsOf(file.docx);
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(LINE_PITCH * 22).toBeLessThanOrEqual(16838 - 2098 - 1984);
    expect(document).toContain(`<w:docGrid w:type="lines" w:linePitch="${String(LINE_PITCH)}"/>`);
    // 28 characters of 16 pt condensed by 0.25 pt fit the 156 mm line: 28 × 15.75 pt = 441 pt ≤ 442.2 pt.
    expect(document).toContain('<w:spacing w:val="-5"/>');
    expect(28 * (16 - 5 / 20)).toBeLessThanOrEqual(((11906 - 1587 - 1474) / 20) * 1.0);
  });

  it('sets the title in 2号小标宋, the body in 3号仿宋, and the 文号 with 〔〕', async () => {
    const file = await renderCaseDocument(buildDocumentCase(), '行政处罚决定书', { calendar, pdf: false });
    const { document } = await partsOf(file.docx);
    const runOf = (text: string) => {
      const index = document.indexOf(`>${text}</w:t>`);
      expect(index, text).toBeGreaterThan(0);
      return document.slice(document.lastIndexOf('<w:r>', index), index);
    };
    expect(runOf('行政处罚决定书')).toContain(`w:eastAsia="${officialFonts.title}"`);
    expect(runOf('行政处罚决定书')).toContain('<w:sz w:val="44"/>');
    expect(runOf('锦城执罚字〔2024〕15号')).toContain(`w:eastAsia="${officialFonts.body}"`);
    expect(runOf('锦城执罚字〔2024〕15号')).toContain('<w:sz w:val="32"/>');
  });

  it('numbers pages "— N —" in 4号宋体, odd pages right and even pages left', async () => {
    const file = await renderCaseDocument(buildDocumentCase(), '行政处罚决定书', { calendar, pdf: false });
    const { footers, settings } = await partsOf(file.docx);
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const dashFooters = footers.filter((f) => f.includes('>— </w:t>') && f.includes('PAGE'));
    expect(dashFooters.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes('<w:ind w:right="280"/>'))).toBe(true);
    expect(dashFooters.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes('<w:ind w:left="280"/>'))).toBe(true);
    expect(dashFooters.every((f) => f.includes(`w:ascii="${officialFonts.pageNumber}"`) && f.includes('<w:sz w:val="28"/>'))).toBe(true);
  });

  it('prints the 行政行为码 as text and as a QR code image', async () => {
    const file = await renderCaseDocument(buildDocumentCase(), '行政处罚决定书', { calendar, pdf: false });
    const zip = await JSZip.loadAsync(file.docx);
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => zip.file(n)?.async('string')));
    expect(headers.join('')).toContain('行政行为码：510104-2024-000036-K');
    const { media } = await partsOf(file.docx);
    expect(media).toHaveLength(1);
    const png = PNG.sync.read(Buffer.from((await zip.file(media[0] ?? '')?.async('uint8array')) ?? new Uint8Array()));
    expect(png.width).toBe(png.height);
    expect(png.width).toBeGreaterThan(100);
  });

  it('contains every required item of 《行政处罚法》第五十九条', async () => {
    const file = await renderCaseDocument(buildDocumentCase(), '行政处罚决定书', { calendar, pdf: false });
    expectArticle59(textOf((await partsOf(file.docx)).document));
    expect(file.docxDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(file.baseName).toBe('行政处罚决定书-锦城执罚字〔2024〕15号');
  });

  it('sets level-1 headings in 黑体 and level-2 in 楷体', async () => {
    const file = await renderCaseDocument(buildDocumentCase(), '案件调查终结报告', { calendar, pdf: false });
    const { document } = await partsOf(file.docx);
    const before = (text: string) => document.slice(document.lastIndexOf('<w:r>', document.indexOf(text)), document.indexOf(text));
    expect(before('一、案件基本情况')).toContain(`w:eastAsia="${officialFonts.heading1}"`);
    expect(before('（一）当事人基本情况')).toContain(`w:eastAsia="${officialFonts.heading2}"`);
  });

  it('refuses to render with missing data, naming the field', async () => {
    const c = buildDocumentCase();
    const error = await renderCaseDocument({ ...c, decision: c.decision ? { ...c.decision, date: '' } : undefined }, '行政处罚决定书', { calendar, pdf: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('决定日期');
  });
});

describe('without LibreOffice', () => {
  const saved = process.env.FAZHI_SOFFICE;
  afterEach(() => {
    if (saved === undefined) delete process.env.FAZHI_SOFFICE;
    else process.env.FAZHI_SOFFICE = saved;
  });

  it('makes the .docx only and says why in Chinese', async () => {
    process.env.FAZHI_SOFFICE = '';
    const file = await renderCaseDocument(buildDocumentCase(), '行政处罚决定书', { calendar });
    expect(file.pdf).toBeUndefined();
    expect(file.docx.subarray(0, 2).toString()).toBe('PK');
    expect(file.notice).toBe(PDF_UNAVAILABLE_MESSAGE);
    const volume = await renderCaseFile(buildDocumentCase(), { calendar });
    expect(volume.pdf).toBeUndefined();
    expect(volume.notice).toBe(PDF_UNAVAILABLE_MESSAGE);
    const cover = await renderCaseDocument(buildDocumentCase(), '卷内目录', { calendar }).catch((e: unknown) => e);
    expect((cover as AppError).message).toContain('需排版整本案卷后才能生成');
  });
});

describe.skipIf(!soffice)('PDF through LibreOffice (skipped when soffice is not installed)', () => {
  // One conversion of the decision serves both tests below (LibreOffice is the slow part of the suite).
  let decision: ReturnType<typeof renderCaseDocument> | undefined;
  const decisionPdf = () => (decision ??= renderCaseDocument(buildDocumentCase(), '行政处罚决定书', { calendar }));

  it(
    'converts the decision: Art. 59 text, three pages, "— N —" page numbers',
    async () => {
      const file = await decisionPdf();
      expect(file.pdf?.subarray(0, 5).toString()).toBe('%PDF-');
      const { pages, pageTexts } = await readPdf(file.pdf ?? Buffer.alloc(0));
      expect(pages).toBe(3);
      expect(file.pages).toBe(3);
      // Page numbers are read where the page ends; a sentence running over the page break continues after them.
      expectArticle59(pageTexts.join('\n').replace(/—\s*\d+\s*—/g, ''));
      expect(pageTexts[0]?.replace(/\s+/g, '')).toContain('—1—');
      expect(pageTexts[1]?.replace(/\s+/g, '')).toContain('—2—');
    },
    PDF_TIMEOUT,
  );

  it.skipIf(!pdftoppm)(
    'lays out page 1 like the reference image (pdftoppm -r 50, pixelmatch; skipped without poppler-utils)',
    async () => {
      const file = await decisionPdf();
      const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-page-'));
      try {
        writeFileSync(path.join(dir, 'decision.pdf'), file.pdf ?? Buffer.alloc(0));
        execFileSync(pdftoppm ?? 'pdftoppm', ['-r', '50', '-f', '1', '-l', '1', '-singlefile', '-png', path.join(dir, 'decision.pdf'), path.join(dir, 'page')]);
        const actual = PNG.sync.read(readFileSync(path.join(dir, 'page.png')));
        if (process.env.FAZHI_UPDATE_REFERENCE_IMAGES === '1') writeFileSync(referenceImage, PNG.sync.write(actual));
        const expected = PNG.sync.read(readFileSync(referenceImage));
        expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
        const diff = new PNG({ width: actual.width, height: actual.height });
        const mismatched = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: 0.2 });
        if (mismatched > 0) writeFileSync(path.join(tmpdir(), 'fazhi-penalty-decision-page1-diff.png'), PNG.sync.write(diff));
        // Measured against the ink of the reference (text covers ~5% of the page): up to 1% of it may differ (hinting,
        // anti-aliasing). Another document in the same layout differs by ~9%, a moved or resized block by more.
        let ink = 0;
        for (let i = 0; i < expected.data.length; i += 4) if ((expected.data[i] ?? 255) < 160) ink++;
        expect(ink).toBeGreaterThan(5000);
        expect(mismatched / ink).toBeLessThan(0.01);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    PDF_TIMEOUT,
  );

  it.skipIf(!soffice || missing('pdfunite'))(
    'binds the whole case file in the order of the 卷内目录 (skipped without pdfunite)',
    async () => {
      const volume = await renderCaseFile(buildTransferCase(), { calendar });
      const { pages, pageTexts } = await readPdf(volume.pdf ?? Buffer.alloc(0));
      const entries = volume.entries ?? [];
      const frontPages = pages - (volume.totalPages ?? 0);
      expect(entries.map((e) => e.name)).toEqual([
        '行政处罚决定书',
        '立案审批表',
        '现场检查（勘验）笔录',
        '询问笔录',
        '责令（限期）改正通知书',
        '案件调查终结报告',
        '法制审核意见书',
        '重大案件集体讨论笔录',
        '行政处罚事先告知书',
        '行政处罚听证告知书',
        '行政处罚听证通知书',
        '行政处罚听证笔录',
        '送达回证',
        '催告书',
        '案件移送函',
        '行政处罚案件结案报告',
      ]);
      expect(pageTexts[0]?.replace(/\s+/g, '')).toContain('行政处罚案卷');
      expect(pageTexts[0]?.replace(/\s+/g, '')).toContain(`共${String(volume.totalPages)}页`);
      expect(pageTexts[1]?.replace(/\s+/g, '')).toContain('卷内目录');
      for (const entry of entries) {
        const page = pageTexts[frontPages + entry.firstPage - 1]?.replace(/\s+/g, '') ?? '';
        expect(page, entry.name).toContain(entry.name);
        expect(entry.lastPage).toBeGreaterThanOrEqual(entry.firstPage);
      }
      expect(entries.at(-1)?.lastPage).toBe(volume.totalPages);

      // Asked for alone, the cover is the only document converted (once the documents are in the conversion cache:
      // the volume is paged from their PDFs), and nothing is bound; an unchanged cover is not converted at all.
      const c = buildTransferCase();
      const renumbered = { ...c, ...(c.archive ? { archive: { ...c.archive, fileNumber: `${c.archive.fileNumber}-2` } } : {}) };
      let before = pdfConversionCount();
      const cover = await renderCaseDocument(renumbered, '案卷封面', { calendar });
      expect(pdfConversionCount() - before).toBe(1);
      expect((await readPdf(cover.pdf ?? Buffer.alloc(0))).pageTexts.join('').replace(/\s+/g, '')).toContain(`共${String(volume.totalPages)}页`);
      before = pdfConversionCount();
      await renderCaseDocument(c, '卷内目录', { calendar });
      expect(pdfConversionCount()).toBe(before);
    },
    PDF_TIMEOUT,
  );
});
