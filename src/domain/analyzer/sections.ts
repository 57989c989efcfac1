/**
 * Section detection: which of the parts required by 《法治政府建设与责任落实督察工作规定》 a report has.
 * A part counts only when the report gives it a heading of its own; a sentence inside another part
 * (e.g. "党政主要负责人履行…职责" in a list item about measures) does not.
 */
import type { SectionKey } from './types.ts';
import type { Span } from './text.ts';

export interface Heading {
  /** 0 第X部分, 1 一、, 2 （一）, 3 1., 4 （1）; 1 for an unnumbered heading line. */
  level: number;
  numbered: boolean;
  text: string;
  start: number;
  /** Where the part under this heading ends (the next heading of the same or a higher level). */
  end: number;
  kinds: SectionKey[];
}

const MARKERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^第[一二三四五六七八九十]{1,3}(部分|章)\s*[、.．:：]?\s*/, 0],
  [/^[一二三四五六七八九十]{1,3}\s*[、.．]\s*/, 1],
  [/^[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*[、.．]?\s*/, 2],
  [/^[一二三四五六七八九十]{1,3}[)）]\s*/, 2],
  [/^\d{1,2}\s*[、.．](?!\d)\s*/, 3],
  [/^[(（]\s*\d{1,2}\s*[)）]\s*/, 4],
  [/^\d{1,2}[)）]\s*/, 4],
  [/^[①②③④⑤⑥⑦⑧⑨⑩]\s*/, 4],
];

const MAX_HEADING_LENGTH = 60;
const MAX_UNNUMBERED_HEADING_LENGTH = 45;

const RESPONSIBILITY = /第一责任人|(党政)?主要负责人.{0,16}(职责|责任|履职)|党政主要负责人|一把手.{0,10}(职责|责任|履职)/;
const SHORTCOMINGS = /不足|短板|薄弱环节|存在(的)?(主要)?(问题|困难|差距)|问题(和|与|及)(原因|困难|差距)|困难和问题|面临的(问题|困难|挑战)/;
const NOT_SHORTCOMINGS = /补齐?短板|补短板|弥补不足|解决.{0,6}问题/;
const PLAN_WORDS = '(打算|安排|计划|思路|设想|谋划|展望|重点|目标|举措|措施|部署|方向)';
const PLAN = new RegExp(`(下一步|下一年度?|下年度|明年|今后|未来|下步).{0,20}(${PLAN_WORDS.slice(1, -1)}|工作)|工作(打算|思路|计划|设想)`);
const YEAR_PLAN = new RegExp(`((?:19|20)\\d{2})\\s*年度?.{0,24}${PLAN_WORDS}`);
const YEAR_WORK = /((?:19|20)\d{2})\s*年度?.{0,24}工作$/;
const OTHER = /其他(需要|应当|应)?(报告|说明)的?(情况|事项)?|^其他(有关|相关)?(情况|事项)$/;
const MEASURES = /举措|成效|成绩|做法|工作情况|开展情况|进展情况|主要工作|落实情况|推进情况|建设情况|完成情况|取得.{0,6}(突破|成效|进展)|工作开展|工作成果|主要成果/;

/** Classifies a heading's wording; `reportYear` tells a plan for next year from a review of this one. */
export function classifyHeading(text: string, reportYear: number | null): SectionKey[] {
  const kinds: SectionKey[] = [];
  if (RESPONSIBILITY.test(text)) kinds.push('responsibility');
  if (SHORTCOMINGS.test(text) && !NOT_SHORTCOMINGS.test(text)) kinds.push('shortcomings');
  if (isPlanHeading(text, reportYear)) kinds.push('plan');
  if (OTHER.test(text)) kinds.push('other');
  if (kinds.length === 0 && MEASURES.test(text)) kinds.push('measures');
  return kinds;
}

function isPlanHeading(text: string, reportYear: number | null): boolean {
  if (PLAN.test(text)) return true;
  for (const re of [YEAR_PLAN, YEAR_WORK]) {
    const match = re.exec(text);
    if (!match?.[1]) continue;
    const year = Number(match[1]);
    if (reportYear === null ? /打算|安排|计划|思路|设想/.test(text) : year > reportYear) return true;
  }
  return false;
}

/**
 * Whether the title promises next year's plan (…工作总结及2025年工作计划, …情况和下一步工作打算). A report whose
 * body then gives the plan without a heading of its own (a closing paragraph) still has the part.
 */
export function titleNamesPlan(title: string | null, reportYear: number | null): boolean {
  if (title === null) return false;
  if (/(下一步|下一年度?|下年度|明年|今后|下步).{0,20}(打算|安排|计划|思路|设想|重点|工作)/.test(title)) return true;
  for (const match of title.matchAll(/((?:19|20)\d{2})\s*年度?(?:法治政府建设|依法行政)?(?:工作)?(?:计划|打算|安排|思路|要点|设想)/g)) {
    if (reportYear !== null && Number(match[1]) > reportYear) return true;
  }
  return false;
}

/** Reads a line as a heading, or returns null. An inline heading ends at the first 。 of its line. */
export function readHeading(line: Span, reportYear: number | null): Omit<Heading, 'end'> | null {
  const text = line.text;
  for (const [marker, level] of MARKERS) {
    const match = marker.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length);
    const stop = rest.search(/[。！？!?]/);
    const headingText = stop === -1 ? rest : rest.slice(0, stop);
    const limit = level <= 1 ? MAX_HEADING_LENGTH : MAX_HEADING_LENGTH - 10;
    if (headingText.length === 0 || headingText.length > limit) return null;
    // A numbered item that runs on as a paragraph (1.认真学习了…，…，…) is a list item, not a heading.
    if (stop === -1 && (headingText.match(/[，,；;]/g)?.length ?? 0) >= 3) return null;
    return { level, numbered: true, text: headingText, start: line.start, kinds: classifyHeading(headingText, reportYear) };
  }
  if (text.length <= MAX_UNNUMBERED_HEADING_LENGTH && !/[。；;！？!?]/.test(text) && (text.match(/[，,]/g)?.length ?? 0) <= 1) {
    // Word's automatic numbering is lost in plain text, so a short line that names a part is a heading too.
    const kinds = classifyHeading(text, reportYear);
    if (kinds.length > 0) return { level: 1, numbered: false, text, start: line.start, kinds };
  }
  return null;
}

/** Finds the headings after the title line and the extent of each. */
export function detectHeadings(lines: Span[], fromLine: number, textLength: number, reportYear: number | null): Heading[] {
  const found: Array<Omit<Heading, 'end'>> = [];
  for (let i = Math.max(0, fromLine + 1); i < lines.length; i += 1) {
    const line = lines[i];
    if (!line || line.text === '') continue;
    const heading = readHeading(line, reportYear);
    if (heading) found.push(heading);
  }
  return found.map((heading, index) => {
    let end = textLength;
    for (let j = index + 1; j < found.length; j += 1) {
      const next = found[j];
      if (next && next.level <= heading.level) {
        end = next.start;
        break;
      }
    }
    return { ...heading, end };
  });
}

/**
 * Which parts the report has. `measures` is also granted by a top-level part that is none of the
 * others: reports title their review of the year in many ways (学习宣传…情况, 率先取得突破情况 …).
 */
export function summarizeSections(headings: Heading[]): Record<SectionKey, boolean> {
  const sections: Record<SectionKey, boolean> = { measures: false, shortcomings: false, responsibility: false, plan: false, other: false };
  const numbered = headings.filter((h) => h.numbered);
  const topLevel = numbered.length > 0 ? Math.min(...numbered.map((h) => h.level)) : 1;
  for (const heading of headings) {
    for (const kind of heading.kinds) {
      // A part of its own: the two highest heading levels of the report (or an unnumbered heading line).
      if ((kind === 'responsibility' || kind === 'other') && heading.numbered && heading.level > topLevel + 1) continue;
      sections[kind] = true;
    }
    if (heading.numbered && heading.level === topLevel && heading.kinds.length === 0 && heading.end - heading.start >= 80) {
      sections.measures = true;
    }
  }
  return sections;
}
