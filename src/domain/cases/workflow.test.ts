import { describe, expect, it } from 'vitest';
import type { CaseActionInput } from './actions.ts';
import { buildActCode, formatDocumentNumber, mod3736CheckChar, parseActCode } from './codes.ts';
import { buildCase, buildOfficer, buildPenalty, calendar, guardContext, notifiedCase, withClosingOpinions } from './fixtures.ts';
import type { Penalty } from './model.ts';
import { validateParty } from './parties.ts';
import {
  assertAudioVideoRecorded,
  assertSimpleProcedureAllowed,
  deadlineFor,
  hearingRightsReasons,
  lateFeeFen,
  limitationEndsOn,
  paymentDueOn,
} from './rules.ts';
import { assertBasisCitesPenaltyProvision } from './rules.ts';
import { defaultCaseSettings, resolveCaseSettings } from './settings.ts';
import type { CaseSnapshot, GuardContext } from './snapshot.ts';
import { checkTransition, transitions } from './workflow.ts';
import { allPassedChecklist } from './legal-review.ts';
import { refusal, expectRule } from '../test-support.ts';



const fileInput: CaseActionInput = { action: 'file', officerIds: [11, 12], opinion: '符合立案条件，建议立案' };
const decideInput: CaseActionInput = { action: 'decide' };
const head = (actDate: string, extra: Partial<GuardContext> = {}) => guardContext({ actDate, actor: { userId: 1, roles: ['head'] }, ...extra });

function withProposal(c: CaseSnapshot, kind: 'penalty' | 'noPenalty', penalty: Penalty | null, extra: Partial<NonNullable<CaseSnapshot['record']['proposal']>> = {}): CaseSnapshot {
  c.record.proposal = { kind, penalty, ground: null, education: null, transferReason: null, ...extra };
  return c;
}

describe('workflow table', () => {
  it('refuses an action from a state it does not start from, naming the state in Chinese', () => {
    const error = expectRule(() => checkTransition(buildCase({ state: 'clue' }), decideInput, head('2026-03-02')), '第五章');
    expect(error.message).toContain('线索登记');
  });

  it('refuses an action to a role that may not take it', () => {
    const error = refusal(() => checkTransition(buildCase(), fileInput, guardContext({ actor: { userId: 11, roles: ['officer'] } })));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('负责人');
  });

  it('records acts in order and never in the future', () => {
    expect(refusal(() => checkTransition(buildCase({ lastActedOn: '2026-03-05' }), fileInput, head('2026-03-04'))).code).toBe('VALIDATION');
    expect(refusal(() => checkTransition(buildCase(), fileInput, head('2026-07-01'))).code).toBe('VALIDATION');
  });

  it('moves clue → filed → investigating → reviewing on the happy path', () => {
    expect(checkTransition(buildCase(), fileInput, head('2026-03-02'))).toBe('filed');
    const officer = guardContext({ actDate: '2026-03-03', actor: { userId: 11, roles: ['officer'] } });
    expect(checkTransition(buildCase({ state: 'filed' }), { action: 'startInvestigation' }, officer)).toBe('investigating');
  });

  it('has a transition for every action, each starting from at least one state', () => {
    for (const t of Object.values(transitions)) expect(t.from.length).toBeGreaterThan(0);
  });
});

describe('《行政处罚法》第五十四条、第四十七条 the party of a clue, identified and corrected (issue 15)', () => {
  const officer = (actDate: string) => guardContext({ actDate, actor: { userId: 11, roles: ['officer'] } });
  const correction: CaseActionInput = {
    action: 'correctParty',
    party: { kind: 'person', name: '李四', idType: 'residentId', idNumber: '539902198506150012' },
    reason: '经调查查明当事人身份',
  };

  it('Art. 54: a clue without its party may be registered, but not filed until the party is identified', () => {
    const unknown = buildCase({ party: { kind: 'unknown', birthDate: null, identityKey: 'unknown:7' } });
    const refused = expectRule(() => checkTransition(unknown, fileInput, head('2026-03-02')), '第五十四条');
    expect(refused.message).toContain('当事人尚未查明');
    expect(checkTransition(unknown, correction, officer('2026-03-02'))).toBe('clue');
    expect(checkTransition(buildCase(), fileInput, head('2026-03-02'))).toBe('filed');
  });

  it('Art. 47: the party is corrected only until a document naming them was issued to the party, and the refusal says which', () => {
    expect(checkTransition(buildCase({ state: 'investigating' }), correction, officer('2026-03-05'))).toBe('investigating');
    const notified = notifiedCase();
    notified.state = 'reviewing';
    const refused = expectRule(() => checkTransition(notified, correction, officer('2026-03-11')), '第四十七条');
    expect(refused.message).toContain('《行政处罚事先告知书》（云东城管罚告字〔2026〕第1号）');
    expect(refused.message).toContain('不能直接更正');
    // On the spot: until the 当场行政处罚决定书 is printed (第五十二条).
    const onSpot = buildCase({ procedure: 'simple', state: 'enforcing' });
    expect(checkTransition(onSpot, correction, officer('2026-03-02'))).toBe('enforcing');
    const printed = { ...onSpot, generatedDocuments: ['当场行政处罚决定书'] };
    expect(expectRule(() => checkTransition(printed, correction, officer('2026-03-02')), '第五十二条').message).toContain('《当场行政处罚决定书》');
  });
});

describe('《行政处罚法》第五十二条第二款 the basis cites the power-list item\'s 罚则 (issue 15)', () => {
  it('Art. 52 para. 2: 第二十一条 is refused where the 罚则 is 第四十一条第四款; the 罚则 itself (with more text) passes', () => {
    const provision = '《城市市容和环境卫生管理条例》第四十一条第四款';
    const wrong = refusal(() => assertBasisCitesPenaltyProvision('《城市市容和环境卫生管理条例》第二十一条', provision));
    expect(wrong).toMatchObject({ code: 'RULE_VIOLATION', details: { article: expect.stringContaining('第五十二条第二款') } });
    expect(wrong.message).toContain('第四十一条第四款');
    expect(() => assertBasisCitesPenaltyProvision('依据《城市市容和环境卫生管理条例》第四十一条第四款；裁量基准序号2', provision)).not.toThrow();
    expect(() => assertBasisCitesPenaltyProvision('《城市道路管理条例》第四十一条第四款', provision)).toThrow();
    expect(() => assertBasisCitesPenaltyProvision('《城市市容和环境卫生管理条例》第三十六条第(二)项', '《城市市容和环境卫生管理条例》第三十六条第（二）项')).not.toThrow();
  });
});

describe('《行政处罚法》第三十六条 limitation', () => {
  it('Art. 36: refuses filing a violation discovered more than two years after it ended', () => {
    const c = buildCase({ act: { startedOn: '2023-05-01', endedOn: '2024-03-01' }, discoveredOn: '2026-03-02' });
    expectRule(() => checkTransition(c, fileInput, head('2026-03-02')), '第三十六条');
  });

  it('Art. 36: allows five years where life, health or financial safety was harmed', () => {
    const c = buildCase({ act: { startedOn: '2023-05-01', endedOn: '2024-03-01' }, discoveredOn: '2026-03-02', harmsSafety: true });
    expect(checkTransition(c, fileInput, head('2026-03-02'))).toBe('filed');
  });

  it('Art. 36: a continuing act counts from its end; the last day is still in time', () => {
    expect(limitationEndsOn({ startedOn: '2020-01-01', endedOn: null }, false)).toBeNull();
    expect(limitationEndsOn({ startedOn: '2020-01-01', endedOn: '2024-03-02' }, false)).toBe('2026-03-02');
    expect(limitationEndsOn({ startedOn: '2020-01-01', endedOn: '2024-02-29' }, false)).toBe('2026-02-28');
    const continuing = buildCase({ act: { startedOn: '2019-01-01', endedOn: null }, discoveredOn: '2026-03-02' });
    expect(checkTransition(continuing, fileInput, head('2026-03-02'))).toBe('filed');
  });
});

describe('power list (权责清单)', () => {
  it('refuses filing a violation not on the organization power list', () => {
    const c = buildCase({ powerItem: { id: 9, name: '燃气用户擅自改装燃气设施', onList: false } });
    const error = expectRule(() => checkTransition(c, fileInput, head('2026-03-02')), '第十七条');
    expect(error.message).toContain('权责清单');
  });
});

describe('《行政处罚法》第四十二条 two certified officers', () => {
  it('Art. 42: refuses filing and investigation acts with fewer than two valid certificates on the act date', () => {
    const expired = buildCase({ officers: [buildOfficer(11), buildOfficer(13, { certificateValidUntil: '2025-06-30' })] });
    expectRule(() => checkTransition(expired, fileInput, head('2026-03-02')), '第四十二条');
    const officer = guardContext({ actDate: '2026-03-03', actor: { userId: 11, roles: ['officer'] } });
    expectRule(() => checkTransition({ ...expired, state: 'filed' }, { action: 'startInvestigation' }, officer), '第四十二条');
  });

  it('Art. 42: a certificate valid through the act date counts, one expiring the day before does not', () => {
    const c = buildCase({ officers: [buildOfficer(11), buildOfficer(12, { certificateValidUntil: '2026-03-02' })] });
    expect(checkTransition(c, fileInput, head('2026-03-02'))).toBe('filed');
    const late = { ...c, lastActedOn: '2026-03-03' };
    expectRule(() => checkTransition(late, fileInput, head('2026-03-03')), '第四十二条');
  });
});

describe('《行政处罚法》第四十三条 recusal', () => {
  it('Art. 43: an officer whose recusal was granted can no longer act on the case', () => {
    const c = buildCase({ state: 'filed', officers: [buildOfficer(11, { recused: true }), buildOfficer(12), buildOfficer(14)] });
    expectRule(() => checkTransition(c, { action: 'startInvestigation' }, guardContext({ actDate: '2026-03-03', actor: { userId: 11, roles: ['officer'] } })), '第四十三条');
    // The others continue meanwhile.
    expect(checkTransition(c, { action: 'startInvestigation' }, guardContext({ actDate: '2026-03-03', actor: { userId: 12, roles: ['officer'] } }))).toBe('investigating');
  });

  it('Art. 43: the head decides only a recusal that was requested', () => {
    const c = buildCase({ state: 'investigating' });
    expectRule(() => checkTransition(c, { action: 'decideRecusal', officerId: 11, granted: true, replacementId: null }, head('2026-03-03')), '第四十三条');
    c.record.recusals.push({ officerId: 11, requestedOn: '2026-03-03', reason: '与当事人有亲属关系', decidedOn: null, granted: null });
    expect(checkTransition(c, { action: 'decideRecusal', officerId: 11, granted: true, replacementId: null }, head('2026-03-03'))).toBe('investigating');
  });
});

describe('《行政处罚法》第五十八条 legal review', () => {
  it('Art. 58: the reviewer may not be an investigator of the case', () => {
    const c = buildCase({ state: 'reviewing' });
    const input: CaseActionInput = { action: 'legalReview', passed: true, opinion: '事实清楚，证据确凿', checklist: allPassedChecklist() };
    expectRule(() => checkTransition(c, input, guardContext({ actor: { userId: 11, roles: ['reviewer', 'officer'] } })), '第五十八条');
    expect(checkTransition(c, input, guardContext({ actor: { userId: 30, roles: ['reviewer'] } }))).toBe('reviewing');
  });

  it('Art. 58: nor anyone who acted in its investigation, as the audit chain shows, though not named on the case', () => {
    const c = { ...buildCase({ state: 'reviewing' }), investigators: [30] };
    const input: CaseActionInput = { action: 'legalReview', passed: true, opinion: '事实清楚，证据确凿', checklist: allPassedChecklist() };
    expectRule(() => checkTransition(c, input, guardContext({ actor: { userId: 30, roles: ['reviewer'] } })), '第五十八条');
  });

  it('Art. 58: a decision that needs legal review is refused until a passed review exists', () => {
    const settings = resolveCaseSettings([{ legalReviewAllOrdinary: true }]);
    const c = notifiedCase();
    expectRule(() => checkTransition(c, decideInput, head('2026-03-16', { settings })), '第五十八条');
    c.record.legalReviews.push({ on: '2026-03-16', reviewerId: 30, reviewerName: '林晓', passed: false, opinion: '证据不足' });
    expectRule(() => checkTransition(c, decideInput, head('2026-03-16', { settings })), '第五十八条');
    c.record.legalReviews.push({ on: '2026-03-16', reviewerId: 30, reviewerName: '林晓', passed: true, opinion: '同意' });
    expect(checkTransition(c, decideInput, head('2026-03-16', { settings }))).toBe('decided');
  });
});

describe('《行政处罚法》第四十四条、第四十五条、第六十二条 prior notice and statement', () => {
  it('Art. 44/62: no penalty decision without the prior notice', () => {
    const c = withProposal(buildCase({ state: 'reviewing' }), 'penalty', buildPenalty());
    expectRule(() => checkTransition(c, decideInput, head('2026-03-16')), '第四十四条');
  });

  it('Art. 45/62: no decision before the statement period ends unless the party expressly waived', () => {
    const c = notifiedCase();
    expectRule(() => checkTransition(c, decideInput, head('2026-03-13')), '第六十二条');
    expect(checkTransition(c, decideInput, head('2026-03-16'))).toBe('decided');
    c.record.statements = [{ on: '2026-03-11', waived: true, content: '放弃陈述申辩', reply: '' }];
    expect(checkTransition({ ...c, lastActedOn: '2026-03-11' }, decideInput, head('2026-03-11'))).toBe('decided');
  });

  it('Art. 45: the penalty may not be raised after the party stated and defended', () => {
    const c = notifiedCase();
    c.record.statements = [{ on: '2026-03-11', waived: false, content: '已经整改，请求从轻', reply: '理由不成立' }];
    const raise: CaseActionInput = { action: 'revisePenalty', penalty: buildPenalty({ fineFen: 3_000_00 }), reason: '当事人态度恶劣' };
    expectRule(() => checkTransition(c, raise, guardContext({ actDate: '2026-03-12', actor: { userId: 11, roles: ['officer'] } })), '第四十五条');
    const lower: CaseActionInput = { action: 'revisePenalty', penalty: buildPenalty({ fineFen: 1_000_00 }), reason: '已整改' };
    expect(checkTransition(c, lower, guardContext({ actDate: '2026-03-12', actor: { userId: 11, roles: ['officer'] } }))).toBe('notified');
  });

  it('Art. 45: a statement that raises points needs a recorded 复核 opinion before the decision', () => {
    const c = notifiedCase();
    const first = { on: '2026-03-11', waived: false, content: '摊位系临时摆放，请求不予处罚', reply: '' };
    c.record.statements = [first];
    c.lastActedOn = '2026-03-11';
    const refused = expectRule(() => checkTransition(c, decideInput, head('2026-03-16')), '第四十五条第一款');
    expect(refused.message).toContain('复核');
    first.reply = '   ';
    expectRule(() => checkTransition(c, decideInput, head('2026-03-16')), '第四十五条第一款');
    first.reply = '经复核，当事人所称临时摆放与现场检查笔录不符，不予采纳';
    expect(checkTransition(c, decideInput, head('2026-03-16'))).toBe('decided');
    // A waiver, or a statement with nothing in it, raises nothing to review.
    c.record.statements = [{ on: '2026-03-11', waived: true, content: '放弃陈述申辩', reply: '' }];
    expect(checkTransition(c, decideInput, head('2026-03-16'))).toBe('decided');
    c.record.statements = [{ on: '2026-03-11', waived: false, content: '', reply: '' }];
    expect(checkTransition(c, decideInput, head('2026-03-16'))).toBe('decided');
  });

  it('Art. 45 para. 1: every statement of the list is reviewed — a second one unanswered still blocks the decision', () => {
    const c = notifiedCase();
    c.record.statements = [
      { on: '2026-03-11', waived: false, content: '摊位系临时摆放', reply: '经复核，与现场检查笔录不符，不予采纳' },
      { on: '2026-03-12', waived: false, content: '补充：家庭困难，请求从轻', reply: '' },
    ];
    c.lastActedOn = '2026-03-12';
    const refused = expectRule(() => checkTransition(c, decideInput, head('2026-03-16')), '第四十五条第一款');
    expect(refused.message).toContain('第2次陈述申辩尚未记录复核意见');
    expect(refused.details).toMatchObject({ unanswered: [2] });
    c.record.statements[1]!.reply = '经复核，家庭困难属实，依法从轻';
    expect(checkTransition(c, decideInput, head('2026-03-16'))).toBe('decided');
  });

  it('Art. 45 para. 1: a 复核 reply answers one recorded statement that raised points, and never overwrites a reply', () => {
    const officer = guardContext({ actDate: '2026-03-12', actor: { userId: 11, roles: ['officer'] } });
    const c = notifiedCase();
    c.lastActedOn = '2026-03-11';
    const reply = (statementNo: number): CaseActionInput => ({ action: 'replyToStatement', statementNo, reply: '经复核，不予采纳' });
    expect(refusal(() => checkTransition(c, reply(1), officer)).code).toBe('VALIDATION');
    c.record.statements = [
      { on: '2026-03-11', waived: false, content: '摊位系临时摆放', reply: '' },
      { on: '2026-03-11', waived: true, content: '放弃陈述申辩', reply: '' },
    ];
    expect(checkTransition(c, reply(1), officer)).toBe('notified');
    expectRule(() => checkTransition(c, reply(2), officer), '第四十五条第一款');
    expect(refusal(() => checkTransition(c, reply(3), officer)).message).toContain('没有第 3 次');
    c.record.statements[0]!.reply = '经复核，不予采纳';
    expect(expectRule(() => checkTransition(c, reply(1), officer), '第四十五条第一款').message).toContain('不能覆盖');
  });

  it('Art. 44: a heavier penalty than notified needs a new notice even without a statement', () => {
    const c = notifiedCase();
    c.record.proposal!.penalty = buildPenalty({ fineFen: 2_500_00 });
    expectRule(() => checkTransition(c, decideInput, head('2026-03-16')), '第四十四条');
  });
});

describe('《行政处罚法》第六十三条、第六十四条、第六十五条 hearing', () => {
  it('Art. 63: hearing rights for a large fine (person ≥ 5,000元, organization ≥ 100,000元) and heavy kinds', () => {
    expect(hearingRightsReasons(buildPenalty({ fineFen: 5_000_00 }), 'person', defaultCaseSettings)).toHaveLength(1);
    expect(hearingRightsReasons(buildPenalty({ fineFen: 4_999_99 }), 'person', defaultCaseSettings)).toHaveLength(0);
    expect(hearingRightsReasons(buildPenalty({ fineFen: 50_000_00 }), 'organization', defaultCaseSettings)).toHaveLength(0);
    expect(hearingRightsReasons(buildPenalty({ kinds: ['suspendBusiness'], fineFen: null }), 'organization', defaultCaseSettings)).toEqual(['责令停产停业']);
    const local = resolveCaseSettings([{ largeFinePersonFen: 3_000_00 }]);
    expect(hearingRightsReasons(buildPenalty({ fineFen: 3_000_00 }), 'person', local)).toHaveLength(1);
  });

  it('Art. 63: a party not offered hearing rights cannot request a hearing', () => {
    expectRule(() => checkTransition(notifiedCase(), { action: 'requestHearing' }, guardContext({ actDate: '2026-03-11', actor: { userId: 11, roles: ['officer'] } })), '第六十三条');
  });

  it('Art. 64: the hearing must be requested within five working days of the notice', () => {
    const c = notifiedCase(buildPenalty({ fineFen: 8_000_00 }), true);
    const officer = (actDate: string) => guardContext({ actDate, actor: { userId: 11, roles: ['officer'] } });
    expect(checkTransition(c, { action: 'requestHearing' }, officer('2026-03-17'))).toBe('hearing');
    expectRule(() => checkTransition(c, { action: 'requestHearing' }, officer('2026-03-18')), '第六十四条');
  });

  it('Art. 64: no decision while the hearing request window is open', () => {
    const c = notifiedCase(buildPenalty({ fineFen: 8_000_00 }), true);
    c.record.collectiveDiscussion = { on: '2026-03-12', participants: ['甲', '乙', '丙'], conclusion: '同意' };
    c.record.legalReviews.push({ on: '2026-03-12', reviewerId: 30, reviewerName: '林晓', passed: true, opinion: '同意' });
    expectRule(() => checkTransition(c, decideInput, head('2026-03-17')), '第六十四条');
    expect(checkTransition(c, decideInput, head('2026-03-18'))).toBe('decided');
  });

  it('Art. 64 (1): waiving the statement is not waiving the hearing; the decision waits for the window (5 working days) or an express hearing waiver', () => {
    // Notice served Tue 2026-03-10: five working days (Art. 85) end Tue 03-17; the weekend 03-14/15 does not count.
    const c = notifiedCase(buildPenalty({ fineFen: 6_000_00 }), true);
    c.record.collectiveDiscussion = { on: '2026-03-11', participants: ['甲', '乙', '丙'], conclusion: '同意' };
    c.record.legalReviews.push({ on: '2026-03-11', reviewerId: 30, reviewerName: '林晓', passed: true, opinion: '同意' });
    c.record.statements = [{ on: '2026-03-11', waived: true, content: '放弃陈述申辩', reply: '' }];
    c.lastActedOn = '2026-03-11';
    const refused = expectRule(() => checkTransition(c, decideInput, head('2026-03-11')), '第六十四条第（一）项');
    expect(refused.message).toContain('未明确放弃听证');
    expect(refused.message).toContain('2026-03-17');
    expectRule(() => checkTransition(c, decideInput, head('2026-03-17')), '第六十四条第（一）项');
    expect(checkTransition(c, decideInput, head('2026-03-18'))).toBe('decided');
    c.record.statements = [{ ...c.record.statements[0]!, hearingWaived: true }];
    expect(checkTransition(c, decideInput, head('2026-03-11'))).toBe('decided');
  });

  it('Art. 63/64: a hearing waiver is recorded only after a notice that offered the hearing, and not once it was requested', () => {
    const officer = guardContext({ actDate: '2026-03-11', actor: { userId: 11, roles: ['officer'] } });
    const input: CaseActionInput = { action: 'recordStatement', waived: true, hearingWaived: true, content: '', reply: '' };
    expect(refusal(() => checkTransition(notifiedCase(), input, officer)).code).toBe('VALIDATION');
    const offered = notifiedCase(buildPenalty({ fineFen: 6_000_00 }), true);
    expect(checkTransition(offered, input, officer)).toBe('notified');
    offered.state = 'hearing';
    offered.record.hearing = { requestedOn: '2026-03-11', hearingOn: null, noticeServedOn: null, noticeNumber: null, presiderId: null, presiderName: null, place: null, heldOn: null, record: null };
    expectRule(() => checkTransition(offered, input, officer), '第六十五条');
  });

  it('Art. 64: the hearing notice is served at least seven working days ahead, by a non-investigator presider', () => {
    const c = notifiedCase(buildPenalty({ fineFen: 8_000_00 }), true);
    c.state = 'hearing';
    const officer = guardContext({ actDate: '2026-03-18', actor: { userId: 11, roles: ['officer'] } });
    // 2026-03-18 (Wed) + 7 working days = 2026-03-27 (Fri): a hearing on 03-27 is fine, 03-26 is too early.
    expect(checkTransition(c, { action: 'scheduleHearing', hearingOn: '2026-03-27', presiderId: 40, place: '第一听证室', recorderId: 12, service: { method: 'direct', time: '10:00' } }, officer)).toBe('hearing');
    expectRule(() => checkTransition(c, { action: 'scheduleHearing', hearingOn: '2026-03-26', presiderId: 40, place: '第一听证室', recorderId: 12, service: { method: 'direct', time: '10:00' } }, officer), '第六十四条');
    expectRule(() => checkTransition(c, { action: 'scheduleHearing', hearingOn: '2026-03-27', presiderId: 12, place: '第一听证室', recorderId: 12, service: { method: 'direct', time: '10:00' } }, officer), '第六十四条第（四）项');
  });

  it('Art. 64 (2) with 民事诉讼法第九十五条: a hearing notice by announcement counts from thirty days after publication', () => {
    const c = notifiedCase(buildPenalty({ fineFen: 8_000_00 }), true);
    c.state = 'hearing';
    const officer = guardContext({ actDate: '2026-03-18', actor: { userId: 11, roles: ['officer'] } });
    const service = { method: 'announcement' as const, time: '10:00', announcementReason: '当事人下落不明，直接送达、邮寄送达均未成功' };
    // Published Wed 03-18, served Fri 04-17; seven working days before a hearing on 03-27 have long passed.
    const refused = expectRule(() => checkTransition(c, { action: 'scheduleHearing', hearingOn: '2026-03-27', presiderId: 40, place: '第一听证室', recorderId: 12, service }, officer), '第六十四条');
    expect(refused.message).toContain('2026-04-17');
    expect(checkTransition(c, { action: 'scheduleHearing', hearingOn: '2026-05-20', presiderId: 40, place: '第一听证室', recorderId: 12, service }, officer)).toBe('hearing');
  });

  it('Art. 65: after a hearing request, no decision until the hearing was held', () => {
    const c = notifiedCase(buildPenalty({ fineFen: 8_000_00 }), true);
    c.state = 'hearing';
    c.record.hearing = { requestedOn: '2026-03-12', hearingOn: '2026-03-25', noticeServedOn: '2026-03-13', noticeNumber: null, presiderId: 40, presiderName: '何静', place: '听证室', heldOn: null, record: null };
    expectRule(() => checkTransition(c, decideInput, head('2026-03-26')), '第六十五条');
  });
});

describe('《行政处罚法》第五十七条 collective discussion', () => {
  it('Art. 57: a major fine needs the heads collective discussion before the decision', () => {
    const c = notifiedCase(buildPenalty({ fineFen: 6_000_00 }));
    c.record.legalReviews.push({ on: '2026-03-12', reviewerId: 30, reviewerName: '林晓', passed: true, opinion: '同意' });
    c.record.statements = [{ on: '2026-03-12', waived: true, content: '', reply: '' }];
    expectRule(() => checkTransition(c, decideInput, head('2026-03-16')), '第五十七条');
    c.record.collectiveDiscussion = { on: '2026-03-13', participants: ['陈建国', '李明', '张华'], conclusion: '同意处罚' };
    expect(checkTransition(c, decideInput, head('2026-03-16'))).toBe('decided');
  });

  it('Art. 65/57: after a hearing, a required collective discussion held before it is no basis for the decision', () => {
    const c = notifiedCase(buildPenalty({ fineFen: 8_000_00 }), true);
    c.state = 'hearing';
    c.record.hearing = { requestedOn: '2026-03-12', hearingOn: '2026-03-25', noticeServedOn: '2026-03-13', noticeNumber: null, presiderId: 40, presiderName: '何静', place: '听证室', heldOn: '2026-03-25', record: '当事人对事实无异议' };
    c.record.collectiveDiscussion = { on: '2026-03-09', participants: ['陈建国', '李明', '张华'], conclusion: '同意处罚' };
    c.record.legalReviews.push({ on: '2026-03-26', reviewerId: 30, reviewerName: '林晓', passed: true, opinion: '同意' });
    c.lastActedOn = '2026-03-26';
    const refused = expectRule(() => checkTransition(c, decideInput, head('2026-03-27')), '第六十五条');
    expect(refused.message).toContain('听证之前');
    expect(refused.details?.article).toContain('第五十七条第二款');
    // A discussion on the hearing day or later is the basis.
    c.record.collectiveDiscussion = { on: '2026-03-25', participants: ['陈建国', '李明', '张华'], conclusion: '根据听证笔录，维持处罚' };
    expect(checkTransition(c, decideInput, head('2026-03-27'))).toBe('decided');
    // A discussion that is not required does not hold the decision back.
    const small = notifiedCase(buildPenalty({ fineFen: 2_000_00, kinds: ['fine', 'suspendBusiness'] }), true);
    small.party.kind = 'organization';
    small.state = 'hearing';
    small.record.hearing = { ...c.record.hearing };
    small.record.collectiveDiscussion = { on: '2026-03-09', participants: ['陈建国', '李明', '张华'], conclusion: '同意' };
    small.record.legalReviews.push({ on: '2026-03-26', reviewerId: 30, reviewerName: '林晓', passed: true, opinion: '同意' });
    small.lastActedOn = '2026-03-26';
    const settings = resolveCaseSettings([{ collectiveDiscussionPenaltyKinds: [] }]);
    expect(checkTransition(small, decideInput, head('2026-03-27', { settings }))).toBe('decided');
  });
});

describe('《行政处罚法》第二十九条、第三十条、第三十三条', () => {
  it('Art. 29: the same violation of the same party is not fined twice', () => {
    const c = notifiedCase();
    c.priorFines = [{ caseId: 7, act: { startedOn: '2026-02-25', endedOn: '2026-02-28' }, decisionNumber: '云东城管罚决字〔2026〕第3号' }];
    const error = expectRule(() => checkTransition(c, decideInput, head('2026-03-16')), '第二十九条');
    expect(error.message).toContain('第3号');
    c.priorFines = [{ caseId: 7, act: { startedOn: '2025-10-01', endedOn: '2025-10-02' }, decisionNumber: '云东城管罚决字〔2025〕第9号' }];
    expect(checkTransition(c, decideInput, head('2026-03-16'))).toBe('decided');
  });

  it('Art. 30: a person under fourteen at the time of the act is not penalized', () => {
    const c = notifiedCase();
    c.party = { kind: 'person', birthDate: '2012-03-05', identityKey: 'id:x' };
    expectRule(() => checkTransition(c, decideInput, head('2026-03-16')), '第三十条');
    c.party = { kind: 'person', birthDate: '2012-02-19', identityKey: 'id:x' };
    expect(checkTransition(c, decideInput, head('2026-03-16'))).toBe('decided');
  });

  it('Art. 33: a no-penalty decision records the education given', () => {
    const c = withProposal(buildCase({ state: 'reviewing' }), 'noPenalty', null, { ground: 'firstViolation', education: null });
    expectRule(() => checkTransition(c, decideInput, head('2026-03-16')), '第三十三条');
    c.record.proposal!.education = '当场对当事人进行法治教育，当事人签字确认并已自行整改';
    expect(checkTransition(c, decideInput, head('2026-03-16'))).toBe('decided');
  });

  it('Art. 33: the investigation cannot close on a no-penalty proposal without the education record', () => {
    const c = buildCase({ state: 'investigating' });
    const officer = guardContext({ actDate: '2026-03-10', actor: { userId: 11, roles: ['officer'] } });
    const close = (education: string | null): CaseActionInput => ({
      action: 'closeInvestigation',
      findings: '初次违法，危害后果轻微并已改正',
      proposal: { kind: 'noPenalty', penalty: null, ground: 'firstViolation', education, transferReason: null },
      flags: { complex: false, majorPublicInterest: false, socialImpact: false },
    });
    expectRule(() => checkTransition(c, close(null), officer), '第三十三条');
    expect(checkTransition(c, close('已对当事人进行教育，当事人签署承诺书'), officer)).toBe('reviewing');
  });

  it('《行政处罚法》第四十条: the investigation cannot close on a penalty proposal while the case has no evidence item', () => {
    const officer = guardContext({ actDate: '2026-03-10', actor: { userId: 11, roles: ['officer'] } });
    const close = (kind: 'penalty' | 'noPenalty'): CaseActionInput => ({
      action: 'closeInvestigation',
      findings: '当事人占道经营的事实',
      proposal: kind === 'penalty' ? { kind, penalty: buildPenalty(), ground: null, education: null, transferReason: null } : { kind, penalty: null, ground: 'factsNotEstablished', education: null, transferReason: null },
      flags: { complex: false, majorPublicInterest: false, socialImpact: false },
    });
    const error = expectRule(() => checkTransition(buildCase({ state: 'investigating', evidenceCount: 0 }), close('penalty'), officer), '第四十条');
    expect(error.message).toContain('证据不足的，不得给予行政处罚');
    expect(checkTransition(buildCase({ state: 'investigating', evidenceCount: 1 }), close('penalty'), officer)).toBe('reviewing');
    // 违法事实不能成立 needs no evidence of a violation to close.
    expect(checkTransition(buildCase({ state: 'investigating', evidenceCount: 0 }), close('noPenalty'), officer)).toBe('reviewing');
  });
});

describe('《行政处罚法》第五十一条 simple procedure', () => {
  it('Art. 51: on the spot only a warning or a fine up to 200元 (person) / 3,000元 (organization)', () => {
    expect(() => assertSimpleProcedureAllowed(buildPenalty({ fineFen: 200_00 }), 'person')).not.toThrow();
    expectRule(() => assertSimpleProcedureAllowed(buildPenalty({ fineFen: 200_01 }), 'person'), '第五十一条');
    expect(() => assertSimpleProcedureAllowed(buildPenalty({ fineFen: 3_000_00 }), 'organization')).not.toThrow();
    expectRule(() => assertSimpleProcedureAllowed(buildPenalty({ fineFen: 3_000_01 }), 'organization'), '第五十一条');
    expectRule(() => assertSimpleProcedureAllowed(buildPenalty({ kinds: ['confiscateProperty'], fineFen: null }), 'person'), '第五十一条');
  });

  it('Art. 51: an amount to confiscate is refused on the spot even beside a small fine', () => {
    expectRule(() => assertSimpleProcedureAllowed(buildPenalty({ fineFen: 200_00, confiscationFen: 5_000_000_00 }), 'person'), '第五十一条');
  });
});

describe('deadlines (《行政处罚法》第五十六条、第六十条、第六十一条、第六十七条、第八十五条)', () => {
  it('Art. 60: the decision is due 90 calendar days after filing, moved off a rest day', () => {
    expect(deadlineFor(calendar, defaultCaseSettings, 'decision', '2026-03-02')).toBe('2026-06-01'); // 05-31 is a Sunday
  });

  it('Art. 61: service within 7 working days; Art. 56: preservation decision within 7 working days', () => {
    expect(deadlineFor(calendar, defaultCaseSettings, 'service', '2026-03-16')).toBe('2026-03-25');
    expect(deadlineFor(calendar, defaultCaseSettings, 'registrationPreservation', '2026-03-16')).toBe('2026-03-25');
  });

  it('Art. 67: payment within 15 days of service; Art. 66: approved instalments move it', () => {
    expect(paymentDueOn(calendar, '2026-03-16', null)).toBe('2026-03-31');
    expect(paymentDueOn(calendar, '2026-03-16', [{ dueOn: '2026-04-30' }, { dueOn: '2026-05-29' }])).toBe('2026-05-29');
  });

  it('Art. 66: instalments must add up to what is owed', () => {
    const c = buildCase({ state: 'enforcing' });
    c.record.decision = { kind: 'penalty', on: '2026-03-16', number: null, penalty: buildPenalty(), ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
    const bad: CaseActionInput = { action: 'approveDeferral', instalments: [{ dueOn: '2026-04-30', amountFen: 1_000_00 }], reason: '经济困难' };
    expect(refusal(() => checkTransition(c, bad, head('2026-03-20'))).code).toBe('VALIDATION');
  });

  it('Art. 72: 加处罚款 is 3% of the fine per day overdue, never more than the fine', () => {
    expect(lateFeeFen(1_000_00, '2026-03-31', '2026-03-31')).toBe(0);
    expect(lateFeeFen(1_000_00, '2026-03-31', '2026-04-01')).toBe(30_00);
    expect(lateFeeFen(1_000_00, '2026-03-31', '2026-04-10')).toBe(300_00);
    expect(lateFeeFen(1_000_00, '2026-03-31', '2026-06-30')).toBe(1_000_00);
  });

  it('Art. 72: a case with an unpaid fine is not closed without court enforcement', () => {
    const c = withClosingOpinions(buildCase({ state: 'enforcing', paymentDueOn: '2026-03-31' }));
    c.record.decision = { kind: 'penalty', on: '2026-03-16', number: null, penalty: buildPenalty(), ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
    const officer = guardContext({ actDate: '2026-04-02', actor: { userId: 11, roles: ['officer'] } });
    expectRule(() => checkTransition(c, { action: 'close', summary: '结案', execution: '罚款已缴清' }, officer), '第七十二条');
    c.record.payments.push({ on: '2026-04-02', amountFen: 2_000_00, receiptNo: 'R1' });
    // Paid two days late: 2 × 3% of 2,000元 = 120元 still owed.
    expectRule(() => checkTransition(c, { action: 'close', summary: '结案', execution: '罚款已缴清' }, officer), '第七十二条');
    c.record.payments.push({ on: '2026-04-02', amountFen: 120_00, receiptNo: 'R2' });
    expect(checkTransition(c, { action: 'close', summary: '结案', execution: '罚款已缴清' }, officer)).toBe('closed');
    expectRule(() => checkTransition({ ...c, paymentDueOn: '2026-04-05' }, { action: 'applyCourtEnforcement', court: '东湖区人民法院' }, head('2026-04-02')), '第七十二条');
  });

  it('Art. 48: a decision the law requires to be published is published before the case is closed', () => {
    const c = withClosingOpinions(buildCase({ state: 'served', publicity: 'pending' }));
    c.record.decision = { kind: 'penalty', on: '2026-03-16', number: null, penalty: buildPenalty({ kinds: ['warning'], fineFen: null }), ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
    const officer = guardContext({ actDate: '2026-03-20', actor: { userId: 11, roles: ['officer'] } });
    expectRule(() => checkTransition(c, { action: 'close', summary: '结案', execution: '已执行' }, officer), '第四十八条');
    expect(checkTransition({ ...c, publicity: 'published' }, { action: 'close', summary: '结案', execution: '已执行' }, officer)).toBe('closed');
    // Not to be published (no record), or withdrawn with a revoked decision: nothing to wait for.
    expect(checkTransition({ ...c, publicity: null }, { action: 'close', summary: '结案', execution: '已执行' }, officer)).toBe('closed');
  });

  it('结案审批表: an ordinary case closes only on the reviewer’s and the head’s signed opinions and the 承办人意见', () => {
    const c = buildCase({ state: 'served' });
    c.record.decision = { kind: 'penalty', on: '2026-03-16', number: null, penalty: buildPenalty({ kinds: ['warning'], fineFen: null }), ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
    const officer = guardContext({ actDate: '2026-03-20', actor: { userId: 11, roles: ['officer'] } });
    const close = { action: 'close', summary: '结案', execution: '已执行' } as const;
    const refused = expectRule(() => checkTransition(c, close, officer), '结案审批表');
    expect(refused.message).toContain('承办人意见、审核意见、负责人意见');
    // The officer's own 承办人意见 comes with the step; the reviewer and the head sign theirs in their own steps.
    expect(expectRule(() => checkTransition(c, { ...close, opinion: '建议结案' }, officer), '结案审批表').message).toContain('结案审批表的审核意见、负责人意见尚未签署');
    expect(checkTransition(withClosingOpinions(c), { ...close, opinion: '建议结案' }, officer)).toBe('closed');
    const headOnly = { ...c, record: { ...c.record, opinions: withClosingOpinions(c).record.opinions!.filter((o) => o.role === 'head') } };
    expect(expectRule(() => checkTransition(headOnly, { ...close, opinion: '建议结案' }, officer), '结案审批表').message).toContain('审核意见');
    // 简易程序: filed with the agency (第五十二条), no 结案审批表.
    expect(checkTransition({ ...c, procedure: 'simple' }, close, officer)).toBe('closed');
  });
});

describe('《行政处罚法》第四十七条 audio-video', () => {
  it('Art. 47: a seizure or demolition is recorded only with same-day audio-video', () => {
    const doc = { act: 'seizure' as const, kind: 'onSiteRecord' as const, recordedOn: '2026-03-05' };
    expectRule(() => assertAudioVideoRecorded(doc, [], defaultCaseSettings), '第四十七条');
    expect(() => assertAudioVideoRecorded(doc, [{ act: 'seizure', kind: 'audioVisual', recordedOn: '2026-03-05' }], defaultCaseSettings)).not.toThrow();
    expect(() => assertAudioVideoRecorded({ ...doc, act: 'inspection' }, [], defaultCaseSettings)).not.toThrow();
    expect(() => assertAudioVideoRecorded(doc, [], resolveCaseSettings([{ audioVideoRequiredFor: [] }]))).not.toThrow();
  });
});

describe('codes, numbers, parties, settings', () => {
  it('act codes carry an ISO 7064 MOD 37,36 check character that catches typos and swaps', () => {
    const code = buildActCode({ divisionCode: '539902', year: 2026, procedure: 'ordinary', seq: 15 });
    expect(code).toMatch(/^5399022026P000015[0-9A-Z]$/);
    expect(parseActCode(code.toLowerCase())).toEqual({ ok: true, code });
    const typo = `${code.slice(0, 16)}${code[16] === '5' ? '6' : '5'}${code[17]}`;
    expect(parseActCode(typo).ok).toBe(false);
    const swapped = `${code.slice(0, 14)}${code[15]}${code[14]}${code.slice(16)}`;
    if (swapped !== code) expect(parseActCode(swapped).ok).toBe(false);
    // Every check character validates its own body (the check char is consistent).
    expect(mod3736CheckChar('5399022026J000001')).toHaveLength(1);
  });

  it('document numbers follow the configured pattern; the default writes the serial without 第 (GB/T 9704-2012 §7.2.4)', () => {
    expect(formatDocumentNumber(defaultCaseSettings.numberPatterns.penaltyDecision, { prefix: '云城管', year: 2024, seq: 15 })).toBe('云城管罚决字〔2024〕15号');
  });

  it('parties: ID numbers and credit codes are checked, the birth date is kept for Art. 30', () => {
    const person = validateParty({ kind: 'person', name: '张伟', idNumber: '11010519491231002X' }, '2026-03-02');
    expect(person).toMatchObject({ birthDate: '1949-12-31', identityKey: 'id:11010519491231002X' });
    expect(refusal(() => validateParty({ kind: 'person', name: '张伟', idNumber: '110105194912310021' }, '2026-03-02')).code).toBe('VALIDATION');
    expect(refusal(() => validateParty({ kind: 'organization', name: '某公司', creditCode: '91350100M000100Y42' }, '2026-03-02')).code).toBe('VALIDATION');
  });

  it('settings: defaults are lawful and the nearest organization wins', () => {
    expect(defaultCaseSettings.statementPeriodDays).toBe(3);
    const s = resolveCaseSettings([{ statementPeriodDays: 5, documentPrefix: '云城管' }, { documentPrefix: '云东城管', numberPatterns: { penaltyDecision: '{prefix}罚字〔{year}〕{seq}号' } }]);
    expect(s).toMatchObject({ statementPeriodDays: 5, documentPrefix: '云东城管' });
    expect(s.numberPatterns).toMatchObject({ penaltyDecision: '{prefix}罚字〔{year}〕{seq}号', priorNotice: '{prefix}罚告字〔{year}〕{seq}号' });
  });

  it('settings: the agency profile has no default and is inherited like every parameter (a brigade prints its bureau’s)', () => {
    expect(defaultCaseSettings.reconsiderationBody).toBeNull();
    const s = resolveCaseSettings([{ reconsiderationBody: '云城市东湖区人民政府', contactPhone: '0871-1' }, { contactPhone: '0871-66001234' }]);
    expect(s).toMatchObject({ reconsiderationBody: '云城市东湖区人民政府', contactPhone: '0871-66001234', court: null });
  });
});

// The three rules that used to be checked inside the step's effects (services/cases), now guards in the table.
describe('rules moved from the effects into the table', () => {
  it('Art. 64 (四): only the presider the agency designated holds and records the hearing', () => {
    const c = notifiedCase(buildPenalty({ fineFen: 8_000_00 }), true);
    c.state = 'hearing';
    c.record.hearing = { requestedOn: '2026-03-12', hearingOn: '2026-03-25', noticeServedOn: '2026-03-13', noticeNumber: null, presiderId: 40, presiderName: '何静', place: '听证室', heldOn: null, record: null };
    const hold: CaseActionInput = { action: 'holdHearing', record: '当事人到场陈述申辩，调查人员出示证据' };
    const other = refusal(() => checkTransition(c, hold, guardContext({ actDate: '2026-03-25', actor: { userId: 41, roles: ['reviewer'] } })));
    expect(other.code).toBe('FORBIDDEN');
    expect(other.message).toBe('听证由指定的主持人 何静 主持并记录');
    expect(other.details?.article).toBe('《行政处罚法》第六十四条第（四）项');
    expect(checkTransition(c, hold, guardContext({ actDate: '2026-03-25', actor: { userId: 40, roles: ['reviewer'] } }))).toBe('hearing');
  });

  it('Art. 60: an extension moves the decision deadline later than the statutory period from filing, or than the last extension', () => {
    const c = buildCase({ state: 'investigating', lastActedOn: '2026-03-02' });
    c.record.filing = { on: '2026-03-02', opinion: '立案', approvedBy: 1 };
    const extend = (newDueOn: string): CaseActionInput => ({ action: 'extendDeadline', newDueOn, reason: '案情复杂，需进一步调查' });
    // Filed 2026-03-02: the 90 days end on 2026-06-01 (05-31 is a Sunday); an "extension" to that day or before is none.
    const early = refusal(() => checkTransition(c, extend('2026-06-01'), head('2026-05-20')));
    expect(early.code).toBe('VALIDATION');
    expect(early.message).toBe('延长后的期限应晚于当前期限 2026-06-01');
    expect(checkTransition(c, extend('2026-06-02'), head('2026-05-20'))).toBe('investigating');
    c.record.extensions.push({ on: '2026-05-20', from: '2026-06-01', to: '2026-07-01', reason: '案情复杂', approvedBy: 1 });
    expect(refusal(() => checkTransition(c, extend('2026-06-15'), head('2026-05-25'))).message).toBe('延长后的期限应晚于当前期限 2026-07-01');
  });

  it('Art. 72: payments may not add up to more than the fine and its 加处罚款', () => {
    const c = withClosingOpinions(buildCase({ state: 'enforcing', paymentDueOn: '2026-03-31' }));
    c.record.decision = { kind: 'penalty', on: '2026-03-16', number: null, penalty: buildPenalty(), ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
    const officer = (actDate: string) => guardContext({ actDate, actor: { userId: 11, roles: ['officer'] } });
    const pay = (amountFen: number): CaseActionInput => ({ action: 'recordPayment', amountFen, receiptNo: 'R1' });
    // In time: the fine (2,000元) and not a fen more.
    expect(checkTransition(c, pay(2_000_00), officer('2026-03-31'))).toBe('enforcing');
    const over = refusal(() => checkTransition(c, pay(2_000_01), officer('2026-03-31')));
    expect(over.code).toBe('VALIDATION');
    expect(over.message).toBe('缴款合计超过应缴金额（罚款及加处罚款共 2000.00 元）');
    // Two days late: 2 × 3% of 2,000元 = 120元 more is owed; earlier payments count.
    c.record.payments.push({ on: '2026-03-20', amountFen: 1_000_00, receiptNo: 'R0' });
    expect(checkTransition(c, pay(1_120_00), officer('2026-04-02'))).toBe('enforcing');
    expect(refusal(() => checkTransition(c, pay(1_120_01), officer('2026-04-02'))).message).toContain('2120.00 元');
  });
});
