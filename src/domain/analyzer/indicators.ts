/**
 * Indicator extraction: each figure is tied to the indicator its clause describes (rules.ts), after
 * figures that cannot be this year's value are set aside — other years, comparisons (同比), targets,
 * breakdowns (其中) and lists whose items are unclear (分别). A wrong figure costs more than a missing one.
 */
import { indicatorCatalog, indicatorMeasure, indicatorUnit } from './catalog.ts';
import type { IndicatorKey } from './catalog.ts';
import { scanQuantities } from './numerals.ts';
import type { Quantity } from './numerals.ts';
import { compileRules, fixedPhraseRules, FIGURE_MARK, indicatorRules } from './rules.ts';
import type { CompiledRule } from './rules.ts';
import { readTableFigures } from './tables.ts';
import type { TableFigure } from './tables.ts';
import { cleanForMatching, hanCount, splitClauses, splitLines, splitSentences } from './text.ts';
import type { Span } from './text.ts';
import type { IndicatorMention } from './types.ts';

export interface ExtractOptions {
  /** The year reported on; figures stated for another year are left out. */
  reportYear: number | null;
  /** Ranges not to read figures from (the title, the next year's plan). */
  skip?: ReadonlyArray<{ start: number; end: number }>;
}

const compiledRules: readonly CompiledRule[] = compileRules(indicatorRules);
const compiledPhrases = fixedPhraseRules.map((rule) => ({ rule, re: new RegExp(rule.phrase, 'g') }));

// Not 为 or 计 alone: they end words too (违法行为, 设计).
const FILLERS_AT_END = /(共计|合计|总计|累计|共|达到|达|高达|多达|分别为|均为|总数为|实现|将近|大约|约|近|逾|超过|超|已|了|的)+$/;
const COMPARISON = /同比|环比|(比|较|与|和|相比)(上年|去年|上一年度?|前年|(?:19|20)\d{2}\s*年)(同期)?/;
const CHANGE_AT_END = /(增长|增加|上升|提高|提升|下降|减少|降低|缩减|增幅|降幅|减幅|增长率|下降率)(了|为|达|约|近)*$/;
// 下一步/明年: a closing paragraph that plans next year without a heading of its own.
const TARGET = /力争|预计|争取|目标(是|为|值)|拟(开展|举办|完成|组织)|将(达到|实现|完成)|将(继续|持续|进一步)(开展|组织|举办|培训|发放|办理)|计划(于|在)?(明年|下一?年|(?:19|20)\d{2}\s*年)|下一步|下一年度?|下年度|明年|来年/;
const AMBIGUOUS_LIST = /分别/;
/** Between two figures of one list: a noun, then 、 (28份文件、9份合同) — or 、, then a noun (合同33份、文件12件). */
const NUMBER_FIRST_LINK = /^\p{Script=Han}{1,12}[、和及与]$/u;
const NOUN_FIRST_LINK = /^[、和及与]\p{Script=Han}{1,12}$/u;
const BREAKDOWN = '其中';

const EXPLICIT_YEAR = /((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年/g;
const OTHER_YEAR_WORDS = /上年度?|去年|上一年度?|前年|往年|历年|以往|近年来|近几年|近[一二两三四五六七八九十\d]+年|[二三四五六七八九十\d]+年来|多年来/g;
const CURRENT_YEAR_WORDS = /今年|本年度?|全年|年内|当年|年度内/g;
const CN_YEAR_DIGITS: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * Whether the text of the sentence before a figure last speaks of another year (2022年, 上年, 近三年).
 * Book titles (《…2021—2025年规划》), year ranges and comparisons (比上年) do not set the year.
 */
export function speaksOfAnotherYear(before: string, reportYear: number | null): boolean {
  const masked = before
    .replace(/《[^》]*》/g, (s) => ' '.repeat(s.length))
    .replace(/(?:19|20)\d{2}\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年/g, (s) => ' '.repeat(s.length))
    .replace(new RegExp(COMPARISON.source, 'g'), (s) => ' '.repeat(s.length));
  let lastAt = -1;
  let lastIsOther = false;
  for (const match of masked.matchAll(EXPLICIT_YEAR)) {
    const token = match[1] ?? '';
    const year = Number(/^\d/.test(token) ? token : [...token].map((c) => CN_YEAR_DIGITS[c] ?? '').join(''));
    if (match.index >= lastAt) {
      lastAt = match.index;
      lastIsOther = reportYear !== null && year !== reportYear;
    }
  }
  for (const match of masked.matchAll(OTHER_YEAR_WORDS)) {
    if (match.index >= lastAt) {
      lastAt = match.index;
      lastIsOther = true;
    }
  }
  for (const match of masked.matchAll(CURRENT_YEAR_WORDS)) {
    if (match.index > lastAt) {
      lastAt = match.index;
      lastIsOther = false;
    }
  }
  return lastIsOther;
}

interface Candidate {
  mention: IndicatorMention;
  figureStart: number;
}

/**
 * Reads the catalog indicators from a report. `normalized` is `normalizeForMatching(text)`; evidence and
 * offsets refer to `text`.
 */
export function extractIndicators(text: string, normalized: string, options: ExtractOptions): IndicatorMention[] {
  const skip = [...(options.skip ?? []), ...bookTitleRanges(normalized)];
  const quantities = scanQuantities(normalized);
  const sentences = splitSentences(normalized);
  const candidates: Candidate[] = [];
  let previousKeys = new Set<IndicatorKey>();
  let q = 0;
  for (const sentence of sentences) {
    while (q < quantities.length && (quantities[q]?.start ?? Infinity) < sentence.start) q += 1;
    const inSentence: Quantity[] = [];
    while (q < quantities.length && (quantities[q]?.start ?? Infinity) < sentence.end) {
      const quantity = quantities[q];
      if (quantity) inSentence.push(quantity);
      q += 1;
    }
    if (inSentence.length === 0) {
      previousKeys = new Set();
      continue;
    }
    const found = readSentence(text, normalized, sentence, inSentence, skip, options.reportYear, previousKeys);
    candidates.push(...found);
    previousKeys = new Set(found.map((c) => c.mention.key));
  }
  candidates.push(...readFixedPhrases(text, normalized, sentences, skip, options.reportYear));
  const tables = readTableFigures(splitLines(normalized), options.reportYear);
  const tableCandidates = tables.figures.flatMap((figure) => readTableFigure(text, figure, skip, options.reportYear));
  // A table row is read as a row: its label names the figure, its header the year of each column.
  const rowsReadAsTables = [...tables.multiColumnRows, ...tableCandidates.map((c) => ({ start: c.mention.start, end: c.mention.start + c.mention.text.length }))];
  const outsideTables = candidates.filter((c) => !rowsReadAsTables.some((row) => c.figureStart >= row.start && c.figureStart < row.end));
  candidates.length = 0;
  candidates.push(...outsideTables, ...tableCandidates);
  candidates.sort((a, b) => a.figureStart - b.figureStart);
  return candidates.map((candidate) => candidate.mention);
}

function readSentence(
  text: string,
  normalized: string,
  sentence: Span,
  quantities: Quantity[],
  skip: ReadonlyArray<{ start: number; end: number }>,
  reportYear: number | null,
  previousKeys: ReadonlySet<IndicatorKey>,
): Candidate[] {
  const clauses = splitClauses(normalized, sentence);
  const breakdownAt = normalized.slice(sentence.start, sentence.end).indexOf(BREAKDOWN);
  const breakdownStart = breakdownAt === -1 ? Infinity : sentence.start + breakdownAt;
  const evidence = text.slice(sentence.start, sentence.end);
  const found: Candidate[] = [];
  const quantitiesByClause = new Map<Span, Quantity[]>();
  for (const quantity of quantities) {
    if (skip.some((range) => quantity.start >= range.start && quantity.start < range.end)) continue;
    const clause = clauses.find((c) => quantity.start >= c.start && quantity.start < c.end);
    if (!clause) continue;
    let clauseQuantities = quantitiesByClause.get(clause);
    if (!clauseQuantities) {
      clauseQuantities = quantities.filter((q) => q.start >= clause.start && q.end <= clause.end);
      quantitiesByClause.set(clause, clauseQuantities);
    }
    const at = clauseQuantities.indexOf(quantity);
    const previous = at > 0 ? clauseQuantities[at - 1] : undefined;
    const next = clauseQuantities[at + 1];
    const previousInClause = previous && previous.end <= quantity.start ? previous : undefined;
    const between = (a: Quantity, b: Quantity) => cleanForMatching(normalized.slice(a.end, b.start));
    // 对28份文件、9份合同进行了合法性审查: figures each before their noun, the verb after the last one.
    const numberFirstLink = (a: Quantity | undefined, b: Quantity | undefined) => Boolean(a && b && NUMBER_FIRST_LINK.test(between(a, b)));
    // 审查行政合同33份、规范性文件12件: figures each after their noun, the verb before the first one.
    const nounFirstLink = (a: Quantity | undefined, b: Quantity | undefined) => Boolean(a && b && NOUN_FIRST_LINK.test(between(a, b)));
    let chainStart = at;
    while (chainStart > 0 && numberFirstLink(clauseQuantities[chainStart - 1], clauseQuantities[chainStart])) chainStart -= 1;
    let chainEnd = at;
    while (chainEnd + 1 < clauseQuantities.length && numberFirstLink(clauseQuantities[chainEnd], clauseQuantities[chainEnd + 1])) chainEnd += 1;
    const first = clauseQuantities[chainStart] ?? quantity;
    const last = clauseQuantities[chainEnd] ?? quantity;
    const beforeFirst = clauseQuantities[chainStart - 1];
    const nearStart = beforeFirst && beforeFirst.end <= first.start ? beforeFirst.end : clause.start;

    let near = cleanForMatching(normalized.slice(nearStart, first.start));
    let clauseBefore = cleanForMatching(normalized.slice(clause.start, quantity.start));
    let enumerated: string | null = null;
    if (hanCount(clauseBefore) < 2) {
      // 制定…重大行政决策事项目录，共5项: the figure stands alone, the clause before says what it counts.
      const clauseIndex = clauses.indexOf(clause);
      const previousClause = clauseIndex > 0 ? clauses[clauseIndex - 1] : undefined;
      if (previousClause) clauseBefore = cleanForMatching(withoutFigures(normalized, previousClause.start, clause.start, quantities)) + clauseBefore;
      near = clauseBefore;
    } else if (chainStart === at && hanCount(near) < 2) {
      // 两批135项: nothing between the two figures, so the clause start says what is counted.
      near = clauseBefore;
    } else if (chainStart === at && previousInClause && /^[、和及与]/.test(near)) {
      // 进驻部门32个、事项1568项: an enumeration shares the words before its first figure; its own noun is tried first.
      let listStart = at - 1;
      while (listStart > 0 && nounFirstLink(clauseQuantities[listStart - 1], clauseQuantities[listStart])) listStart -= 1;
      const listFirst = clauseQuantities[listStart];
      const listBefore = clauseQuantities[listStart - 1];
      const from = listBefore && listFirst && listBefore.end <= listFirst.start ? listBefore.end : clause.start;
      enumerated = cleanForMatching(normalized.slice(from, listFirst?.start ?? from)) + near.replace(/^[、和及与]+/, '');
      near = near.replace(/^[、和及与]+/, '');
    }
    let after: string;
    // The words after the list's last figure, shared by every item (…进行了合法性审查), tried after the item's own noun.
    let sharedAfter: string | null = null;
    if (chainEnd > at) {
      after = between(quantity, clauseQuantities[at + 1] ?? quantity).replace(/[、和及与]$/, '');
      sharedAfter = after + afterOf(normalized, last, clauseQuantities[chainEnd + 1], clause);
    } else if (nounFirstLink(quantity, next)) {
      after = '';
    } else {
      after = afterOf(normalized, quantity, next, clause);
    }

    if (COMPARISON.test(clauseBefore) || CHANGE_AT_END.test(near) || TARGET.test(clauseBefore) || AMBIGUOUS_LIST.test(enumerated ?? near)) continue;
    const sentenceBefore = normalized.slice(sentence.start, quantity.start);
    if (speaksOfAnotherYear(sentenceBefore, reportYear)) continue;

    // A context that is nothing but fillers (共, 达到) keeps them rather than becoming empty.
    const contextOf = (words: string, wordsAfter: string = after) => {
      const trimmed = words.replace(FILLERS_AT_END, '');
      return (hanCount(trimmed) > 0 ? trimmed : words) + FIGURE_MARK + wordsAfter;
    };
    const contexts = [contextOf(near)];
    if (enumerated !== null) contexts.push(contextOf(enumerated));
    if (sharedAfter !== null) contexts.push(contextOf(near, sharedAfter));
    let rule: CompiledRule | undefined;
    for (const context of contexts) {
      rule = compiledRules.find((candidate) => matches(candidate, quantity.measure, context, evidence, sentenceBefore));
      if (rule) break;
    }
    if (!rule) continue;
    found.push({
      figureStart: quantity.start,
      mention: {
        key: rule.rule.key,
        value: quantity.value,
        unit: indicatorUnit(rule.rule.key),
        approx: quantity.approx,
        text: evidence,
        start: sentence.start,
      },
    });
  }
  // After 其中 come parts of a total given before it (in this sentence, or in the previous one when the
  // sentence opens with 其中): the same indicator again is a part, not the value.
  const keysBeforeBreakdown = new Set(found.filter((c) => c.figureStart < breakdownStart).map((c) => c.mention.key));
  if (breakdownAt !== -1 && breakdownAt <= 2) for (const key of previousKeys) keysBeforeBreakdown.add(key);
  return found.filter((c) => c.figureStart < breakdownStart || !keysBeforeBreakdown.has(c.mention.key));
}

/** Catalog names as table labels: 行政处罚案件数, 罚没金额, “一件事”套餐数 … (quotes, asides and a final 数 ignored). */
const canonicalLabel = (s: string) => s.replace(/[“”"'‘’\s]/g, '').replace(/[(（][^)）]*[)）]/g, '');
const CATALOG_LABELS = new Map<string, IndicatorKey>(
  indicatorCatalog.flatMap((entry) => {
    const name = canonicalLabel(entry.name);
    const short = name.replace(/(数量|数|量)$/, '');
    return [[name, entry.key] as const, [short, entry.key] as const, [`${short}数量`, entry.key] as const];
  }),
);

/** Whether a figure with this measure (null: the table gives none) can be a value of the key. */
function fitsKey(key: IndicatorKey, measure: string | null): boolean {
  const kind = indicatorMeasure(key);
  if (kind === 'rate') return measure === '%';
  if (kind === 'amount') return measure === '元';
  return measure !== '%' && measure !== '元';
}

/** The indicator a table row names: its label is a catalog name, or reads as the rules' wording before a figure. */
function readTableFigure(text: string, figure: TableFigure, skip: ReadonlyArray<{ start: number; end: number }>, reportYear: number | null): Candidate[] {
  if (skip.some((range) => figure.figureStart >= range.start && figure.figureStart < range.end)) return [];
  if (speaksOfAnotherYear(figure.label, reportYear) || TARGET.test(figure.label) || COMPARISON.test(figure.label) || CHANGE_AT_END.test(figure.label)) return [];
  let key: IndicatorKey | undefined = CATALOG_LABELS.get(canonicalLabel(figure.label));
  if (key !== undefined && !fitsKey(key, figure.measure)) key = undefined;
  if (key === undefined) {
    const context = cleanForMatching(figure.label) + FIGURE_MARK;
    const rule = compiledRules.find((candidate) =>
      figure.measure === null
        ? fitsKey(candidate.rule.key, null) && matches({ ...candidate, measures: new Set([''] as const) }, '', context, figure.label, figure.label)
        : matches(candidate, figure.measure, context, figure.label, figure.label),
    );
    key = rule?.rule.key;
  }
  if (key === undefined) return [];
  return [{
    figureStart: figure.figureStart,
    mention: { key, value: figure.value, unit: indicatorUnit(key), approx: figure.approx, text: text.slice(figure.start, figure.end), start: figure.start },
  }];
}

/** The words after a figure, up to the next figure of its clause or the clause end (at most 40 characters). */
function afterOf(normalized: string, quantity: Quantity, next: Quantity | undefined, clause: Span): string {
  const afterEnd = next && next.start < clause.end && next.start >= quantity.end ? next.start : clause.end;
  const words = normalized.slice(quantity.end, Math.min(afterEnd, quantity.end + 40));
  // 128件(其中简易程序30件): a breakdown in brackets after the figure is about its parts, not about it.
  const aside = words.search(/[(（]\s*(其中|含|包括|包含)/);
  return cleanForMatching(aside === -1 ? words : words.slice(0, aside));
}

/** The text of [start, end) with the figures in it left out. */
function withoutFigures(normalized: string, start: number, end: number, quantities: readonly Quantity[]): string {
  let out = '';
  let at = start;
  for (const quantity of quantities) {
    if (quantity.end <= start || quantity.start >= end) continue;
    out += normalized.slice(at, Math.max(at, quantity.start));
    at = Math.max(at, quantity.end);
  }
  return out + normalized.slice(at, end);
}

function matches(rule: CompiledRule, measure: string, context: string, sentence: string, sentenceBefore: string): boolean {
  if (!rule.measures.has(measure)) return false;
  if (!rule.around.some((re) => re.test(context))) return false;
  if (rule.not?.test(context)) return false;
  if (rule.sentence && !rule.sentence.test(sentence)) return false;
  if (rule.notEarlier?.test(sentenceBefore)) return false;
  return true;
}

function readFixedPhrases(
  text: string,
  normalized: string,
  sentences: Span[],
  skip: ReadonlyArray<{ start: number; end: number }>,
  reportYear: number | null,
): Candidate[] {
  const found: Candidate[] = [];
  for (const { rule, re } of compiledPhrases) {
    re.lastIndex = 0;
    for (const match of normalized.matchAll(re)) {
      const at = match.index;
      if (skip.some((range) => at >= range.start && at < range.end)) continue;
      const sentence = sentences.find((s) => at >= s.start && at < s.end);
      if (!sentence) continue;
      const before = normalized.slice(sentence.start, at);
      if (TARGET.test(before) || speaksOfAnotherYear(before, reportYear)) continue;
      found.push({
        figureStart: at,
        mention: { key: rule.key, value: rule.value, unit: indicatorUnit(rule.key), approx: false, text: text.slice(sentence.start, sentence.end), start: sentence.start },
      });
    }
  }
  return found;
}

function bookTitleRanges(normalized: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const match of normalized.matchAll(/《[^》\n]{0,120}》/g)) ranges.push({ start: match.index, end: match.index + match[0].length });
  return ranges;
}
