/** Title, reporting body, year reported on and signing/publication date of an annual report. */
import { parseChineseNumeral } from './numerals.ts';
import type { Span } from './text.ts';

const CN_DIGIT = '[〇○零一二三四五六七八九]';
const CN_SMALL = '[一二三四五六七八九十]';
const DATE_PATTERNS: ReadonlyArray<RegExp> = [
  /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/,
  /(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/,
  new RegExp(`(${CN_DIGIT}{4})\\s*年\\s*(${CN_SMALL}{1,3})\\s*月\\s*(${CN_SMALL}{1,3})\\s*日`),
];
const DATE_ANYWHERE = new RegExp(DATE_PATTERNS.map((re) => re.source).join('|'));

/** Reads a date written as 2024年1月12日, 2024-01-12 or 二〇二四年一月十二日 into ISO form. */
export function parseDate(s: string): string | null {
  for (const re of DATE_PATTERNS) {
    const match = re.exec(s);
    if (!match) continue;
    const [, y = '', m = '', d = ''] = match;
    const year = /^\d/.test(y) ? Number(y) : parseChineseNumeral(y);
    const month = /^\d/.test(m) ? Number(m) : parseChineseNumeral(m);
    const day = /^\d/.test(d) ? Number(d) : parseChineseNumeral(d);
    if (year === null || month === null || day === null) continue;
    if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) continue;
    return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

/** A reporting body's name ends in one of these. */
const ORGANIZATION_END = /(局|委员会|委|办公室|办事处|政府|街道|镇|乡|厅|院|中心|大队|支队|总队|队|所|站|部|署|会|党组|党委|工委|公司|集团|管委会|管理处|办)$/;
const NOT_ORGANIZATION = /[，。,；;：:！？!?、《》“”]|网站|主办|承办|版权|联系|电话|地址|邮编|来源|首页|当前位置|ICP|备案/;

/** Whether a line could be a reporting body's name on its own (a letterhead or a signature line). */
export function looksLikeOrganization(line: string): boolean {
  const compact = line.replace(/\s+/g, '');
  return compact.length >= 3 && compact.length <= 40 && ORGANIZATION_END.test(compact) && !NOT_ORGANIZATION.test(compact);
}

/**
 * The body as the report names it: without a 中共 prefix and 党组/党委 suffix when these only wrap the
 * bureau (中共云阳县城市管理局党组 → 云阳县城市管理局).
 */
export function cleanOrganization(name: string): string {
  let org = name.replace(/\s+/g, '');
  const party = /^中共(.+?)(党组|党委|党总支|党支部)$/.exec(org);
  if (party?.[1] && ORGANIZATION_END.test(party[1])) org = party[1];
  else if (/(党组|党委)$/.test(org)) {
    const inner = org.replace(/(党组|党委)$/, '');
    if (ORGANIZATION_END.test(inner)) org = inner;
  }
  return org;
}

/** Picks the government body among several names (a party committee and its office both sign). */
function preferGovernmentBody(names: string[]): string | null {
  const government = names.find((name) => !/^中共/.test(name) && !/(党组|党委|工委|工作委员会)$/.test(name));
  const chosen = government ?? names[0];
  return chosen ? cleanOrganization(chosen) : null;
}

export interface TitleInfo {
  title: string | null;
  /** Index of the (last) title line in `lines`, or -1. */
  lineIndex: number;
  /** Index of the first title line (a title may be broken over two lines). */
  firstLineIndex: number;
  /** Offsets of the title in the text (the lines it spans). */
  start: number;
  end: number;
}

const TITLE_SCAN_LINES = 40;
const YEAR_IN_TEXT = new RegExp(`((?:19|20)\\d{2}|${CN_DIGIT}{4})\\s*年`);

/** The report's title: an early line that names a 报告 on 法治 (joined with the next line if it was broken). */
export function findTitle(lines: Span[]): TitleInfo {
  const candidates = lines.slice(0, TITLE_SCAN_LINES * 3).map((line, index) => ({ line, index })).filter(({ line }) => line.text.length > 0).slice(0, TITLE_SCAN_LINES);
  const isTitleLike = (s: string) => s.length <= 80 && !/[>»]|当前位置|首页|现将|如下/.test(s) && !/[。：:，,；;]$/.test(s);
  // A title with a year first: a web page's menu may also hold a link named 法治政府建设年度报告.
  for (const needYear of [true, false]) {
    for (const { line, index } of candidates) {
      if (!/报告/.test(line.text) || !/法治|依法行政|法制/.test(line.text) || !isTitleLike(line.text)) continue;
      if (needYear && !YEAR_IN_TEXT.test(line.text)) continue;
      return { title: line.text, lineIndex: index, firstLineIndex: index, start: line.start, end: line.end };
    }
  }
  for (let i = 0; i + 1 < candidates.length; i += 1) {
    const first = candidates[i];
    const second = candidates[i + 1];
    if (!first || !second) continue;
    const joined = first.line.text + second.line.text;
    if (/法治|依法行政/.test(first.line.text) && /报告$/.test(second.line.text) && joined.length <= 80 && !/[，。,]/.test(joined)) {
      return { title: joined, lineIndex: second.index, firstLineIndex: first.index, start: first.line.start, end: second.line.end };
    }
  }
  for (const { line, index } of candidates) {
    if (/报告$/.test(line.text) && isTitleLike(line.text)) return { title: line.text, lineIndex: index, firstLineIndex: index, start: line.start, end: line.end };
  }
  const first = candidates[0];
  if (first && first.line.text.length <= 80) return { title: first.line.text, lineIndex: first.index, firstLineIndex: first.index, start: first.line.start, end: first.line.end };
  return { title: null, lineIndex: -1, firstLineIndex: -1, start: 0, end: 0 };
}


/** A year in the title that names next year's plan (…及2025年工作计划), not the year reported on. */
const PLAN_AFTER_YEAR = /^\s*年度?(?:法治政府建设|依法行政)?(?:工作)?(?:计划|打算|安排|思路|要点|设想)/;

/** The year a title reports on: its first year that is not the year of a plan it also names. */
function reviewedYearInTitle(title: string): number | null {
  let planYear: number | null = null;
  for (const match of title.matchAll(new RegExp(YEAR_IN_TEXT.source.replace('\\s*年', ''), 'g'))) {
    const year = match[1] ? readYear(match[1]) : null;
    if (year === null) continue;
    if (!PLAN_AFTER_YEAR.test(title.slice(match.index + match[0].length))) return year;
    planYear ??= year;
  }
  return planYear === null ? null : planYear - 1;
}

function readYear(token: string): number | null {
  const year = /^\d/.test(token) ? Number(token) : parseChineseNumeral(token);
  return year !== null && year >= 1990 && year <= 2100 ? year : null;
}

/**
 * The year reported on: the year in the title, else the year the opening says it reports on (现将2023年…),
 * else the most frequent year in the body, else the year before an early-in-the-year signing date.
 */
export function extractYear(title: string | null, body: string, date: string | null): number | null {
  const titleYear = title ? reviewedYearInTitle(title) : null;
  if (titleYear !== null) return titleYear;
  const opening = body.slice(0, 1500);
  const announced = new RegExp(`现将.{0,30}?((?:19|20)\\d{2}|${CN_DIGIT}{4})\\s*年`).exec(opening);
  const announcedYear = announced?.[1] ? readYear(announced[1]) : null;
  if (announcedYear !== null) return announcedYear;
  const counts = new Map<number, number>();
  const withoutBookTitles = body.replace(/《[^》]{0,80}》/g, '').replace(/\d{4}\s*[-—–~至到]\s*\d{4}\s*年/g, '');
  for (const match of withoutBookTitles.matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)/g)) {
    const year = match[1] ? readYear(match[1]) : null;
    if (year !== null) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount) {
      best = year;
      bestCount = count;
    }
  }
  if (best !== null && bestCount >= 2) return best;
  if (date) {
    const [y, m] = date.split('-').map(Number);
    if (y !== undefined && m !== undefined) return m <= 6 ? y - 1 : y;
  }
  return best;
}

export interface DateInfo {
  date: string | null;
  /** Index of the signature date line, or -1 when the date came from a label or was not found. */
  lineIndex: number;
}

const STANDALONE_DATE = new RegExp(`^[(（]?\\s*(?:${DATE_ANYWHERE.source})\\s*[)）]?$`);
const LABELED_DATE = /(成文日期|印发日期|签发日期|发文日期|发布日期|发布时间|公开日期|日期|时间)\s*[:：]?\s*/;

/**
 * The date the report was signed (a date on a line of its own, preferably right under the signing body)
 * or, failing that, published (成文日期 / 发布时间 labels of a web page).
 */
export function extractDate(lines: Span[], fromLine: number): DateInfo {
  let lastStandalone = -1;
  let signature = -1;
  for (let i = Math.max(0, fromLine); i < lines.length; i += 1) {
    const text = withoutClosingFormula(lines[i]?.text ?? '');
    if (!isStandaloneDate(text)) continue;
    if (!parseDate(text)) continue;
    lastStandalone = i;
    const previous = previousNonEmpty(lines, i);
    if (previous !== -1 && looksLikeOrganization(lines[previous]?.text ?? '')) signature = i;
  }
  const chosen = signature !== -1 ? signature : lastStandalone;
  if (chosen !== -1) return { date: parseDate(lines[chosen]?.text ?? ''), lineIndex: chosen };

  for (const label of ['成文日期', '印发日期', '签发日期', '发文日期', '发布日期', '发布时间', '公开日期', '日期', '时间']) {
    for (const line of lines) {
      const at = line.text.indexOf(label);
      if (at === -1) continue;
      const rest = line.text.slice(at);
      const labeled = LABELED_DATE.exec(rest);
      if (!labeled || labeled.index !== 0 || labeled[1] !== label) continue;
      const date = parseDate(rest.slice(labeled[0].length, labeled[0].length + 24));
      if (date) return { date, lineIndex: -1 };
    }
  }
  return { date: approvalDate(lines, fromLine), lineIndex: -1 };
}

/** 特此报告。 closing the body on the signature's own line: 特此报告。 XX局 2025年1月8日 */
function withoutClosingFormula(text: string): string {
  return text.replace(/^(特此报告|专此报告|特此汇报|以上报告)[。.！!]?\s*/, '');
}

const REPORT_APPROVED = /(本|此|该|这份)?报告|审议通过|审定|印发|报送|发布|公布/;
const APPROVED_VERB = /审议通过|审定|印发|报送|发布|公布/;

/**
 * A date the body gives for the report itself, when no line signs or labels one:
 * "本报告经2025年1月15日局党组会议审议通过". Only a sentence that speaks of the report and its approval
 * or release counts; other dates in the body are events of the year.
 */
function approvalDate(lines: Span[], fromLine: number): string | null {
  for (let i = Math.max(0, fromLine); i < lines.length; i += 1) {
    for (const sentence of (lines[i]?.text ?? '').split(/[。；;！？!?]/)) {
      if (!/(本|此|该|这份)报告/.test(sentence) || !APPROVED_VERB.test(sentence) || !REPORT_APPROVED.test(sentence)) continue;
      const date = DATE_ANYWHERE.exec(sentence);
      const parsed = date ? parseDate(date[0]) : null;
      if (parsed) return parsed;
    }
  }
  return null;
}

function isStandaloneDate(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  if (STANDALONE_DATE.test(compact)) return true;
  // The body and the date on one signature line: 云阳县城市管理局 2024年1月12日
  const dated = new RegExp(`^(.{3,40}?)\\s+(?:${DATE_ANYWHERE.source})$`).exec(text.trim());
  return Boolean(dated?.[1] && looksLikeOrganization(dated[1]));
}

function previousNonEmpty(lines: Span[], index: number): number {
  for (let i = index - 1; i >= 0 && i >= index - 3; i -= 1) if ((lines[i]?.text ?? '') !== '') return i;
  return -1;
}

/**
 * The reporting body, looked for in the signature (lines above the signing date), then in the title
 * (杭州市城管局2023年…报告, XX局关于…的报告), then in the letterhead lines above or below the title.
 */
export function extractOrganization(lines: Span[], title: TitleInfo, dateLineIndex: number): string | null {
  if (dateLineIndex !== -1) {
    const dateLine = withoutClosingFormula(lines[dateLineIndex]?.text ?? '');
    const sameLine = new RegExp(`^(.{3,40}?)\\s+(?:${DATE_ANYWHERE.source})$`).exec(dateLine.trim());
    const names: string[] = [];
    if (sameLine?.[1] && looksLikeOrganization(sameLine[1])) names.push(sameLine[1]);
    for (let i = dateLineIndex - 1; i >= 0 && i >= dateLineIndex - 4; i -= 1) {
      const text = lines[i]?.text ?? '';
      if (text === '') continue;
      if (!looksLikeOrganization(text)) break;
      names.unshift(text);
    }
    const chosen = preferGovernmentBody(names);
    if (chosen) return chosen;
  }
  if (title.title) {
    const name = titlePrefix(title.title);
    if (name && looksLikeOrganization(name)) return cleanOrganization(name);
  }
  const place = title.title ? titlePrefix(title.title) : null;
  if (title.lineIndex !== -1) {
    const above: string[] = [];
    for (let i = title.firstLineIndex - 1; i >= 0 && i >= title.firstLineIndex - 4; i -= 1) {
      const text = lines[i]?.text ?? '';
      if (text === '') continue;
      if (!looksLikeOrganization(text)) break;
      above.unshift(text);
    }
    const chosen = preferGovernmentBody(above);
    if (chosen) return chosen;
    for (let i = title.lineIndex + 1; i < lines.length && i <= title.lineIndex + 3; i += 1) {
      const text = (lines[i]?.text ?? '').replace(/^[(（]|[)）]$/g, '');
      if (text === '') continue;
      if (looksLikeOrganization(text)) return cleanOrganization(text);
    }
  }
  const titlePlace = place && /[省市县区旗州盟镇乡]$/.test(place) && place.length <= 20 ? place : null;
  // The body named in the opening; with a place in the title (XX县2023年…报告), only a body of that place.
  const fromBody = bodyOrganization(lines, title.lineIndex + 1);
  if (fromBody && (titlePlace === null || fromBody.startsWith(titlePlace))) return fromBody;
  // Only a place in the title: the place's government reports.
  return titlePlace;
}

/** How many lines after the title the opening is looked for in, and sentences of each line. */
const OPENING_LINES = 8;
const OPENING_SENTENCES_PER_LINE = 2;
/** A time phrase opening a sentence before its subject: 2024年，… / 今年以来，… / 一年来，… */
const OPENING_TIME = /^(?:(?:19|20)\d{2}\s*年度?(?:以来|来|全年|内|是)?|今年以来|今年|本年度|一年来|年内|全年|近年来|过去一年(?:来|里|中)?)\s*[，,]?\s*/;
/** Words that begin the predicate after a body named as the subject (…局坚持…, …局2024年…, …镇深入…). */
const PREDICATE_START = /坚持|认真|深入|全面|始终|紧紧|紧密|紧扣|紧盯|紧跟|紧抓|围绕|聚焦|牢固|牢牢|持续|积极|扎实|高度|严格|切实|立足|不断|着力|着眼|大力|全力|主动|按照|根据|深化|以习近平|以党的|在|把|将|继续|进一步|充分|锚定|贯彻|践行|落实|推进|坚定|强化|统筹|狠抓|对标|结合|突出|秉持|自觉|全力|始终|(?:19|20)\d{2}\s*年|法治政府|的/;

/**
 * The body named as the subject of the report's opening sentences, when neither the letterhead, the title nor
 * the signature names it: "2024年，XX县综合行政执法局坚持…", after a salutation line ("县人民政府："), or
 * "现将XX局2024年度法治政府建设情况报告如下". The salutation itself names the addressee, never the body.
 */
export function bodyOrganization(lines: Span[], fromLine: number): string | null {
  let seen = 0;
  for (let i = Math.max(0, fromLine); i < lines.length && seen < OPENING_LINES; i += 1) {
    const text = (lines[i]?.text ?? '').replace(/\s+/g, '');
    if (text === '') continue;
    seen += 1;
    // A salutation (县人民政府：) or a label line names someone else.
    if (/[：:]$/.test(text) && text.length <= 30 && !/[。；;，,]/.test(text)) continue;
    const announced = /现将(.{3,40}?)(?:(?:19|20)\d{2}\s*年|关于|推进|开展|法治|依法|工作)/.exec(text);
    const announcedName = announced?.[1] ? subjectName(announced[1]) : null;
    if (announcedName) return announcedName;
    const sentences = text.split(/[。；;！？!?]/).slice(0, OPENING_SENTENCES_PER_LINE);
    for (const sentence of sentences) {
      for (const clause of sentence.split(/[，,：:]/)) {
        const name = subjectOfClause(clause);
        if (name) return name;
      }
    }
  }
  return null;
}

/** The body a clause opens with, as the subject of its predicate ("临川县综合行政执法局坚持…"). */
function subjectOfClause(clause: string): string | null {
  const rest = clause.replace(OPENING_TIME, '');
  if (/^(在|按照|根据|围绕|以)/.test(rest)) return null;
  const predicate = PREDICATE_START.exec(rest.slice(2));
  if (!predicate) return null;
  return subjectName(rest.slice(0, predicate.index + 2));
}

function subjectName(candidate: string): string | null {
  const name = cleanOrganization(candidate.replace(/^(我|本)(局|委|办|镇|乡|街道|县|区|市)?/, ''));
  if (name.length < 4 || name.length > 30) return null;
  if (/^(我|本|该|全|各|市委|县委|区委|省委|党中央|国务院)|[、和与及]/.test(name)) return null;
  return looksLikeOrganization(name) ? name : null;
}

function titlePrefix(title: string): string | null {
  const prefix = new RegExp(`^(.{2,40}?)(?:关于|(?:(?:19|20)\\d{2}|${CN_DIGIT}{4})\\s*年)`).exec(title);
  return prefix?.[1]?.replace(/^关于/, '').replace(/关于$/, '') ?? null;
}
