/** The report analyzer: one function from report text to the JSON shape of docs/ANALYZER.md. */
import { extractIndicators } from './indicators.ts';
import { extractDate, extractOrganization, extractYear, findTitle } from './metadata.ts';
import { detectHeadings, summarizeSections, titleNamesPlan } from './sections.ts';
import { normalizeForMatching, splitLines } from './text.ts';
import { requiredSectionKeys } from './types.ts';
import type { ReportAnalysis } from './types.ts';

/**
 * Analyzes the plain text of an annual 法治政府建设 report. Offsets in the result (`indicators[].start`)
 * are offsets into `text` as given.
 */
export function analyzeReportText(text: string, file: string): ReportAnalysis {
  const normalized = normalizeForMatching(text);
  const lines = splitLines(normalized);
  const title = findTitle(lines);
  // PDF text layers put spaces around figures (关于 2023 年…); a title has no spaces worth keeping.
  const titleText = title.title === null ? null : text.slice(title.start, title.end).replace(/\n/g, '').replace(/\s+(?=[\p{Script=Han}\d])|(?<=[\p{Script=Han}\d])\s+/gu, '');
  const dateInfo = extractDate(lines, title.lineIndex === -1 ? 0 : title.lineIndex);
  const body = normalized.slice(title.end);
  const year = extractYear(title.title, body, dateInfo.date);
  const organization = extractOrganization(lines, title, dateInfo.lineIndex);

  const headings = detectHeadings(lines, title.lineIndex, normalized.length, year);
  const sections = summarizeSections(headings);
  if (!sections.plan && titleNamesPlan(title.title, year)) sections.plan = true;
  const missingSections = requiredSectionKeys.filter((key) => !sections[key]);

  // The title restates the year, and the plan for next year gives targets, not this year's figures.
  const skip = [
    { start: 0, end: title.end },
    ...headings.filter((heading) => heading.kinds.includes('plan')).map((heading) => ({ start: heading.start, end: heading.end })),
  ];
  const indicators = extractIndicators(text, normalized, { reportYear: year, skip });

  return { file, title: titleText, organization, year, date: dateInfo.date, sections, missingSections, indicators };
}
