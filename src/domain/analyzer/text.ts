/** Text plumbing for the analyzer: a matching view with the same offsets, lines, sentences and clauses. */

export interface Span {
  start: number;
  end: number;
  text: string;
}

const FULL_WIDTH_TO_HALF: Record<string, string> = { '％': '%', '﹪': '%', '（': '(', '）': ')', '．': '.', '\u3000': ' ' };

/**
 * Returns a copy of `text` with full-width digits, letters, %, parentheses and ideographic spaces made
 * half-width. Every replacement is one UTF-16 unit for one, so offsets in the copy are offsets in `text`.
 */
export function normalizeForMatching(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A％﹪（）．\u3000]/g, (c) => {
    const mapped = FULL_WIDTH_TO_HALF[c];
    if (mapped !== undefined) return mapped;
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

/** Lines with their offsets (line breaks excluded); whitespace-only lines are kept with empty trimmed text. */
export function splitLines(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lines.push(trimSpan(text, start, end));
    start = end + 1;
  }
  return lines;
}

/** Trims whitespace from both ends of text[start, end), keeping the offsets right. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
  return { start: s, end: e, text: text.slice(s, e) };
}

const SENTENCE_END = /[。！？!?；;\n]/;
const CLOSING_MARKS = /[”’」』)）】]/;

/**
 * Splits text into sentences at 。！？； and line breaks. A closing quote or bracket right after the
 * terminator stays with its sentence. Offsets point into `text`.
 */
export function splitSentences(text: string): Span[] {
  const sentences: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!SENTENCE_END.test(text[i] ?? '') && !isHalfWidthFullStop(text, i)) continue;
    let end = i + 1;
    if (text[i] !== '\n') {
      while (end < text.length && CLOSING_MARKS.test(text[end] ?? '')) end += 1;
    }
    pushSpan(sentences, text, start, end);
    start = end;
    i = end - 1;
  }
  pushSpan(sentences, text, start, text.length);
  return sentences;
}

/**
 * A half-width full stop ending a sentence (texts typed with half-width punctuation: …128件.其中…), not the
 * point of 36.8, 1.2万, a heading number (1.加强学法) or a web address.
 */
function isHalfWidthFullStop(text: string, i: number): boolean {
  if (text[i] !== '.') return false;
  const before = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  if (/[\dA-Za-z]/.test(before) && /[\dA-Za-z]/.test(after)) return false;
  // 1.加强学法 / (2).… at the start of a line: a list number.
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  if (/^\s*[(（]?\d{1,2}[)）]?$/.test(text.slice(lineStart, i))) return false;
  return /\p{Script=Han}|[%)）”"]/u.test(before);
}

function pushSpan(into: Span[], text: string, start: number, end: number): void {
  const span = trimSpan(text, start, end);
  if (span.text.length > 0) into.push(span);
}

/** Splits a sentence into clauses at commas and colons (not inside 9,353 or 10:27). */
export function splitClauses(text: string, sentence: Span): Span[] {
  const clauses: Span[] = [];
  let start = sentence.start;
  for (let i = sentence.start; i < sentence.end; i += 1) {
    const c = text[i] ?? '';
    if (!/[，,：:]/.test(c)) continue;
    if ((c === ',' || c === ':') && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
    if (i > start) clauses.push({ start, end: i, text: text.slice(start, i) });
    start = i + 1;
  }
  if (sentence.end > start) clauses.push({ start, end: sentence.end, text: text.slice(start, sentence.end) });
  return clauses;
}

const QUOTES_AND_SPACES = /[“”"‘’'「」『』\s]/g;

/** The wording of a context with quotation marks and spaces removed, for matching only. */
export function cleanForMatching(s: string): string {
  return s.replace(INCLUDING_ASIDE, '').replace(QUOTES_AND_SPACES, '');
}

/** An aside that widens rather than narrows what is counted: 行政处罚案件(含简易程序)215件. */
const INCLUDING_ASIDE = /[(（](?:含|包括|包含|其中含)[^()（）]{0,30}[)）]/g;

/** Counts Han characters, to judge whether a context says anything. */
export function hanCount(s: string): number {
  let count = 0;
  for (const c of s) if (/\p{Script=Han}/u.test(c)) count += 1;
  return count;
}

const HEADING_START = /^\s*(第[一二三四五六七八九十]+[部分章节]|[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.．](?!\d))/;
const PAGE_MARK = /^\s*(--\s*\d+\s*of\s*\d+\s*--|[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;

/**
 * PDF text layers break lines at the page width. Joins a line with the next when it fills the width and
 * does not end a sentence, and drops page-number lines, so sentences survive as one piece.
 */
export function unwrapPdfLines(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/\s+$/, '')).filter((line) => !PAGE_MARK.test(line));
  const lengths = lines.map((line) => line.trim().length).filter((n) => n >= 15);
  const fullWidth = typicalFullLength(lengths);
  if (fullWidth === null) return lines.join('\n');
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    const trimmed = line.trim();
    if (current === '') {
      current = trimmed;
      continue;
    }
    const fills = current.length >= Math.floor(fullWidth * 0.85);
    const endsSentence = /[。！？!?；;：:]$/.test(current);
    if (fills && !endsSentence && trimmed !== '' && !HEADING_START.test(trimmed)) {
      current += trimmed;
    } else {
      out.push(current);
      current = trimmed;
    }
  }
  if (current !== '') out.push(current);
  return out.join('\n');
}

/** The typical length of a full line: the median of the lines long enough to be body text. */
function typicalFullLength(lengths: number[]): number | null {
  if (lengths.length < 2) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}
