import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support.ts';
import { applyDraftEdits, draftSectionKeys } from './edit.ts';
import type { ReportDraft } from './model.ts';

const draft: ReportDraft = {
  title: '东湖区2025年法治政府建设年度报告',
  unitName: '东湖区',
  year: 2025,
  parts: [
    {
      key: 'measures',
      heading: '一、主要举措和成效',
      sections: [
        {
          key: 'enforcement',
          heading: '（三）行政执法',
          paragraphs: [
            {
              id: 'measures:enforcement:figures',
              origin: 'template',
              segments: [
                { kind: 'text', text: '全年作出行政处罚决定' },
                { kind: 'figure', key: 'penalty_cases', written: 15, source: 'computed', text: '15件' },
                { kind: 'text', text: '。' },
              ],
            },
            { id: 'measures:enforcement:narrative', origin: 'author', segments: [], prompt: '行政执法方面的主要举措和成效' },
          ],
        },
      ],
    },
    {
      key: 'shortcomings',
      heading: '二、存在的不足和原因',
      sections: [
        {
          key: 'shortcomings',
          heading: null,
          paragraphs: [
            { id: 'shortcoming:certificates', origin: 'seeded', segments: [{ kind: 'text', text: '有2人执法证件过期。' }] },
            { id: 'shortcomings:reasons', origin: 'author', segments: [] },
          ],
        },
      ],
    },
  ],
};

describe('editing a draft: words change, figures do not', () => {
  it('an author paragraph takes its text; a paragraph with figures takes the words around them, the figure untouched', () => {
    const r = applyDraftEdits(draft, {
      edits: [
        { paragraphId: 'measures:enforcement:narrative', text: '推行包容审慎监管。' },
        { paragraphId: 'measures:enforcement:figures', texts: ['全年共作出行政处罚决定', '，同比有所增长。'] },
      ],
    });
    const paragraphs = r.draft.parts[0]!.sections[0]!.paragraphs;
    expect(paragraphs[1]!.segments).toEqual([{ kind: 'text', text: '推行包容审慎监管。' }]);
    expect(paragraphs[0]!.segments.map((s) => s.text).join('')).toBe('全年共作出行政处罚决定15件，同比有所增长。');
    expect(paragraphs[0]!.segments[1]).toEqual({ kind: 'figure', key: 'penalty_cases', written: 15, source: 'computed', text: '15件' });
    expect(r.edited.map((e) => e.paragraphId)).toEqual(['measures:enforcement:narrative', 'measures:enforcement:figures']);
  });

  it('refuses to replace a paragraph with figures by plain text, or to add or drop a figure, and changes nothing', () => {
    expect(refusal(() => applyDraftEdits(draft, { edits: [{ paragraphId: 'measures:enforcement:figures', text: '全年作出行政处罚决定20件。' }] })).message).toContain('数据不能手工修改');
    expect(refusal(() => applyDraftEdits(draft, { edits: [{ paragraphId: 'measures:enforcement:figures', texts: ['全年作出行政处罚决定20件。'] }] })).message).toContain('数据部分不能增删');
    expect(draft.parts[0]!.sections[0]!.paragraphs[0]!.segments[1]!.text).toBe('15件');
  });

  it('reorders a section and deletes the seeded shortcoming the author does not keep', () => {
    expect(draftSectionKeys(draft)).toEqual(['measures:enforcement', 'shortcomings']);
    const r = applyDraftEdits(draft, { order: [{ sectionKey: 'shortcomings', paragraphIds: ['shortcomings:reasons'] }] });
    expect(r.draft.parts[1]!.sections[0]!.paragraphs.map((p) => p.id)).toEqual(['shortcomings:reasons']);
    expect(r.removed).toEqual(['shortcoming:certificates']);
    expect(r.reordered).toEqual(['shortcomings']);
  });

  it('refuses unknown paragraphs and sections, a paragraph moved to another section, and an empty save', () => {
    expect(refusal(() => applyDraftEdits(draft, { edits: [{ paragraphId: 'nope', text: 'x' }] })).message).toBe('报告中没有段落“nope”');
    expect(refusal(() => applyDraftEdits(draft, { order: [{ sectionKey: 'plan', paragraphIds: [] }] })).message).toBe('报告中没有章节“plan”');
    expect(refusal(() => applyDraftEdits(draft, { order: [{ sectionKey: 'shortcomings', paragraphIds: ['measures:enforcement:narrative'] }] })).message).toContain('不能移到其他章节');
    expect(refusal(() => applyDraftEdits(draft, {})).message).toBe('没有要修改的内容');
  });
});
