import { describe, expect, it } from 'vitest';
import type { DraftFigures } from './model.ts';
import { seedShortcomings } from './shortcomings.ts';
import { segmentsText } from './templates.ts';

const none: DraftFigures = { year: 2026, current: {} };
const with_ = (current: DraftFigures['current']): DraftFigures => ({ year: 2026, current });
const texts = (figures: DraftFigures, facts = {}) => seedShortcomings(figures, facts).map((s) => [s.kind, segmentsText(s.paragraph.segments)]);

describe('存在的不足 seeded from the data', () => {
  it('seeds nothing without figures or facts — no finding is invented', () => {
    expect(seedShortcomings(none, {})).toEqual([]);
    expect(seedShortcomings(with_({ approvals_overdue: { value: 0, source: 'computed' }, exam_pass_rate: { value: 100, source: 'hand-entered' } }))).toEqual([]);
  });

  it('overdue work: approvals past their promised deadline, case deadlines met late (with the rate)', () => {
    expect(texts(with_({ approvals_overdue: { value: 2, source: 'hand-entered' } }), { caseDeadlines: { due: 40, late: 3 } })).toEqual([
      ['approvalsOverdue', '审批服务仍有超期办件2件，按承诺时限办结的要求尚未完全落实。'],
      ['caseDeadlines', '办案期限管理仍有薄弱环节：本年度到期的40项办案期限中，3项超期完成或至今未完成，超期率7.5%。'],
    ]);
  });

  it('《行政处罚法》第四十二条: expired enforcement certificates are a finding citing the article', () => {
    const [finding] = seedShortcomings(none, { certificates: { holders: 59, expired: 2 } });
    expect(finding).toMatchObject({ kind: 'certificates', article: '《行政处罚法》第四十二条' });
    expect(segmentsText(finding!.paragraph.segments)).toBe('执法证件管理有待加强：59名持证人员中，2人执法证已过期，不具备执法资格，须及时换证或调整岗位。');
    expect(seedShortcomings(none, { certificates: { holders: 59, expired: 0 } })).toEqual([]);
  });

  it('training shortfalls: fewer trained than certified officers; a law exam pass rate under 100 %', () => {
    expect(texts(with_({ trained_persons: { value: 40, source: 'hand-entered' }, enforcement_officers: { value: 59, source: 'computed' }, exam_pass_rate: { value: 96.5, source: 'hand-entered' } }))).toEqual([
      ['training', '法治培训覆盖面不足：全年参训40人次，少于持证执法人员59人，尚未实现执法人员全员轮训。'],
      ['examPass', '学法考试合格率为96.5%，部分人员法律素养有待提高。'],
    ]);
  });

  it('《行政处罚法》第四十八条: penalty decisions published late are a finding citing the article', () => {
    const [finding] = seedShortcomings(none, { publicity: { published: 60, late: 4 } });
    expect(finding).toMatchObject({ kind: 'publicity', article: '《行政处罚法》第四十八条' });
    expect(segmentsText(finding!.paragraph.segments)).toBe('行政处罚决定公开不够及时：本年度公示的60件中，4件超过公示时限。');
  });

  it('reconsideration corrections, lost lawsuits and unrectified problems, their figures live fields', () => {
    const seeded = seedShortcomings(
      with_({ reconsideration_correction_rate: { value: 10, source: 'hand-entered' }, litigation_loss_rate: { value: 4.42, source: 'hand-entered' }, rectification_rate: { value: 97, source: 'computed' } }),
    );
    expect(seeded.map((s) => s.kind)).toEqual(['reconsideration', 'litigation', 'rectification']);
    expect(seeded.map((s) => s.paragraph.segments.find((x) => x.kind === 'figure'))).toMatchObject([
      { key: 'reconsideration_correction_rate', written: 10 },
      { key: 'litigation_loss_rate', written: 4.42 },
      { key: 'rectification_rate', written: 97 },
    ]);
    expect(seeded.every((s) => s.paragraph.origin === 'seeded' && s.paragraph.id === `shortcoming:${s.kind}`)).toBe(true);
  });
});
