/**
 * Pagination and typography of the printed documents (issue 14):
 * - GB/T 9704-2012 §7.3.5: the 署名 and 成文日期 never stand alone on a page — the last lines of the text go with them;
 * - numbers (ID numbers, account numbers, "2026年", "〔2026〕") never break across lines.
 * Where LibreOffice is installed (CI), one conversion of two .docx checks both in the PDF text.
 */
import { existsSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/calendar/index.ts';
import type { Block, RenderedDocument } from '../../domain/documents/blocks.ts';
import { findTemplate, renderDocumentContent } from '../../domain/documents/catalog.ts';
import { buildDocumentCase, fictionalIdNumber } from '../../domain/documents/fixtures.ts';
import { findTool } from '../testing/missing-tool.ts';
import { DOCUMENT_LANGUAGE, keptWithNext, officialFonts, officialPage, renderDocx } from './docx.ts';
import { convertDocxToPdf, readPdf } from './pdf.ts';

const calendar = new WorkCalendar();
const soffice = findTool('soffice');
const PDF_TIMEOUT = 240_000;
/** The FangSong face config/fontconfig/fazhi-fonts.conf maps 仿宋_GB2312 to (Debian texlive-lang-chinese). */
const FANDOL_FANG = '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf';
const DATE = '2024年4月22日';
const AGENCY = '锦江市城市管理和综合行政执法局';

/**
 * Decisions whose text grows one line at a time (one more evidence item each): 22 of them put the end of the text on
 * every line of a 22-line page, so one of them is the decision whose signature would fall alone on a new page.
 */
function growingDecisions(): RenderedDocument[] {
  const base = buildDocumentCase();
  return Array.from({ length: officialPage.linesPerPage }, (_, k) => {
    const extra = Array.from({ length: k }, (_, i) => ({ kind: 'audioVisual' as const, name: `补充现场照片${String(i + 1)}张`, proves: '现场情况' }));
    const c = buildDocumentCase({ evidence: [...(base.evidence ?? []), ...extra] });
    return renderDocumentContent(c, findTemplate('行政处罚决定书'), { calendar });
  });
}

const ID_NUMBER = fictionalIdNumber('510104', '19800315', '201');
const ACCOUNT = '6217003810012345678';
const DOC_NUMBER = '〔2026〕12号';
const AMOUNT = '¥20,000.00';
const PHONE = '028-86001234';
/** The body of a letter that puts each number at every position of the 28-character line. */
function numbersDocument(): RenderedDocument {
  const filler = '当事人的公民身份号码和缴款账号以及决定书文号依照本机关记录如下所列';
  const blocks: Block[] = [{ kind: 'title', text: '数字不断行检查' }];
  for (let shift = 0; shift < officialPage.charsPerLine; shift++) {
    blocks.push({
      kind: 'paragraph',
      indent: false,
      text: `${filler.slice(0, shift)}公民身份号码${ID_NUMBER}，缴款账号${ACCOUNT}，于2026年3月8日作出锦城管罚字${DOC_NUMBER}决定，罚款${AMOUNT}，电话${PHONE}。`,
    });
  }
  return { template: 'test', name: '数字不断行检查', date: '2026-03-08', blocks, footer: { kind: 'dash' }, actCode: { code: 'TEST', qrText: 'TEST' } };
}

async function documentXml(docx: Buffer): Promise<string> {
  return (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
}

describe('the signature block keeps with the text (GB/T 9704-2012 §7.3.5)', () => {
  it('keeps the blank line and the last paragraphs before the 署名 with it, back to two lines of text', () => {
    const [decision] = growingDecisions();
    const blocks = decision?.blocks ?? [];
    const signature = blocks.findIndex((b) => b.kind === 'signature');
    const kept = keptWithNext(blocks);
    expect(blocks[signature - 1]?.kind).toBe('space');
    expect(kept.has(signature - 1)).toBe(true);
    // The contact line (two printed lines) is kept; the paragraph before it is not needed.
    expect(kept.has(signature - 2)).toBe(true);
    expect(kept.has(signature - 3)).toBe(false);
    // A one-line paragraph is not enough: the one before it is kept too.
    const short: Block[] = [
      { kind: 'paragraph', text: '第一段，较长的正文。'.repeat(5) },
      { kind: 'paragraph', text: '特此通知。' },
      { kind: 'space' },
      { kind: 'signature', lines: [AGENCY, DATE] },
    ];
    expect([...keptWithNext(short)].sort()).toEqual([0, 1, 2]);
  });

  it('writes keepNext on those paragraphs and on the 署名, keepLines on the block', async () => {
    const [decision] = growingDecisions();
    const xml = await documentXml(await renderDocx(decision ? [decision] : []));
    const paragraphs = xml.split('</w:p>');
    const agency = paragraphs.findIndex((p) => p.includes(`>${AGENCY}</w:t>`) && p.includes('w:jc w:val="right"'));
    expect(agency).toBeGreaterThan(0);
    expect(paragraphs[agency]).toContain('<w:keepNext/>');
    expect(paragraphs[agency]).toContain('<w:keepLines/>');
    expect(paragraphs[agency + 1]).toContain(`>${DATE}</w:t>`);
    expect(paragraphs[agency + 1]).toContain('<w:keepLines/>');
    expect(paragraphs[agency - 1]).toContain('<w:keepNext/>'); // the blank line
    expect(paragraphs[agency - 2]).toContain('联系电话');
    expect(paragraphs[agency - 2]).toContain('<w:keepNext/>');
    expect(paragraphs[agency - 2]).toContain('<w:widowControl/>');
  });
});

describe('numbers never break across lines', () => {
  it('tags Latin script (digits) en-US and East Asian text zh-CN', async () => {
    expect(DOCUMENT_LANGUAGE).toEqual({ value: 'en-US', eastAsia: 'zh-CN' });
    const zip = await JSZip.loadAsync(await renderDocx([numbersDocument()]));
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(styles).toMatch(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
  });
});

describe.skipIf(!soffice)('in the PDF (LibreOffice; skipped when soffice is not installed)', () => {
  let decisionPages: string[] = [];
  let numberLines: string[] = [];
  let decisionPdf: Buffer = Buffer.alloc(0);

  beforeAll(async () => {
    // One LibreOffice run for both documents.
    const [decisions, numbers] = await convertDocxToPdf([await renderDocx(growingDecisions()), await renderDocx([numbersDocument()])]);
    decisionPdf = decisions ?? Buffer.alloc(0);
    decisionPages = (await readPdf(decisionPdf)).pageTexts;
    numberLines = (await readPdf(numbers ?? Buffer.alloc(0))).pageTexts.flatMap((page) => page.split('\n')).map((line) => line.replace(/\s+/g, ''));
  }, PDF_TIMEOUT);

  it('ends every decision with a page that holds body text besides the 署名 and date', () => {
    const flat = (line: string) => line.replace(/\s+/g, '');
    const lastPages = decisionPages.filter((page) => flat(page).includes(DATE));
    expect(lastPages).toHaveLength(officialPage.linesPerPage);
    for (const page of lastPages) {
      const lines = page.split('\n').map(flat).filter(Boolean);
      const text = lines.filter((line) => line !== AGENCY && line !== DATE && !/^—\d+—$/.test(line));
      // The signature comes last, after at least two lines of the decision's text.
      expect(lines.slice(-3, -1), page).toEqual([AGENCY, DATE]);
      expect(text.length, page).toBeGreaterThanOrEqual(2);
    }
  });

  it('prints each ID number, account number, year, 文号, amount and phone number whole on one line', () => {
    const count = (needle: string) => numberLines.filter((line) => line.includes(needle)).length;
    expect(numberLines.length).toBeGreaterThan(officialPage.charsPerLine * 2);
    for (const needle of [ID_NUMBER, ACCOUNT, DOC_NUMBER, AMOUNT, PHONE]) {
      expect(count(needle), needle).toBe(officialPage.charsPerLine);
    }
    // "2026" whole in "2026年" and in "〔2026〕" of every paragraph (a break between "2026" and "年" is allowed, as
    // between a word and the Chinese text after it; a break inside the digits is not).
    const year = numberLines.reduce((sum, line) => sum + line.split('2026').length - 1, 0);
    expect(year).toBe(2 * officialPage.charsPerLine);
  });

  it.skipIf(!existsSync(FANDOL_FANG))('sets the body, named 仿宋_GB2312 in the .docx, in FandolFang (config/fontconfig; skipped without texlive-lang-chinese)', async () => {
    const [decision] = growingDecisions();
    expect(await documentXml(await renderDocx(decision ? [decision] : []))).toContain(`w:eastAsia="${officialFonts.body}"`);
    // PDF font names are plain text: /BaseFont /ABCDEF+FandolFang-Regular.
    expect(decisionPdf.toString('latin1')).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+FandolFang-Regular/);
  });
});
