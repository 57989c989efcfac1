/**
 * Composing the first draft of a unit's annual report from its figures (issue #19 item 2): the five parts, part 一 by
 * area with one paragraph of figure sentences per area (only figures that have a value — a missing figure is left
 * out, never written as 0) followed by an empty paragraph for the author's narrative; part 二 seeded with the
 * shortcomings the data shows (shortcomings.ts) and a paragraph for the reasons; parts 三 to 五 for the author, part 三
 * opening with the leadership's study of law when that figure exists. Pure: the services pass the figures in.
 */
import type { IndicatorKey } from '../indicators/catalog.ts';
import { type DraftFigures, type DraftPart, measureAreas, type Paragraph, type ReportDraft, reportParts, responsibilityKeys, type Segment } from './model.ts';
import { seedShortcomings, type ShortcomingFacts } from './shortcomings.ts';
import { figureClause } from './templates.ts';

/** The sentences of `keys` that have values, as one paragraph: clauses joined by “；”, ended by “。”. Null when none has. */
export function figureParagraph(id: string, keys: readonly IndicatorKey[], figures: DraftFigures): Paragraph | null {
  const clauses = keys.flatMap((key) => {
    const previous = figures.previous ? (figures.previous[key] ?? { value: null, source: 'none' as const }) : undefined;
    const clause = figureClause(key, figures.current[key], previous);
    return clause ? [clause] : [];
  });
  if (!clauses.length) return null;
  const segments: Segment[] = clauses.flatMap((clause, i) => (i ? [{ kind: 'text' as const, text: '；' }, ...clause] : clause));
  segments.push({ kind: 'text', text: '。' });
  return { id, origin: 'template', segments };
}

const authorParagraph = (id: string, prompt: string): Paragraph => ({ id, origin: 'author', segments: [], prompt });

export interface DraftInput {
  unitName: string;
  figures: DraftFigures;
  facts?: ShortcomingFacts;
}

export function composeDraft({ unitName, figures, facts }: DraftInput): ReportDraft {
  const year = figures.year;
  const parts: DraftPart[] = reportParts.map((part) => ({ key: part.key, heading: part.heading, sections: [] }));
  const partOf = (key: DraftPart['key']) => parts.find((p) => p.key === key)!;

  partOf('measures').sections = measureAreas.map((area) => ({
    key: area.key,
    heading: area.heading,
    paragraphs: [
      ...[figureParagraph(`measures:${area.key}:figures`, area.keys, figures)].filter((p): p is Paragraph => p !== null),
      authorParagraph(`measures:${area.key}:narrative`, `${area.heading.replace(/^（.）/, '')}方面的主要举措和成效`),
    ],
  }));
  partOf('shortcomings').sections = [
    {
      key: 'shortcomings',
      heading: null,
      paragraphs: [...seedShortcomings(figures, facts).map((s) => s.paragraph), authorParagraph('shortcomings:reasons', '存在不足的原因')],
    },
  ];
  partOf('responsibility').sections = [
    {
      key: 'responsibility',
      heading: null,
      paragraphs: [
        ...[figureParagraph('responsibility:figures', responsibilityKeys, figures)].filter((p): p is Paragraph => p !== null),
        authorParagraph('responsibility:narrative', '党政主要负责人履行推进法治建设第一责任人职责的情况（研究部署、带头学法、督促检查等）'),
      ],
    },
  ];
  partOf('plan').sections = [{ key: 'plan', heading: null, paragraphs: [authorParagraph('plan:narrative', `${String(year + 1)}年推进法治政府建设的工作打算`)] }];
  partOf('other').sections = [{ key: 'other', heading: null, paragraphs: [authorParagraph('other:narrative', '其他需要报告的情况（没有可删除本部分）')] }];
  return { title: `${unitName}${String(year)}年法治政府建设年度报告`, unitName, year, parts };
}

/** The draft as plain text (title, headings, paragraphs; the authors' empty paragraphs left out). */
export function draftText(draft: ReportDraft): string {
  const lines = [draft.title];
  for (const part of draft.parts) {
    lines.push(part.heading);
    for (const section of part.sections) {
      if (section.heading) lines.push(section.heading);
      for (const p of section.paragraphs) {
        const t = p.segments.map((s) => s.text).join('');
        if (t) lines.push(t);
      }
    }
  }
  return lines.join('\n');
}
