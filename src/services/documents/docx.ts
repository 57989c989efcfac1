/**
 * Lays a rendered document out as .docx the way GB/T 9704-2012 lays out official documents
 * (shared/data/official-document-format.md): A4; margins 37 mm top, 35 mm bottom, 28 mm left (binding), 26 mm
 * right, leaving the 156 × 225 mm text block; a grid of 22 lines × 28 characters; title 2号 (22 pt) 小标宋; body
 * 3号 (16 pt) 仿宋; level-1 headings 黑体, level-2 楷体; page numbers "— N —" in 4号 (14 pt) 宋体, odd pages right
 * and even pages left, one character in. The 行政行为码 is printed as text and as a QR code in the first page's
 * top margin. Pagination (§7.3.5): the signature block keeps with at least two lines of text (`keptWithNext`);
 * digits are tagged en-US so no number breaks across lines (`DOCUMENT_LANGUAGE`). docs/DOCUMENTS.md, "Pagination and
 * typography".
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  HeightRule,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import type { Block, Cell, RenderedDocument, SignatureImage } from '../../domain/documents/blocks.ts';

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

/** The page of GB/T 9704-2012 §5.2 (shared/data/official-document-format.json). */
export const officialPage = {
  widthMm: 210,
  heightMm: 297,
  margins: { top: 37, bottom: 35, left: 28, right: 26 },
  linesPerPage: 22,
  charsPerLine: 28,
} as const;

/**
 * Font names as written into the document. Government PCs have the GB fonts; other machines substitute, and the PDF
 * converter maps each name to an installed CJK face via config/fontconfig/fazhi-fonts.conf.
 */
export const officialFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** Sizes in points: 2号 = 22, 3号 = 16, 4号 = 14. */
export const officialSizes = { title: 22, body: 16, table: 14, compactTable: 10.5, pageNumber: 14, actCode: 9 } as const;

const PAGE = { width: mm(officialPage.widthMm), height: mm(officialPage.heightMm) };
const MARGIN = {
  top: mm(officialPage.margins.top),
  bottom: mm(officialPage.margins.bottom),
  left: mm(officialPage.margins.left),
  right: mm(officialPage.margins.right),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const TEXT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;
/** 22 lines fill the 225 mm text block: 579 twips ≈ 28.95 pt per line. */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / officialPage.linesPerPage);
/**
 * 28 characters fill the 156 mm width: the character pitch is TEXT_WIDTH / 28 ≈ 15.79 pt, a little less than the
 * 16 pt body size, so body runs are condensed by 0.25 pt (`w:spacing w:val="-5"`, in twentieths of a point) and 28
 * characters fit each line. Word's "lines and characters" grid (`w:charSpace`) would do the same in Word, but
 * LibreOffice lays CJK text on that grid one or two cells per character and printed 14–18 characters per line
 * (measured), so the grid holds lines only and the character pitch comes from the run spacing.
 */
export const BODY_CHARACTER_SPACING = -Math.ceil((officialSizes.body - TEXT_WIDTH / officialPage.charsPerLine / 20) * 20);
/** One character of body text, for "左空二字" and "右空四字". */
const CHAR = Math.round(TEXT_WIDTH / officialPage.charsPerLine);
/** The page number's 一字线 sits 7 mm below the text block: the footer's baseline ≈ 25 mm above the page edge. */
const FOOTER_DISTANCE = mm(officialPage.margins.bottom - 7 - 2.5);
const HEADER_DISTANCE = mm(10);
const QR_MM = 17;

const half = (points: number) => points * 2;

function font(eastAsia: string): IRunOptions['font'] {
  return { eastAsia, ascii: officialFonts.latin, hAnsi: officialFonts.latin, hint: 'eastAsia' };
}

function run(text: string, face: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  const spacing = size === officialSizes.body ? { characterSpacing: BODY_CHARACTER_SPACING } : {};
  return new TextRun({ text, font: font(face), size: half(size), ...spacing, ...extra });
}

/** Approximate printed width in characters: CJK and full-width count 1, the rest ½ (Times New Roman digits). */
function widthInChars(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) <= 0xff ? 0.5 : 1;
  return width;
}

/** Languages of the text (`w:lang`): Latin script — digits included — en-US, East Asian zh-CN. */
export const DOCUMENT_LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * Pagination of a paragraph: `keepNext` keeps it on the page of the next paragraph (Word and LibreOffice move its last
 * lines along, as many as widow control asks: two), `keepLines` keeps its own lines together.
 */
interface Keep {
  keepNext?: boolean;
  keepLines?: boolean;
}

function keepOptions(keep: Keep | undefined): { keepNext?: true; keepLines?: true; widowControl?: true } {
  if (!keep) return {};
  return { ...(keep.keepNext ? { keepNext: true } : {}), ...(keep.keepLines ? { keepLines: true } : {}), widowControl: true };
}

function bodyParagraph(
  text: string,
  options: { indent?: boolean; align?: 'left' | 'center' | 'right'; face?: string; size?: number; keep?: Keep } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.align ? ALIGN[options.align] : AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 2 * CHAR },
    ...keepOptions(options.keep),
    children: [run(text, options.face ?? officialFonts.body, options.size ?? officialSizes.body)],
  });
}

function signatureParagraphs(lines: readonly string[]): Paragraph[] {
  // GB/T 9704-2012 §7.3.5.1: the date 右空四字; the agency name centred above the date. The block is one unit: each
  // line but the date keeps with the next, so the name never ends a page whose next page holds the date alone.
  const date = lines[lines.length - 1] ?? '';
  const dateWidth = widthInChars(date);
  return lines.map((line, i) => {
    const isDate = i === lines.length - 1;
    const rightChars = isDate ? 4 : Math.max(0, 4 + (dateWidth - widthInChars(line)) / 2);
    return new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(rightChars * CHAR) },
      ...keepOptions({ keepNext: !isDate, keepLines: true }),
      children: [run(line, officialFonts.body, officialSizes.body)],
    });
  });
}

/** Printed lines of a body paragraph (28 characters a line, the first indented two), for pagination decisions. */
function linesOf(text: string, indent: boolean): number {
  return Math.max(1, Math.ceil((widthInChars(text) + (indent ? 2 : 0)) / officialPage.charsPerLine));
}

/** Lines of body text kept on the page of a signature block (GB/T 9704-2012 §7.3.5: never a page of 署名 alone). */
export const SIGNATURE_KEEPS_LINES = 2;

/**
 * The blocks that keep with the next one: every heading (a heading never ends a page), and before each signature
 * block (署名 and 成文日期, or the lines for handwritten signatures) the blank lines and the body paragraphs back to at
 * least SIGNATURE_KEEPS_LINES lines of text — so when the signature does not fit, the last lines of the text go to the
 * next page with it instead of leaving it alone there. A table stops the walk (its rows keep their own lines).
 */
export function keptWithNext(blocks: readonly Block[]): Set<number> {
  const kept = new Set<number>();
  blocks.forEach((block, i) => {
    if (block.kind === 'heading') kept.add(i);
    if (block.kind !== 'signature' && block.kind !== 'signLines') return;
    let lines = 0;
    for (let j = i - 1; j >= 0 && lines < SIGNATURE_KEEPS_LINES; j--) {
      const before = blocks[j];
      if (!before) break;
      if (before.kind === 'space') {
        kept.add(j);
        continue;
      }
      if (before.kind === 'paragraph' || before.kind === 'heading' || before.kind === 'number') {
        kept.add(j);
        lines += linesOf(before.text, before.kind === 'paragraph' ? before.indent ?? true : before.kind === 'heading');
        continue;
      }
      if (before.kind === 'fields') {
        kept.add(j);
        lines += before.rows.reduce((sum, row) => sum + linesOf(`${row.label}：${row.value}`, false), 0);
        continue;
      }
      if (before.kind === 'signLines') {
        kept.add(j);
        lines += before.lines.length;
        continue;
      }
      break;
    }
  });
  return kept;
}

/** The bytes of the signature images a document prints, by SM3 digest (loaded and verified by the caller). */
export type SignatureImages = ReadonlyMap<string, Uint8Array>;

/** A signature is printed 12 mm high (a handwritten signature's height), at most 50 mm wide. */
const SIGNATURE_HEIGHT_MM = 12;
const SIGNATURE_MAX_WIDTH_MM = 50;
const pixelsOf = (millimetres: number) => Math.round((millimetres / 25.4) * 96);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24) throw new RangeError('签名图片不是有效的 PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The party's signature drawn on the screen, as an inline image; a document whose image was not given cannot be made. */
function signatureRun(image: SignatureImage, images: SignatureImages): ImageRun {
  const data = images.get(image.digest);
  if (!data) throw new Error(`签名图片 ${image.digest.slice(0, 16)}… 未提供`);
  const { width, height } = pngSize(data);
  const aspect = width > 0 && height > 0 ? width / height : 3;
  let heightMm = SIGNATURE_HEIGHT_MM;
  let widthMm = heightMm * aspect;
  if (widthMm > SIGNATURE_MAX_WIDTH_MM) {
    widthMm = SIGNATURE_MAX_WIDTH_MM;
    heightMm = widthMm / aspect;
  }
  return new ImageRun({
    type: 'png',
    data,
    transformation: { width: pixelsOf(widthMm), height: pixelsOf(heightMm) },
    altText: { name: image.alt, description: `当事人在屏幕上手写的签名（SM3 ${image.digest}）`, title: image.alt },
  });
}

function tableCell(cell: Cell, columnWidths: readonly number[], column: number, size: number, images: SignatureImages): TableCell {
  const span = cell.span ?? 1;
  const width = columnWidths.slice(column, column + span).reduce((a, b) => a + b, 0);
  const lines = cell.vMerge === 'continue' ? [''] : cell.text.split('\n');
  const align = cell.align ?? (cell.label ? 'center' : 'left');
  return new TableCell({
    columnSpan: span > 1 ? span : undefined,
    verticalMerge: cell.vMerge === 'restart' ? VerticalMergeType.RESTART : cell.vMerge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 0, bottom: 0 },
    children: [
      ...(cell.image && cell.vMerge !== 'continue' ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [signatureRun(cell.image, images)] })] : []),
      ...lines.map(
        (line) =>
          new Paragraph({
            alignment: ALIGN[align],
            children: [run(line, officialFonts.body, size)],
          }),
      ),
    ],
  });
}

function table(block: Extract<Block, { kind: 'table' }>, images: SignatureImages): Table {
  const total = block.widths.reduce((a, b) => a + b, 0);
  const columnWidths = block.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const size = block.size === 'small' ? officialSizes.table : block.size === 'compact' ? officialSizes.compactTable : officialSizes.body;
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: block.rows.map((cells, rowIndex) => {
      const minLines = Math.max(1, ...cells.map((c) => c.minLines ?? 1));
      let column = 0;
      return new TableRow({
        cantSplit: minLines <= 4,
        tableHeader: rowIndex < (block.headerRows ?? 0),
        height: { value: minLines * LINE_PITCH, rule: HeightRule.ATLEAST },
        children: cells.map((cell) => {
          const built = tableCell(cell, columnWidths, column, size, images);
          column += cell.span ?? 1;
          return built;
        }),
      });
    }),
  });
}

function blockElements(block: Block, keepNext: boolean, images: SignatureImages): (Paragraph | Table)[] {
  const keep: Keep | undefined = keepNext ? { keepNext: true } : undefined;
  switch (block.kind) {
    case 'agency':
      return [bodyParagraph(block.text, { indent: false, align: 'center', face: officialFonts.title, size: officialSizes.title })];
    case 'title':
      return [
        bodyParagraph(block.text, { indent: false, align: 'center', face: officialFonts.title, size: officialSizes.title }),
      ];
    case 'number':
      return [bodyParagraph(block.text, { indent: false, align: 'right', keep })];
    case 'paragraph':
      return [bodyParagraph(block.text, { indent: block.indent ?? true, ...(block.align ? { align: block.align } : {}), keep })];
    case 'heading':
      return [bodyParagraph(block.text, { face: block.level === 1 ? officialFonts.heading1 : officialFonts.heading2, keep })];
    case 'fields':
      return block.rows.map((row) => bodyParagraph(`${row.label}：${row.value}`, { indent: false, keep }));
    case 'table':
      return [table(block, images)];
    case 'signature':
      return signatureParagraphs(block.lines);
    case 'signLines':
      // The lines for handwritten signatures stay together, and with what follows when the walk above kept them.
      return block.lines.map((line, i) => {
        const image = block.images?.find((at) => at.line === i)?.image;
        return signLine(line, { keepNext: keepNext || i < block.lines.length - 1, keepLines: true }, image ? signatureRun(image, images) : undefined);
      });
    case 'space':
      return Array.from({ length: block.lines ?? 1 }, () => new Paragraph({ ...keepOptions(keep), children: [] }));
  }
}

/** "签名：<tab>年 月 日": the date column starts 9 characters from the right edge on every line. */
function signLine(line: string, keep: Keep, signature?: ImageRun): Paragraph {
  const [label = '', rest] = line.split('\t');
  const children: (TextRun | ImageRun)[] = [run(label, officialFonts.body, officialSizes.body), ...(signature ? [signature] : [])];
  if (rest !== undefined) children.push(new TextRun({ children: [new Tab()] }), run(rest, officialFonts.body, officialSizes.body));
  return new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: TEXT_WIDTH - 9 * CHAR }], ...keepOptions(keep), children });
}

function dashFooter(side: 'odd' | 'even'): Footer {
  // "— N —": 4号 half-width 宋体 digits between 一字线; odd pages 居右空一字, even pages 居左空一字.
  const size = half(officialSizes.pageNumber);
  const f = font(officialFonts.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: officialSizes.pageNumber * 20 } : { left: officialSizes.pageNumber * 20 },
        children: [
          new TextRun({ text: '— ', font: f, size }),
          new TextRun({ children: [PageNumber.CURRENT], font: { ascii: officialFonts.pageNumber, hAnsi: officialFonts.pageNumber, eastAsia: officialFonts.pageNumber }, size }),
          new TextRun({ text: ' —', font: f, size }),
        ],
      }),
    ],
  });
}

function pageOfFooter(signer: string | undefined): Footer {
  const size = half(officialSizes.pageNumber);
  const f = font(officialFonts.body);
  const children = [
    ...(signer ? [new TextRun({ text: `${signer}\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000`, font: f, size })] : []),
    new TextRun({ text: '第 ', font: f, size }),
    new TextRun({ children: [PageNumber.CURRENT], font: f, size }),
    new TextRun({ text: ' 页\u3000共 ', font: f, size }),
    new TextRun({ children: [PageNumber.TOTAL_PAGES], font: f, size }),
    new TextRun({ text: ' 页', font: f, size }),
  ];
  return new Footer({ children: [new Paragraph({ alignment: signer ? AlignmentType.LEFT : AlignmentType.CENTER, children })] });
}

/** The QR code of the act code, as PNG. */
export async function actCodeQrPng(text: string): Promise<Buffer> {
  // Loaded with the first document, not when the server starts.
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

function actCodeHeader(doc: RenderedDocument, qr: Buffer): Header {
  const pixels = Math.round((QR_MM / 25.4) * 96);
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new ImageRun({ type: 'png', data: qr, transformation: { width: pixels, height: pixels }, altText: { name: '行政行为码', description: doc.actCode.code, title: '行政行为码二维码' } })],
      }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [run(`行政行为码：${doc.actCode.code}`, officialFonts.body, officialSizes.actCode)],
      }),
    ],
  });
}

async function section(doc: RenderedDocument, images: SignatureImages): Promise<ISectionOptions> {
  const empty = () => new Header({ children: [] });
  // A document without an act code (the annual report) has no code header.
  const first = doc.actCode.code ? actCodeHeader(doc, await actCodeQrPng(doc.actCode.qrText)) : empty();
  const none = () => new Footer({ children: [] });
  const footers = (() => {
    switch (doc.footer.kind) {
      case 'dash':
        return { first: dashFooter('odd'), default: dashFooter('odd'), even: dashFooter('even') };
      case 'pageOf':
        return { first: pageOfFooter(doc.footer.signer), default: pageOfFooter(doc.footer.signer), even: pageOfFooter(doc.footer.signer) };
      case 'none':
        return { first: none(), default: none(), even: none() };
    }
  })();
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { ...MARGIN, header: HEADER_DISTANCE, footer: FOOTER_DISTANCE, gutter: 0 },
      },
      grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
    },
    headers: { first, default: empty(), even: empty() },
    footers,
    children: (() => {
      const kept = keptWithNext(doc.blocks);
      return doc.blocks.flatMap((block, i) => blockElements(block, kept.has(i), images));
    })(),
  };
}

/**
 * One .docx holding the documents, each in its own section (own page numbering, own act-code header). `images` holds
 * the signature images the documents print, by digest.
 */
export async function renderDocx(documents: readonly RenderedDocument[], meta: { title?: string; creator?: string; description?: string } = {}, images: SignatureImages = new Map()): Promise<Buffer> {
  const first = documents[0];
  if (!first) throw new RangeError('renderDocx needs at least one document');
  const sections = await Promise.all(documents.map((d) => section(d, images)));
  const docx = new Document({
    title: meta.title ?? first.name,
    creator: meta.creator ?? 'Fazhi 法治',
    description: meta.description ?? `行政行为码：${first.actCode.code}`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: font(officialFonts.body), size: half(officialSizes.body) } }],
      default: {
        document: {
          // Chinese text is zh-CN; digits and Latin letters are en-US (`w:lang w:val`), so they break as words do:
          // never inside an ID number, an account number, "2026年" or "〔2026〕". Tagged zh-CN, LibreOffice breaks them
          // between any two digits, as it breaks Chinese between any two characters.
          run: { font: font(officialFonts.body), size: half(officialSizes.body), language: DOCUMENT_LANGUAGE },
        },
      },
    },
    sections: sections.map((s, i) => (i === 0 ? s : { ...s, properties: { ...s.properties, page: { ...s.properties?.page, pageNumbers: { start: 1 } } } })),
  });
  return Packer.toBuffer(docx);
}
