/**
 * Analyze reports: turns uploaded or local report files (.txt in UTF-8 or GB18030/GBK, .docx, .pdf text
 * layer, .html) into the analyzer's JSON shape. Each file succeeds or fails on its own, so one unreadable
 * file never stops the others. Used by `fazhi analyze` and, later, by the HTTP route.
 */
import { decodeText } from './decode-text.ts';
import { analyzeReportText } from '../domain/analyzer/analyze.ts';
import { declaredHtmlCharset, htmlToText } from '../domain/analyzer/html.ts';
import { unwrapPdfLines } from '../domain/analyzer/text.ts';
import type { ReportAnalysis } from '../domain/analyzer/types.ts';
import { AppError, validationError } from '../domain/errors.ts';

export interface ReportFile {
  /** The name shown in results (a path as the user gave it, or an upload's file name). */
  fileName: string;
  data: Uint8Array;
}

export type ReportOutcome =
  | { ok: true; file: string; analysis: ReportAnalysis; text: string }
  | { ok: false; file: string; error: AppError };

export type ReportFormat = 'txt' | 'docx' | 'pdf' | 'html';

/** The format by file extension, or by content when the extension says nothing useful. */
export function detectFormat(fileName: string, data: Uint8Array): ReportFormat | 'doc' {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension === 'docx') return 'docx';
  if (extension === 'pdf') return 'pdf';
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml' || extension === 'shtml') return 'html';
  if (extension === 'doc' || extension === 'wps') return 'doc';
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) return 'doc';
  if (extension === 'txt' || extension === '') {
    const head = Buffer.from(data.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  }
  return 'txt';
}

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, i) => data[i] === byte);
}

/** Reads the plain text of a report file; throws an AppError with a Chinese message when it cannot. */
export async function extractReportText(fileName: string, data: Uint8Array): Promise<string> {
  if (data.length === 0) throw validationError(`文件为空：${fileName}`, { file: fileName });
  const format = detectFormat(fileName, data);
  let text: string;
  switch (format) {
    case 'doc':
      throw validationError(`不支持旧版 Word（.doc/.wps）格式，请另存为 .docx 后再分析：${fileName}`, { file: fileName });
    case 'docx':
      text = await readDocx(fileName, data);
      break;
    case 'pdf':
      text = unwrapPdfLines(normalizeNewlines(await readPdf(fileName, data)));
      break;
    case 'html': {
      const head = Buffer.from(data.subarray(0, 4096)).toString('latin1');
      text = htmlToText(decodeText(data, declaredHtmlCharset(head)));
      break;
    }
    case 'txt':
      text = decodeText(data);
      break;
  }
  text = normalizeNewlines(text).replaceAll(String.fromCharCode(0), '');
  if (text.trim().length === 0) {
    throw validationError(`未能从文件中读出文字（文件为空，或是没有文字层的扫描件）：${fileName}`, { file: fileName });
  }
  return text;
}

function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

// mammoth and pdf-parse (pdf.js) take over a second to load; every fazhi command registers `analyze`,
// so they are loaded only when a .docx or .pdf is actually read.
async function readDocx(fileName: string, data: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(data) });
    return result.value;
  } catch (error) {
    throw validationError(`无法读取 Word 文档，文件可能已损坏：${fileName}`, { file: fileName, cause: String(error) });
  }
}

async function readPdf(fileName: string, data: Uint8Array): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const result = await parser.getText();
    return result.text;
  } catch (error) {
    throw validationError(`无法读取 PDF 文件，文件可能已损坏或加密：${fileName}`, { file: fileName, cause: String(error) });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

/** Analyzes one report file. Never throws: a failure becomes an outcome with an AppError. */
export async function analyzeReport(fileName: string, data: Uint8Array): Promise<ReportOutcome> {
  try {
    const text = await extractReportText(fileName, data);
    return { ok: true, file: fileName, analysis: analyzeReportText(text, fileName), text };
  } catch (error) {
    const appError = error instanceof AppError ? error : new AppError('INTERNAL', `分析文件时出错：${fileName}`, { file: fileName, cause: String(error) });
    return { ok: false, file: fileName, error: appError };
  }
}

/** Analyzes several report files; outcomes come back in the order the files were given. */
export async function analyzeReports(files: readonly ReportFile[]): Promise<ReportOutcome[]> {
  const outcomes: ReportOutcome[] = [];
  for (const file of files) outcomes.push(await analyzeReport(file.fileName, file.data));
  return outcomes;
}
