import { describe, expect, it } from 'vitest';
import { indicatorCatalog } from '../indicators/catalog.ts';
import { changePhrase, figureClause, formatFigure, segmentsText, sentenceTemplates } from './templates.ts';

describe('sentence templates per indicator', () => {
  it('has a template for every key of the catalog', () => {
    expect(Object.keys(sentenceTemplates).sort()).toEqual(indicatorCatalog.map((e) => e.key).sort());
  });

  it('writes figures with the report’s units: counts, 万元 from ten thousand yuan, percentages', () => {
    expect(formatFigure('penalty_cases', 12)).toBe('12件');
    expect(formatFigure('trained_persons', 209)).toBe('209人次');
    expect(formatFigure('typical_cases', 2)).toBe('2例');
    expect(formatFigure('penalty_amount', 38_800)).toBe('3.88万元');
    expect(formatFigure('penalty_amount', 850.5)).toBe('850.5元');
    expect(formatFigure('approval_time_compression', 80.75)).toBe('80.75%');
  });

  it('year-on-year: counts and money by percentage, rates by percentage points, nothing without last year', () => {
    expect(changePhrase('penalty_cases', 15, 12)).toBe('，同比增长25%');
    expect(changePhrase('penalty_amount', 9_000, 10_000)).toBe('，同比下降10%');
    expect(changePhrase('penalty_cases', 12, 12)).toBe('，与上年持平');
    expect(changePhrase('penalty_cases', 3, 0)).toBe('，上年为0');
    expect(changePhrase('rectification_rate', 98.5, 96)).toBe('，同比提高2.5个百分点');
    expect(changePhrase('rectification_rate', 90, 96)).toBe('，同比降低6个百分点');
    expect(changePhrase('penalty_cases', 12, null)).toBe('');
  });

  it('a clause keeps its figure as a live field; a figure without a value writes no clause (never 0)', () => {
    const clause = figureClause('penalty_cases', { value: 15, source: 'computed' }, { value: 12, source: 'computed' })!;
    expect(segmentsText(clause)).toBe('全年作出行政处罚决定15件，同比增长25%');
    expect(clause.filter((s) => s.kind !== 'text')).toMatchObject([
      { kind: 'figure', key: 'penalty_cases', written: 15 },
      { kind: 'change', key: 'penalty_cases', written: 15, previous: 12 },
    ]);
    expect(figureClause('penalty_cases', { value: null, source: 'none' })).toBeNull();
    expect(segmentsText(figureClause('penalty_cases', { value: 15, source: 'computed' })!)).toBe('全年作出行政处罚决定15件');
  });
});
