import { describe, expect, it } from 'vitest';
import { classifyHeading } from '../analyzer/sections.ts';
import { composeDraft, draftText } from './draft.ts';
import type { DraftFigures } from './model.ts';
import { measureAreas, reportParts } from './model.ts';
import { figureChanges, refreshDraft } from './refresh.ts';

const figures: DraftFigures = {
  year: 2026,
  current: {
    penalty_cases: { value: 15, source: 'computed' },
    penalty_amount: { value: 38_800, source: 'computed' },
    petition_satisfaction: { value: 66.67, source: 'computed', numerator: 2, denominator: 3 },
    training_sessions: { value: 6, source: 'hand-entered' },
    law_study_sessions: { value: 5, source: 'hand-entered' },
    legal_aid_cases: { value: null, source: 'none' },
  },
  previous: { penalty_cases: { value: 12, source: 'computed' } },
};

describe('the report draft', () => {
  it('has the five parts in order, each heading recognised by the analyzer as its part; part 一 by area', () => {
    const draft = composeDraft({ unitName: '云城市东湖区城市管理和综合行政执法局', figures });
    expect(draft.title).toBe('云城市东湖区城市管理和综合行政执法局2026年法治政府建设年度报告');
    expect(draft.parts.map((p) => p.heading)).toEqual(reportParts.map((p) => p.heading));
    for (const part of draft.parts) expect(classifyHeading(part.heading.replace(/^[一二三四五]、/, ''), 2026)).toContain(part.key);
    expect(draft.parts[0]!.sections.map((s) => s.heading)).toEqual(measureAreas.map((a) => a.heading));
  });

  it('writes the figures that have values into their area’s sentences, with last year’s change; leaves out those without', () => {
    const text = draftText(composeDraft({ unitName: '东湖区', figures }));
    expect(text).toContain('全年作出行政处罚决定15件，同比增长25%；罚没金额3.88万元。');
    expect(text).not.toContain('办理信访投诉');
    expect(text).toContain('群众满意度66.67%。');
    expect(text).toContain('组织法治培训6次');
    expect(text).toContain('党组（党委）理论学习中心组和常务会议组织专题学法5次。');
    expect(text).not.toContain('法律援助');
  });

  it('leaves a paragraph with a prompt for the author in every area and part, never printing the prompt', () => {
    const draft = composeDraft({ unitName: '东湖区', figures });
    const authors = draft.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs)).filter((p) => p.origin === 'author');
    expect(authors.length).toBe(measureAreas.length + 4);
    expect(authors.every((p) => p.segments.length === 0 && !!p.prompt)).toBe(true);
    expect(draftText(draft)).not.toContain('主要举措和成效方面');
  });

  it('refresh: the figures keep the values they were written with; a refresh says which changed and updates them, the author’s words untouched', () => {
    const draft = composeDraft({ unitName: '东湖区', figures });
    const enforcement = draft.parts[0]!.sections.find((s) => s.key === 'enforcement')!;
    enforcement.paragraphs[0]!.segments.unshift({ kind: 'text', text: '本局坚持严格规范执法，' });
    expect(figureChanges(draft, figures)).toEqual([]);
    const later: DraftFigures = { ...figures, current: { ...figures.current, penalty_cases: { value: 16, source: 'computed' }, training_sessions: { value: null, source: 'none' } } };
    const { draft: refreshed, changes } = refreshDraft(draft, later);
    expect(changes).toEqual([
      { paragraphId: 'measures:enforcement:figures', key: 'penalty_cases', field: 'value', written: 15, now: 16 },
      { paragraphId: 'measures:team:figures', key: 'training_sessions', field: 'value', written: 6, now: null },
    ]);
    const text = draftText(refreshed);
    expect(text).toContain('本局坚持严格规范执法，全年作出行政处罚决定16件，同比增长33.3%；');
    expect(text).toContain('组织法治培训（本年度无记录）');
    expect(figureChanges(refreshed, later)).toEqual([]);
    // The draft it came from is unchanged.
    expect(draftText(draft)).toContain('全年作出行政处罚决定15件');
  });
});
