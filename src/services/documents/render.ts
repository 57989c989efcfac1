/**
 * Renders enforcement documents to files: one document as .docx (and PDF when LibreOffice is installed), or the
 * whole case file (案卷) as one PDF — cover, 卷内目录, then every document in the order of the 卷内目录.
 *
 * Pure rendering: nothing is stored here. Storing generated documents with their digest and listing them on the case
 * belongs to the case engine's wiring (see docs in the report of issue 5).
 */
import { sm3 } from '../../domain/audit/digest.ts';
import type { PeriodTable } from '../../domain/calendar/periods.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { RenderedDocument } from '../../domain/documents/blocks.ts';
import { assertApplicable, caseDocuments, findTemplate, renderDocumentContent } from '../../domain/documents/catalog.ts';
import { AppError } from '../../domain/errors.ts';
import type { DocumentCase } from '../../domain/documents/model.ts';
import { assertComplete, type RenderContext, type Volume, type VolumeEntry } from '../../domain/documents/requirements.ts';
import { caseFileCover, caseFileIndex } from '../../domain/documents/templates/forms.ts';
import type { SignatureImages } from './docx.ts';
import { convertDocxToPdf, findPdfUnite, findSoffice, PDF_UNAVAILABLE_MESSAGE, pdfPageCount, unitePdfs } from './pdf.ts';

export interface RenderOptions {
  calendar: WorkCalendar;
  periods?: PeriodTable;
  /** Which one of several documents of the kind (0 = the first inquiry record …). */
  instance?: number;
  /** Also make a PDF when LibreOffice is installed (default true). */
  pdf?: boolean;
  timeoutMs?: number;
  /** The party's signatures drawn on the screen that the documents print, by SM3 digest (render-for-case.ts loads them). */
  images?: SignatureImages;
}

export interface RenderedFile {
  /** e.g. '行政处罚决定书-锦城执罚字〔2024〕15号'. */
  baseName: string;
  content: RenderedDocument;
  docx: Buffer;
  /** SM3 of the .docx bytes. */
  docxDigest: string;
  pdf?: Buffer;
  pdfDigest?: string;
  pages?: number;
  /** Why no PDF was made, in Chinese, when `pdf` is absent although asked for. */
  notice?: string;
}

const DOCX_MEMO_ENTRIES = 200;
const docxMemo = new Map<string, Promise<Buffer>>();

/**
 * The .docx of documents, made once per content in this process (the docx library takes 0.1–0.2 s a document, and a
 * case file makes each document twice: alone for its page count, and in the volume's .docx); the most recent
 * DOCX_MEMO_ENTRIES are kept. The same content thus gives the same bytes, and the same digest when stored.
 */
function docxOf(documents: readonly RenderedDocument[], meta: { title?: string } = {}, images?: SignatureImages): Promise<Buffer> {
  const key = sm3(Buffer.from(JSON.stringify([documents, meta])));
  let docx = docxMemo.get(key);
  if (docx) docxMemo.delete(key);
  // The key holds the images' digests (in the blocks), so the same content with the same images gives the same bytes.
  // The docx library is loaded with the first document, not when the server starts (its routes import this module).
  else docx = import('./docx.ts').then(({ renderDocx }) => renderDocx(documents, meta, images));
  docxMemo.set(key, docx);
  docx.catch(() => docxMemo.delete(key));
  for (const oldest of docxMemo.keys()) {
    if (docxMemo.size <= DOCX_MEMO_ENTRIES) break;
    docxMemo.delete(oldest);
  }
  return docx;
}

/** A file name without characters that file systems refuse. */
function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '_');
}

function baseNameOf(content: RenderedDocument): string {
  return safeName(content.number ? `${content.name}-${content.number}` : `${content.name}-${content.date}`);
}

function contextOf(options: RenderOptions, volume?: Volume): RenderContext {
  return { calendar: options.calendar, ...(options.periods ? { periods: options.periods } : {}), ...(volume ? { volume } : {}) };
}

/**
 * Renders one document of the case. `type` is a template id or its Chinese name ('行政处罚决定书'). Missing data is a
 * VALIDATION error naming the fields; a legal rule that forbids the document is a RULE_VIOLATION. The 案卷封面 and
 * 卷内目录 print page numbers of the bound volume: they need the page count of every document (their PDFs, from the
 * conversion cache when unchanged), but only the one asked for is converted and nothing is bound.
 */
export async function renderCaseDocument(c: DocumentCase, type: string, options: RenderOptions): Promise<RenderedFile> {
  const template = findTemplate(type);
  const timeout = options.timeoutMs ? { timeoutMs: options.timeoutMs } : {};
  if (template.id === caseFileCover.id || template.id === caseFileIndex.id) {
    // The refusal names the document asked for (卷内目录 or 案卷封面), before the volume is paged.
    assertApplicable(c, template);
    assertComplete(template.name, template.required, c, 0);
    if (!findSoffice()) throw new AppError('INTERNAL', `${PDF_UNAVAILABLE_MESSAGE}《${template.name}》要印卷内页数，需排版整本案卷后才能生成。`);
    const { volume } = await pageVolume(c, options);
    const content = renderDocumentContent(c, template, contextOf(options, volume));
    const docx = await docxOf([content]);
    if (options.pdf === false) return fileOf(content, docx);
    const [pdf] = await convertDocxToPdf([docx], timeout);
    return fileOf(content, docx, pdf);
  }
  const content = renderDocumentContent(c, template, contextOf(options), options.instance ?? 0);
  const docx = await docxOf([content], {}, options.images);
  if (options.pdf === false) return fileOf(content, docx);
  if (!findSoffice()) return fileOf(content, docx, undefined, PDF_UNAVAILABLE_MESSAGE);
  const [pdf] = await convertDocxToPdf([docx], timeout);
  return fileOf(content, docx, pdf);
}

async function fileOf(content: RenderedDocument, docx: Buffer, pdf?: Buffer, notice?: string): Promise<RenderedFile> {
  const file: RenderedFile = { baseName: baseNameOf(content), content, docx, docxDigest: sm3(docx) };
  if (pdf) {
    file.pdf = pdf;
    file.pdfDigest = sm3(pdf);
    file.pages = await pdfPageCount(pdf);
  }
  if (notice) file.notice = notice;
  return file;
}

export interface CaseFile {
  /** The bound volume: cover, 卷内目录, documents. Absent without LibreOffice and pdfunite. */
  pdf?: Buffer;
  pdfDigest?: string;
  /** The documents (without cover and 卷内目录) as one .docx, one section each — always made. */
  docx: Buffer;
  docxDigest: string;
  /** The 卷内目录 entries with page ranges, when the volume was paged. */
  entries?: VolumeEntry[];
  /** Pages of the listed documents (the cover and 卷内目录 are not counted, as in archive practice). */
  totalPages?: number;
  cover?: { content: RenderedDocument; pdf: Buffer };
  index?: { content: RenderedDocument; pdf: Buffer };
  /** Why there is no PDF, in Chinese. */
  notice?: string;
}

/** The documents of the volume in the order of the 卷内目录 (VALIDATION when the cover's data is missing or there are none). */
function volumeDocuments(c: DocumentCase, options: RenderOptions): RenderedDocument[] {
  const ctx = contextOf(options);
  // The cover's data is needed whether or not the volume can be paged: name what is missing first.
  assertComplete(caseFileCover.name, caseFileCover.required, c, 0);
  const documents = caseDocuments(c).map(({ template, instance }) => renderDocumentContent(c, template, ctx, instance));
  if (documents.length === 0) throw new AppError('VALIDATION', '本案尚无可归档的文书');
  return documents;
}

/**
 * Pages the volume: each document converted on its own (one batch; unchanged ones from the conversion cache), so its
 * page count is exact. Needs LibreOffice.
 */
async function pageVolume(c: DocumentCase, options: RenderOptions, documents = volumeDocuments(c, options)): Promise<{ volume: Volume; pdfs: Buffer[] }> {
  const singles = await Promise.all(documents.map((d) => docxOf([d], {}, options.images)));
  const pdfs = await convertDocxToPdf(singles, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {});
  const counts = await Promise.all(pdfs.map((pdf) => pdfPageCount(pdf)));
  const entries: VolumeEntry[] = [];
  let next = 1;
  documents.forEach((d, i) => {
    const pages = counts[i] ?? 0;
    entries.push({ name: d.name, ...(d.number ? { number: d.number } : {}), date: d.date, firstPage: next, lastPage: next + pages - 1 });
    next += pages;
  });
  return { volume: { entries, totalPages: next - 1 }, pdfs };
}

/**
 * The whole case file. The volume is paged (pageVolume); the cover and 卷内目录 are then made with its page numbers,
 * converted, and everything is bound with pdfunite in the order of the 卷内目录. Without LibreOffice only the .docx
 * of the documents is made, with a notice: the cover and contents are not made then, since their page numbers
 * cannot be known.
 */
export async function renderCaseFile(c: DocumentCase, options: RenderOptions): Promise<CaseFile> {
  const documents = volumeDocuments(c, options);
  const combined = await docxOf(documents, { title: `${c.causeOfAction}案卷` }, options.images);
  const timeout = options.timeoutMs ? { timeoutMs: options.timeoutMs } : {};

  const unavailable = !findSoffice()
    ? PDF_UNAVAILABLE_MESSAGE
    : !findPdfUnite()
      ? '本机未安装 pdfunite（poppler-utils），无法装订整本案卷 PDF，只生成了 .docx。'
      : undefined;
  if (unavailable || options.pdf === false) {
    return { docx: combined, docxDigest: sm3(combined), ...(unavailable ? { notice: unavailable } : {}) };
  }

  const { volume, pdfs } = await pageVolume(c, options, documents);
  const cover = renderDocumentContent(c, caseFileCover, contextOf(options, volume));
  const index = renderDocumentContent(c, caseFileIndex, contextOf(options, volume));
  const [coverPdf, indexPdf] = await convertDocxToPdf([await docxOf([cover]), await docxOf([index])], timeout);
  if (!coverPdf || !indexPdf) throw new AppError('INTERNAL', 'LibreOffice 未能生成案卷封面或卷内目录');
  const pdf = await unitePdfs([coverPdf, indexPdf, ...pdfs], timeout);
  return {
    pdf,
    pdfDigest: sm3(pdf),
    docx: combined,
    docxDigest: sm3(combined),
    entries: volume.entries,
    totalPages: volume.totalPages,
    cover: { content: cover, pdf: coverPdf },
    index: { content: index, pdf: indexPdf },
  };
}
