import { describe, expect, it } from 'vitest';
import { indicatorCatalog } from '../indicators/catalog.ts';
import { whoMay } from '../policy-table.ts';
import { indicatorDirection, pickFigure, rankUnits, reportDueOn, reportLevelMention, reportStatusOf } from './model.ts';
import { rollupPolicy } from './policy.ts';

const fact = (publishedAt: string | null, state = 'drafting') => ({ organizationId: 1, state, publishedAt: publishedAt ? new Date(publishedAt) : null, dueOn: reportDueOn(2023) });

describe('report status: published before 1 April of the next year (calendar date, 《法治政府建设与责任落实督察工作规定》as cited by issue 19)', () => {
  it('the report of 2023 is due on 2024-03-31, a Sunday: the day is a calendar date and does not move to the next working day', () => {
    expect(reportDueOn(2023)).toBe('2024-03-31');
    // Published on Sunday 31 March (China time): on time.
    expect(reportStatusOf([fact('2024-03-31T15:59:00Z')], 2023, '2024-05-01')).toMatchObject({ status: 'published', publishedOn: '2024-03-31' });
    // Published on Monday 1 April, the next working day: late — a rest day does not extend the due day.
    expect(reportStatusOf([fact('2024-03-31T16:00:00Z')], 2023, '2024-05-01')).toMatchObject({ status: 'late', publishedOn: '2024-04-01' });
  });
  it('the report of 2025 published on 2026-04-07, after the 清明 holiday (4–6 April): late', () => {
    expect(reportStatusOf([{ ...fact('2026-04-07T02:00:00Z'), dueOn: reportDueOn(2025) }], 2025, '2026-05-01').status).toBe('late');
  });
  it('not published: 未开始 or 起草中 until 31 March, 未报告 from 1 April', () => {
    expect(reportStatusOf([], 2023, '2024-03-31').status).toBe('not-started');
    expect(reportStatusOf([fact(null)], 2023, '2024-03-31').status).toBe('drafting');
    expect(reportStatusOf([], 2023, '2024-04-01').status).toBe('missing');
    expect(reportStatusOf([fact(null)], 2023, '2024-04-01').status).toBe('missing');
  });
  it('several facts: the earliest publication decides', () => {
    expect(reportStatusOf([fact('2024-04-10T02:00:00Z', 'uploaded'), fact('2024-03-20T02:00:00Z', 'published')], 2023, '2024-05-01')).toMatchObject({ status: 'published', publishedOn: '2024-03-20' });
  });
});

describe('which figure a cell shows', () => {
  it('computed wins over hand-entered, hand-entered over extracted; none when none has a value', () => {
    expect(pickFigure({ computed: 1, 'hand-entered': 2, extracted: 3 })).toEqual({ source: 'computed', figure: 1 });
    expect(pickFigure({ computed: null, 'hand-entered': 2, extracted: 3 })).toEqual({ source: 'hand-entered', figure: 2 });
    expect(pickFigure({ 'hand-entered': null, extracted: 3 })).toEqual({ source: 'extracted', figure: 3 });
    expect(pickFigure({ computed: null, extracted: null })).toEqual({ source: 'none', figure: null });
  });
  it('a key stated several times: the largest count or amount (a total is at least its parts), the first rate', () => {
    const m = [{ value: 5 }, { value: 12 }, { value: 7 }];
    expect(reportLevelMention(m, 'count')).toEqual({ value: 12 });
    expect(reportLevelMention(m, 'amount')).toEqual({ value: 12 });
    expect(reportLevelMention(m, 'rate')).toEqual({ value: 5 });
    expect(reportLevelMention([], 'count')).toBeNull();
  });
});

describe('ranking (晾晒)', () => {
  it('every catalog key has a direction; overdue applications, corrections by reconsideration and lost lawsuits: lower is better', () => {
    expect(Object.keys(indicatorDirection).sort()).toEqual(indicatorCatalog.map((e) => e.key).sort());
    expect(Object.entries(indicatorDirection).filter(([, d]) => d === 'lower').map(([k]) => k).sort()).toEqual(['approvals_overdue', 'litigation_loss_rate', 'reconsideration_correction_rate']);
  });
  it('score = Σ weight × min–max normalized value (reversed when lower is better), counted by hand', () => {
    // penalty_cases (higher): A 10, B 30, C 20 → 0, 1, 0.5; litigation_loss_rate (lower): A 0, B 10, C 5 → 1, 0, 0.5.
    const rows = rankUnits(
      [
        { organizationId: 1, values: { penalty_cases: 10, litigation_loss_rate: 0 } },
        { organizationId: 2, values: { penalty_cases: 30, litigation_loss_rate: 10 } },
        { organizationId: 3, values: { penalty_cases: 20, litigation_loss_rate: 5 } },
      ],
      { penalty_cases: 60, litigation_loss_rate: 40 },
    );
    expect(rows.map((r) => [r.organizationId, r.score, r.rank])).toEqual([
      [2, 60, 1],
      [3, 50, 2],
      [1, 40, 3],
    ]);
  });
  it('equal scores share a place and the next place is skipped; a missing figure scores 0; equal values all score 1', () => {
    const rows = rankUnits(
      [
        { organizationId: 1, values: { penalty_cases: 30, training_sessions: 4 } },
        { organizationId: 2, values: { penalty_cases: 30, training_sessions: 4 } },
        { organizationId: 3, values: { penalty_cases: null, training_sessions: 4 } },
      ],
      { penalty_cases: 50, training_sessions: 10, exam_pass_rate: 0 },
    );
    expect(rows.map((r) => [r.organizationId, r.score, r.rank])).toEqual([
      [1, 60, 1],
      [2, 60, 1],
      [3, 10, 3],
    ]);
    expect(rows[0]!.parts.map((p) => p.key)).toEqual(['penalty_cases', 'training_sessions']);
  });
});

describe('roll-up policy', () => {
  it('pins who may: the supervisor reads the roll-up and sets weights; the supervisor, heads and the legal section upload', () => {
    expect(whoMay(rollupPolicy)).toEqual({
      viewRollup: ['supervisor'],
      setRankingWeights: ['supervisor'],
      uploadReport: ['reviewer', 'head', 'supervisor'],
      viewUploads: ['reviewer', 'head', 'supervisor'],
    });
  });
});
