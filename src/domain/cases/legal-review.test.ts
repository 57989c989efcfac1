import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { type CaseActionInput, caseActionInput } from './actions.ts';
import { buildCase, guardContext } from './fixtures.ts';
import { allPassedChecklist, checklistProblems, type ReviewChecklist, reviewItemKeys } from './legal-review.ts';
import { checkTransition, currentLegalReview, legalReviewReasons } from './workflow.ts';

const reviewer = guardContext({ actDate: '2026-03-16', actor: { userId: 30, roles: ['reviewer'] } });
const reviewing = () => buildCase({ state: 'reviewing', lastActedOn: '2026-03-12' });

function withItem(item: keyof ReviewChecklist, passed: boolean, note = ''): ReviewChecklist {
  return { ...allPassedChecklist(), [item]: { passed, note } };
}

function review(passed: boolean, checklist: ReviewChecklist): CaseActionInput {
  return { action: 'legalReview', passed, opinion: passed ? '同意处罚意见。' : '证据不足，退回补充调查。', checklist };
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal, but the review was accepted');
}

describe('《行政处罚法》第五十八条 and 国办发〔2018〕118号: the legal review checklist', () => {
  it('国办发〔2018〕118号: all eight items are required (主体、权限、事实、证据、程序、法律适用、裁量、文书)', () => {
    expect(reviewItemKeys).toEqual(['subject', 'authority', 'facts', 'evidence', 'procedure', 'lawApplication', 'discretion', 'documents']);
    const { evidence: _missing, ...seven } = allPassedChecklist();
    const parsed = caseActionInput.safeParse({ action: 'legalReview', passed: true, opinion: '同意处罚意见。', checklist: seven });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['checklist', 'evidence'], message: expect.stringContaining('须填写“证据”') })]);
    const none = caseActionInput.safeParse({ action: 'legalReview', passed: true, opinion: '同意处罚意见。' });
    expect(none.error?.issues[0]).toMatchObject({ path: ['checklist'], message: expect.stringContaining('八项') });
    const all = caseActionInput.parse({ action: 'legalReview', passed: true, opinion: '同意处罚意见。', checklist: allPassedChecklist() });
    expect(all).toMatchObject({ checklist: { documents: { passed: true, note: '' } } });
  });

  it('Art. 58: a review that passes cannot have a failed item', () => {
    const error = refusal(() => checkTransition(reviewing(), review(true, withItem('evidence', false, '缺少现场照片')), reviewer));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(String(error.details?.article)).toContain('第五十八条');
    expect(error.message).toContain('“证据”审核不合格，审核结论不能为通过');
    expect(error.details?.fields).toEqual([expect.objectContaining({ field: 'checklist.evidence.passed' })]);
    expect(checkTransition(reviewing(), review(true, allPassedChecklist({ discretion: '在裁量幅度内' })), reviewer)).toBe('reviewing');
  });

  it('国办发〔2018〕118号: a failed item needs a note', () => {
    const error = refusal(() => checkTransition(reviewing(), review(false, withItem('procedure', false, '  ')), reviewer));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(String(error.details?.article)).toContain('国办发〔2018〕118号');
    expect(error.details?.fields).toEqual([{ field: 'checklist.procedure.note', message: expect.stringContaining('“程序”不合格，须写明问题和意见') }]);
    expect(checkTransition(reviewing(), review(false, withItem('procedure', false, '未告知陈述申辩权利')), reviewer)).toBe('reviewing');
  });

  it('Art. 58: a review that does not pass names at least one failed item', () => {
    expect(checklistProblems(false, allPassedChecklist())).toEqual([{ field: 'checklist', message: expect.stringContaining('至少有一项审核内容为不合格') }]);
    expect(refusal(() => checkTransition(reviewing(), review(false, allPassedChecklist()), reviewer)).code).toBe('RULE_VIOLATION');
  });

  it('the note is trimmed before the rule reads it, and every problem is reported at once', () => {
    const input = caseActionInput.parse(review(true, { ...withItem('facts', false, ' '), documents: { passed: false, note: '' } }));
    if (input.action !== 'legalReview') throw new Error('parsed into another action');
    expect(checklistProblems(input.passed, input.checklist).map((p) => p.field)).toEqual([
      'checklist.facts.passed',
      'checklist.documents.passed',
      'checklist.facts.note',
      'checklist.documents.note',
    ]);
  });

  it('Art. 58: after a hearing only a review made after it counts (the queue and the decision agree)', () => {
    const c = reviewing();
    c.record.legalReviews.push({ on: '2026-03-13', reviewerId: 30, reviewerName: '林晓', passed: true, opinion: '同意', checklist: allPassedChecklist() });
    expect(currentLegalReview(c)?.on).toBe('2026-03-13');
    c.record.hearing = { requestedOn: '2026-03-14', hearingOn: '2026-03-25', noticeServedOn: '2026-03-15', noticeNumber: null, presiderId: 30, presiderName: '林晓', place: '听证室', heldOn: '2026-03-25', record: '听证笔录' };
    expect(currentLegalReview(c)).toBeNull();
    expect(legalReviewReasons(c, reviewer)).toContain('直接关系当事人重大权益，经过听证程序');
  });
});
