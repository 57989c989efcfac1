/**
 * The laid-out content of one document, independent of the file format: the domain decides what a document
 * says and in which element (title, body, heading, form table …); services/documents turns it into .docx with the
 * fonts, sizes and grid of GB/T 9704-2012.
 */
import type { IsoDate } from '../calendar/iso-date.ts';

/**
 * The party's signature drawn on the screen (a PNG stored under its SM3 digest), printed where the party signs. The
 * renderer is given the bytes by digest (services/documents); the domain names only the digest.
 */
export interface SignatureImage {
  digest: string;
  /** What the image is, for its alternative text, e.g. '受送达人签名'. */
  alt: string;
}

/** A table cell: text (lines split on \n), spanning columns, optionally a label cell (bold-free, centred). */
export interface Cell {
  text: string;
  /** A signature image printed above the text (the signing date). */
  image?: SignatureImage;
  span?: number;
  label?: boolean;
  /** Minimum height in grid lines (space for handwriting or long text). */
  minLines?: number;
  align?: 'left' | 'center' | 'right';
  /** Vertical merge: the first cell of a merged column 'restart's, the cells below 'continue' (their text is ignored). */
  vMerge?: 'restart' | 'continue';
}

export type Block =
  /** 发文机关 line above the title (小标宋). */
  | { kind: 'agency'; text: string }
  /** Document title, 2号小标宋, centred. */
  | { kind: 'title'; text: string }
  /** 发文字号 / 编号 line, right aligned. */
  | { kind: 'number'; text: string }
  /** Body paragraph, 3号仿宋, first line indented two characters unless `indent` is false. */
  | { kind: 'paragraph'; text: string; indent?: boolean; align?: 'left' | 'center' | 'right' }
  /** 一、 (黑体) or （一） (楷体) heading. */
  | { kind: 'heading'; level: 1 | 2; text: string }
  /** Label–value lines of a record's head ("时间：……"), no indent. */
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  /** A form table; `widths` are relative column widths. */
  | { kind: 'table'; widths: number[]; rows: Cell[][]; size?: 'body' | 'small' | 'compact'; /** Rows repeated on each page. */ headerRows?: number }
  /** 发文机关署名 and 成文日期, right aligned, 右空四字 (GB/T 9704-2012 §7.3.5). */
  | { kind: 'signature'; lines: string[] }
  /**
   * Handwriting lines (签名、日期), left aligned with no indent; a tab moves the rest to the date column. `images` puts a
   * signature drawn on the screen after the label of line `line` (that line's date is then the signing date).
   */
  | { kind: 'signLines'; lines: string[]; images?: { line: number; image: SignatureImage }[] }
  /** Empty line(s). */
  | { kind: 'space'; lines?: number };

/** How pages are numbered: "— N —" (GB/T 9704) or "第 N 页 共 M 页" (records signed page by page). */
export type Footer = { kind: 'dash' } | { kind: 'pageOf'; signer?: string } | { kind: 'none' };

export interface RenderedDocument {
  /** Template id (catalog.ts). */
  template: string;
  /** 文书名称, e.g. '行政处罚决定书'. */
  name: string;
  /** Printed document number or 编号, if any. */
  number?: string;
  /** 成文日期 / record date, for the 卷内目录. */
  date: IsoDate;
  blocks: Block[];
  footer: Footer;
  /** 行政行为码 printed as text, and the QR code's content. */
  actCode: { code: string; qrText: string };
}

/** The text of a document in reading order, one block per line — what tests and search read. */
export function documentText(doc: RenderedDocument): string {
  const lines: string[] = [];
  for (const block of doc.blocks) {
    switch (block.kind) {
      case 'agency':
      case 'title':
      case 'number':
      case 'paragraph':
      case 'heading':
        lines.push(block.text);
        break;
      case 'fields':
        for (const row of block.rows) lines.push(`${row.label}：${row.value}`);
        break;
      case 'table':
        for (const row of block.rows) lines.push(row.map((cell) => cell.text).join(' | '));
        break;
      case 'signature':
      case 'signLines':
        lines.push(...block.lines);
        break;
      case 'space':
        break;
    }
  }
  lines.push(`行政行为码：${doc.actCode.code}`);
  return lines.join('\n');
}
