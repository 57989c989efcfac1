/**
 * Refreshing a draft's figures (issue #19 item 2): every figure in a paragraph is a live field that keeps the value it
 * was written with, so after the records change (a late case decided, a figure entered by hand) the report can say
 * which figures changed since the text was written — and update them without touching the author's words.
 */
import type { IndicatorKey } from '../indicators/catalog.ts';
import type { DraftFigures, Paragraph, ReportDraft, Segment } from './model.ts';
import { changePhrase, formatFigure } from './templates.ts';

/** A figure of the draft that no longer matches the records. `now` null: the figure has no value any more. */
export interface FigureChange {
  paragraphId: string;
  key: IndicatorKey;
  field: 'value' | 'previous';
  written: number | null;
  now: number | null;
}

const paragraphsOf = (draft: ReportDraft): Paragraph[] => draft.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs));

/** The figures of `draft` whose values differ from `figures`, paragraph by paragraph (each figure once per paragraph). */
export function figureChanges(draft: ReportDraft, figures: DraftFigures): FigureChange[] {
  const changes: FigureChange[] = [];
  for (const p of paragraphsOf(draft)) {
    const seen = new Set<string>();
    for (const s of p.segments) {
      if (s.kind === 'text') continue;
      const now = figures.current[s.key]?.value ?? null;
      if (s.written !== now && !seen.has(`${s.key}:value`)) {
        seen.add(`${s.key}:value`);
        changes.push({ paragraphId: p.id, key: s.key, field: 'value', written: s.written, now });
      }
      if (s.kind === 'change') {
        const before = figures.previous?.[s.key]?.value ?? null;
        if (s.previous !== before && !seen.has(`${s.key}:previous`)) {
          seen.add(`${s.key}:previous`);
          changes.push({ paragraphId: p.id, key: s.key, field: 'previous', written: s.previous, now: before });
        }
      }
    }
  }
  return changes;
}

function refreshSegment(s: Segment, figures: DraftFigures): Segment {
  if (s.kind === 'text') return s;
  const current = figures.current[s.key];
  const now = current?.value ?? null;
  if (s.kind === 'figure') return { ...s, written: now, source: current?.source ?? 'none', text: now === null ? '（本年度无记录）' : formatFigure(s.key, now) };
  const previous = figures.previous?.[s.key]?.value ?? null;
  return { ...s, written: now, previous, text: changePhrase(s.key, now, previous) };
}

/**
 * The draft with every figure field set to `figures` (the author's text untouched), and what changed. A figure whose
 * value is gone reads “（本年度无记录）” so the author sees it, rather than a silent 0.
 */
export function refreshDraft(draft: ReportDraft, figures: DraftFigures): { draft: ReportDraft; changes: FigureChange[] } {
  const changes = figureChanges(draft, figures);
  const refreshed: ReportDraft = {
    ...draft,
    parts: draft.parts.map((part) => ({
      ...part,
      sections: part.sections.map((section) => ({
        ...section,
        paragraphs: section.paragraphs.map((p) => ({ ...p, segments: p.segments.map((s) => refreshSegment(s, figures)) })),
      })),
    })),
  };
  return { draft: refreshed, changes };
}
