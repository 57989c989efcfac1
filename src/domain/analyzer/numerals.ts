/**
 * Numbers as Chinese reports write them: Arabic (1221, 9,353, 80.75), Chinese (一百二十二, 三千五百, 两),
 * mixed (1.2万, 3.88万元), with approximation marks (近15万份, 5000余份, 约840次, 300人左右).
 *
 * The scanner works on text passed through `normalizeForMatching` (full-width digits and signs already
 * half-width), so every offset it returns is also an offset into the original text.
 */
import { parseChineseInteger } from '../chinese-numerals.ts';

/**
 * Parses a Chinese numeral: positional (一百二十二 → 122) or, without any positional character, digit by digit as
 * years are written (二〇二四 → 2024). Returns null if `s` is not one.
 */
export const parseChineseNumeral = (s: string): number | null => parseChineseInteger(s, { digitByDigit: true });

/** Parses an Arabic number with optional thousands separators: "9,353" → 9353, "80.75" → 80.75. */
export function parseArabicNumber(s: string): number | null {
  const plain = s.replace(/,/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(plain)) return null;
  return Number(plain);
}

/** Rounds away binary noise (11.26 × 10000 = 112599.99999999999). */
export function roundValue(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Measure words recognized after a number, longest first. Written forms such as 场(次) and (场)次 are
 * normalized to 场次; money is normalized to 元 in the value.
 */
const MEASURE_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['场(次)', '场次'], ['(场)次', '场次'], ['场次', '场次'], ['次(场)', '场次'],
  ['人(次)', '人次'], ['人次', '人次'], ['辆(次)', '辆'], ['台次', '台次'], ['车次', '车次'], ['户次', '户次'],
  ['件次', '件次'], ['批次', '批次'], ['家次', '家次'], ['万元', '元'], ['亿元', '元'], ['元', '元'],
  ['%', '%'], ['次', '次'], ['场', '场'], ['期', '期'], ['班', '班'], ['轮', '轮'], ['批', '批'], ['人', '人'],
  ['名', '名'], ['位', '位'], ['件', '件'], ['起', '起'], ['宗', '宗'], ['项', '项'], ['个', '个'], ['份', '份'],
  ['册', '册'], ['本', '本'], ['张', '张'], ['条', '条'], ['例', '例'], ['篇', '篇'], ['家', '家'], ['处', '处'],
  ['卷', '卷'], ['单', '单'], ['户', '户'], ['台', '台'], ['辆', '辆'], ['部', '部'], ['类', '类'], ['种', '种'],
  ['遍', '遍'], ['组', '组'], ['支', '支'],
];
const MEASURE_BY_FORM = new Map(MEASURE_FORMS);
const MEASURE_MULTIPLIER: Record<string, number> = { 万元: 1e4, 亿元: 1e8 };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?`;
const CHINESE = '[零〇○一二两三四五六七八九十][零〇○一二两三四五六七八九十百千万亿]*';
// 百余场, 千余人次, 近百人次, 上千份: a bare 百/千/万 is a figure only with an approximation mark.
// 百分之百 is 100%, exactly.
const BARE_ROUND = `[百千万](?=[ \\t]*[余多])|(?<=(?:近|约|逾|超过|超|上)[ \\t]*)[百千万]|(?<=百分之[ \\t]*)百`;
const MEASURE_ALTERNATION = MEASURE_FORMS.map(([form]) => escapeRegExp(form)).join('|');
// Spaces may separate the parts: PDF text layers and many Word files write 学法 5 次, 5000 余份.
const SP = '[ \\t]*';
const QUANTITY_PATTERN = new RegExp(
  `(百分之${SP})?(${ARABIC}|${CHINESE}|${BARE_ROUND})${SP}([万亿千])?${SP}([余多])?${SP}([万亿])?${SP}(${MEASURE_ALTERNATION})?`,
  'g',
);

/** Characters that, right before a Chinese numeral, make it part of a word (统一, 之一, 第三, 数十). */
const WORD_BEFORE_CHINESE_NUMERAL = /[第统唯之同逐单万划初周期每数几若某其进专择这那哪任合]$/;
/** Words that, right after a number and its measure word, show it is not a count (一件事, 个百分点, 一次性). */
const NOT_A_COUNT_AFTER: ReadonlyArray<readonly [string, RegExp]> = [
  ['件', /^事/], ['个', /^百分点/], ['次', /^(性|办|到位|告知)/], ['条', /^例/], ['名', /^单/], ['本', /^(单位|级|部门|年)/],
  ['起', /^(草|诉|来|到|步|始)/], ['处', /^(罚|理|置|室|长)/], ['单', /^位/], ['类', /^(似|型)/], ['部', /^(门|署|分)/],
  ['人', /^(民|员|大|才|们|口|社)/], ['家', /^(庭|长|园|乡)/], ['批', /^(准|示|评|复)/], ['期', /^(间|限|末|初)/],
  ['台', /^(账|阶)/], ['份', /^(额)/], ['项', /^(目)/], ['班', /^(子|长)/], ['场', /^(所|地|景|合|馆)/],
  ['组', /^(织|成|长)/], ['支', /^(持|付|部|队伍)/], ['张', /^(贴|挂)/], ['位', /^(于|置)/], ['元', /^(旦)/],
];
const APPROX_BEFORE = /(将近|接近|大约|近|约|逾|超过|超|多达)$/;
const APPROX_AFTER = /^(左右|以上|上下|有余)/;
const RANGE_BEFORE = /[\d零〇○一二两三四五六七八九十][%个次件人名项]?\s*[-~～—–至到]\s*$/;
const RANGE_AFTER = /^\s*[-~～—–至到]\s*[\d零〇○一二两三四五六七八九十]/;

/** A measure word as written (场(次), 万元) in its normalized form and the factor it puts on the value. */
export function normalizeMeasure(form: string): { measure: string; multiplier: number } | null {
  const measure = MEASURE_BY_FORM.get(form);
  return measure === undefined ? null : { measure, multiplier: MEASURE_MULTIPLIER[form] ?? 1 };
}

const BARE_FIGURE = new RegExp(
  `^(将近|接近|近|约|逾|超过)?(${ARABIC})(万|亿)?(余|多)?(${MEASURE_ALTERNATION})?(左右|以上|有余)?$`,
);

/**
 * A table cell that holds a figure and nothing else ("126", "36.8万元", "1,280件", "98.5%", "300余"); the measure
 * is null when the cell has none (the column or the row label gives it). Spaces are ignored.
 */
export function readFigureCell(cell: string): { value: number; measure: string | null; approx: boolean } | null {
  const match = BARE_FIGURE.exec(cell.replace(/\s+/g, ''));
  if (!match) return null;
  const [, approxBefore, numeral = '', multiplier, approxMark, measureForm, approxAfter] = match;
  let value = parseArabicNumber(numeral);
  if (value === null) return null;
  if (multiplier === '万') value *= 1e4;
  if (multiplier === '亿') value *= 1e8;
  let measure: string | null = null;
  if (measureForm) {
    const normalized = normalizeMeasure(measureForm);
    if (!normalized) return null;
    measure = normalized.measure;
    value *= normalized.multiplier;
  }
  return { value: roundValue(value), measure, approx: Boolean(approxBefore || approxMark || approxAfter) };
}

export interface Quantity {
  /** Start of the quantity including an approximation word before it (近, 约). */
  start: number;
  /** Start of the number itself. */
  numberStart: number;
  /** End of the quantity including its measure word and a trailing 左右/以上. */
  end: number;
  value: number;
  /** Normalized measure word: 次, 人次, 件, 元, % … */
  measure: string;
  approx: boolean;
  raw: string;
}

/** Finds every number that carries a measure word (or is a percentage) in normalized text. */
export function scanQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  QUANTITY_PATTERN.lastIndex = 0;
  for (let match = QUANTITY_PATTERN.exec(text); match !== null; match = QUANTITY_PATTERN.exec(text)) {
    const [whole, percentWord, numeral = '', multiplierA, approxMark, multiplierB, measureForm] = match;
    const numberStart = match.index + (percentWord?.length ?? 0);
    const quantity = readQuantity(text, match.index, numberStart, whole, {
      percentWord, numeral, multiplierA, approxMark, multiplierB, measureForm,
    });
    if (quantity) found.push(quantity);
  }
  return found;
}

interface QuantityParts {
  percentWord: string | undefined;
  numeral: string;
  multiplierA: string | undefined;
  approxMark: string | undefined;
  multiplierB: string | undefined;
  measureForm: string | undefined;
}

function readQuantity(text: string, index: number, numberStart: number, whole: string, parts: QuantityParts): Quantity | null {
  const { percentWord, numeral, multiplierA, approxMark, multiplierB, measureForm } = parts;
  if (!measureForm && !percentWord) return null;
  const spacedBefore = text.slice(Math.max(0, index - 10), index);
  const before = spacedBefore.replace(/[ \t]+$/, '');
  const spaceBefore = spacedBefore.length - before.length;
  const isArabic = /^\d/.test(numeral);
  if (isArabic) {
    // Part of a code, a decimal or a version number rather than a count.
    if (/[\dA-Za-z.·/_#-]$/.test(before)) return null;
    if (/第$/.test(before) || /每$/.test(before)) return null;
    // 1，221项 (a full-width comma used as a thousands separator) or 3、5次: which figure is meant is unclear.
    if (/\d\s*[，,、]$/.test(before)) return null;
  } else {
    if (WORD_BEFORE_CHINESE_NUMERAL.test(before) || /成百上$/.test(before)) return null;
    // 三四次, 二三十人: a range, not a figure.
    if (/[一二两三四五六七八九][一二两三四五六七八九]/.test(numeral)) return null;
    if (!/[十百千万亿]/.test(numeral) && numeral.length > 1) return null;
    // 一起 (together), 一次性 … : 一 with these measure words is rarely a count.
    if (numeral === '一' && measureForm === '起') return null;
  }
  let measure = measureForm ? (MEASURE_BY_FORM.get(measureForm) ?? measureForm) : '%';
  if (percentWord) {
    if (measureForm) return null;
    measure = '%';
  }
  // A figure's own trailing spaces belong to the text after it, not to the quantity.
  const wholeTrimmed = whole.replace(/[ \t]+$/, '');
  const afterStart = index + wholeTrimmed.length;
  const after = text.slice(afterStart, afterStart + 6);
  const exclusion = NOT_A_COUNT_AFTER.find(([form]) => form === measure);
  if (exclusion && exclusion[1].test(after)) return null;
  if (RANGE_BEFORE.test(before) || RANGE_AFTER.test(after)) return null;

  let value = isArabic ? parseArabicNumber(numeral) : parseChineseNumeral(numeral);
  if (value === null) return null;
  for (const multiplier of [multiplierA, multiplierB]) {
    if (multiplier === '万') value *= 1e4;
    else if (multiplier === '亿') value *= 1e8;
    else if (multiplier === '千') value *= 1e3;
  }
  value *= MEASURE_MULTIPLIER[measureForm ?? ''] ?? 1;
  value = roundValue(value);

  let start = index;
  // A bare 百/千/万 (百余场, 近千份) is a round figure, never an exact one.
  let approx = Boolean(approxMark) || (!percentWord && /^[百千万]$/.test(numeral));
  const approxBefore = APPROX_BEFORE.exec(before);
  if (approxBefore) {
    approx = true;
    start = index - spaceBefore - approxBefore[0].length;
  }
  let end = afterStart;
  const approxAfter = APPROX_AFTER.exec(after.replace(/^[ \t]+/, ''));
  if (approxAfter) {
    approx = true;
    end += after.length - after.replace(/^[ \t]+/, '').length + approxAfter[0].length;
  }
  return { start, numberStart, end, value, measure, approx, raw: text.slice(start, end) };
}
