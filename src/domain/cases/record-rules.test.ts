/**
 * The rules of what a case records for its documents, through the workflow table: each test is named after its
 * article and fails when the guard is removed from the table or the rule function.
 */
import { describe, expect, it } from 'vitest';
import { type CaseActionInput, caseActionInput } from './actions.ts';
import { buildCase, buildOfficer, buildPenalty, calendar, guardContext, notifiedCase } from './fixtures.ts';
import { paymentDueOn, serviceEffectiveOn } from './rules.ts';
import { checkTransition } from './workflow.ts';
import { refusal, expectRule } from '../test-support.ts';



const officer = (actDate: string) => guardContext({ actDate, actor: { userId: 11, roles: ['officer'] } });
const investigating = () => buildCase({ state: 'investigating', lastActedOn: '2026-03-03', officers: [buildOfficer(11), buildOfficer(12), buildOfficer(13, { certificateValidUntil: '2025-12-31' })] });

const inspection = (inspectorIds: number[], startAt = '2026-03-04T09:30'): CaseActionInput => ({
  action: 'recordInspection',
  on: '2026-03-04',
  startAt,
  endAt: '2026-03-04T10:15',
  place: '云城市东湖区湖滨路56号楼顶',
  inspectorIds,
  recorderId: 12,
  presentPerson: '赵志强（当事人）',
  findings: '楼顶搭建钢结构房屋一间，约72平方米。',
});

describe('records made during the investigation (《行政处罚法》第四十二条、第五十五条)', () => {
  it('Art. 42/55: an inspection record is made by at least two certified officers of the case', () => {
    expect(checkTransition(investigating(), inspection([11, 12]), officer('2026-03-04'))).toBe('investigating');
    expectRule(() => checkTransition(investigating(), inspection([11]), officer('2026-03-04')), '第四十二条');
    // 13's certificate expired before the act; 99 is not an officer of the case.
    expect(expectRule(() => checkTransition(investigating(), inspection([11, 13]), officer('2026-03-04')), '第五十五条').message).toContain('执法人员13');
    expectRule(() => checkTransition(investigating(), inspection([11, 99]), officer('2026-03-04')), '第四十二条');
  });

  it('Art. 42/55: an inquiry record names two certified questioners of the case', () => {
    const inquiry = (questionerIds: number[]): CaseActionInput => ({
      action: 'recordInquiry',
      startAt: '2026-03-04T14:00',
      endAt: '2026-03-04T14:40',
      place: '东湖区执法大队询问室',
      interviewee: { name: '赵志强', idNumber: '539902197804120314', address: '云城市东湖区湖滨路56号', phone: '13978041231', relation: '当事人' },
      questionerIds,
      recorderId: 12,
      rightsAnswer: '看清楚了，不申请回避。',
      exchanges: [{ question: '楼顶的房屋是谁建的？', answer: '是我请人建的。' }],
    });
    expect(checkTransition(investigating(), inquiry([11, 12]), officer('2026-03-04'))).toBe('investigating');
    expectRule(() => checkTransition(investigating(), inquiry([12]), officer('2026-03-04')), '第四十二条');
  });

  it('a record starts on the day it is recorded and does not end before it starts', () => {
    expect(refusal(() => checkTransition(investigating(), inspection([11, 12], '2026-03-03T09:30'), officer('2026-03-04'))).code).toBe('VALIDATION');
  });
});

describe('service (《行政处罚法》第六十一条)', () => {
  const decided = () => {
    const c = buildCase({ state: 'decided', lastActedOn: '2026-03-20' });
    c.record.decision = { kind: 'penalty', on: '2026-03-20', number: '云东城管罚决字〔2026〕1号', penalty: buildPenalty(), ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
    return c;
  };

  it('Art. 61: electronic service needs the party’s consent and a signed confirmation', () => {
    expectRule(() => checkTransition(decided(), { action: 'serve', on: '2026-03-21', time: '10:00', method: 'electronic' }, officer('2026-03-21')), '第六十一条第二款');
    const consented: CaseActionInput = { action: 'serve', on: '2026-03-21', time: '10:00', method: 'electronic', electronicConsent: '2026年3月2日签署的送达地址确认书' };
    expect(checkTransition(decided(), consented, officer('2026-03-21'))).toBe('enforcing');
  });

  it('Art. 61 with 民事诉讼法第九十五条: service by announcement is the last resort — the reason other ways failed is required, also for the prior notice', () => {
    const bare: CaseActionInput = { action: 'serve', on: '2026-03-21', time: '10:00', method: 'announcement' };
    expect(expectRule(() => checkTransition(decided(), bare, officer('2026-03-21')), '第九十五条').message).toContain('其他送达方式无法送达');
    expectRule(() => checkTransition(decided(), { ...bare, announcementReason: '  ' }, officer('2026-03-21')), '第九十五条');
    const reasoned: CaseActionInput = { ...bare, announcementReason: '当事人下落不明，直接送达、邮寄送达均被退回' };
    expect(checkTransition(decided(), reasoned, officer('2026-03-21'))).toBe('enforcing');
    const reviewing = buildCase({ state: 'reviewing', lastActedOn: '2026-03-09' });
    reviewing.record.proposal = { kind: 'penalty', penalty: buildPenalty(), ground: null, education: null, transferReason: null };
    expectRule(() => checkTransition(reviewing, { action: 'notify', on: '2026-03-10', service: { method: 'announcement', time: '10:00' } }, officer('2026-03-10')), '第九十五条');
  });

  it('Art. 61 with 民事诉讼法第九十五条: an announcement counts as served thirty calendar days after publication, moved off a rest day', () => {
    // 2026-03-10 + 30 days = Thu 2026-04-09; the payment period (Art. 67: 15 days) runs from then to Fri 04-24.
    expect(serviceEffectiveOn(calendar, 'announcement', '2026-03-10')).toBe('2026-04-09');
    expect(paymentDueOn(calendar, serviceEffectiveOn(calendar, 'announcement', '2026-03-10'), null)).toBe('2026-04-24');
    // 2026-09-01 + 30 days = 10-01, inside the National Day holiday (10-01…10-07): served on the first working day, 10-08.
    expect(serviceEffectiveOn(calendar, 'announcement', '2026-09-01')).toBe('2026-10-08');
    // Every other method is served on the day.
    expect(serviceEffectiveOn(calendar, 'direct', '2026-09-01')).toBe('2026-09-01');
    expect(serviceEffectiveOn(calendar, 'mail', '2026-09-01')).toBe('2026-09-01');
  });

  it('Art. 61 with 民事诉讼法第八十九条: leaving a document at the address needs a witness, also for the prior notice', () => {
    const reviewing = buildCase({ state: 'reviewing', lastActedOn: '2026-03-09' });
    reviewing.record.proposal = { kind: 'penalty', penalty: buildPenalty(), ground: null, education: null, transferReason: null };
    expectRule(() => checkTransition(reviewing, { action: 'notify', on: '2026-03-10', service: { method: 'left', time: '10:00' } }, officer('2026-03-10')), '第八十九条');
    expect(checkTransition(reviewing, { action: 'notify', on: '2026-03-10', service: { method: 'left', time: '10:00', witness: '社区网格员李某' } }, officer('2026-03-10'))).toBe('notified');
  });
});

describe('hearing (《行政处罚法》第六十四条)', () => {
  const hearingCase = () => {
    const c = notifiedCase(buildPenalty({ fineFen: 8_000_00 }), true);
    c.state = 'hearing';
    c.record.hearing = { requestedOn: '2026-03-11', hearingOn: null, noticeServedOn: null, noticeNumber: null, presiderId: null, presiderName: null, place: null, heldOn: null, record: null };
    return c;
  };
  const schedule = (extra: Partial<Extract<CaseActionInput, { action: 'scheduleHearing' }>>): CaseActionInput => ({
    action: 'scheduleHearing',
    on: '2026-03-12',
    hearingOn: '2026-03-25',
    presiderId: 21,
    place: '第一听证室',
    recorderId: 12,
    service: { method: 'direct', time: '10:00' },
    ...extra,
  });

  it('Art. 64 (三): a hearing is public unless state secrets, trade secrets or privacy are involved', () => {
    expectRule(() => checkTransition(hearingCase(), schedule({ publicHearing: false }), officer('2026-03-12')), '第六十四条第（三）项');
    expect(checkTransition(hearingCase(), schedule({ publicHearing: false, confidentialReason: 'tradeSecret' }), officer('2026-03-12'))).toBe('hearing');
  });

  it('Art. 64 (四): hearing officers (听证员) are not investigators of the case either', () => {
    expectRule(() => checkTransition(hearingCase(), schedule({ hearingOfficerIds: [22, 12] }), officer('2026-03-12')), '第六十四条第（四）项');
    expect(checkTransition(hearingCase(), schedule({ hearingOfficerIds: [22] }), officer('2026-03-12'))).toBe('hearing');
  });
});

describe('correction and reminder', () => {
  it('Art. 28: a correction period ends after the order is made', () => {
    const order = (deadline: string): CaseActionInput => ({ action: 'orderCorrection', on: '2026-03-04', finding: '未经批准擅自建设', requirement: '停止建设，限期改正', deadline });
    expectRule(() => checkTransition(investigating(), order('2026-03-04'), officer('2026-03-04')), '第二十八条');
    expect(checkTransition(investigating(), order('2026-03-20'), officer('2026-03-04'))).toBe('investigating');
  });

  it('Art. 72 with 行政强制法第三十五条、第四十五条: a reminder only after the payment period, while something is owed', () => {
    const enforcing = buildCase({ state: 'enforcing', lastActedOn: '2026-03-21', paymentDueOn: '2026-04-07' });
    enforcing.record.decision = { kind: 'penalty', on: '2026-03-20', number: '云东城管罚决字〔2026〕1号', penalty: buildPenalty(), ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
    const remind: CaseActionInput = { action: 'remindPayment', on: '2026-04-07', periodDays: 10 };
    expectRule(() => checkTransition(enforcing, remind, officer('2026-04-07')), '行政强制法》第三十五条');
    expect(checkTransition(enforcing, { ...remind, on: '2026-04-08' }, officer('2026-04-08'))).toBe('enforcing');
    enforcing.record.payments = [{ on: '2026-04-07', amountFen: 2_000_00, receiptNo: 'FS1' }];
    expectRule(() => checkTransition(enforcing, { ...remind, on: '2026-04-08' }, officer('2026-04-08')), '第七十二条');
  });
});

describe('court enforcement (《行政强制法》第五十三条、第五十四条)', () => {
  const head = (actDate: string) => guardContext({ actDate, today: '2026-12-31', actor: { userId: 1, roles: ['head'] } });
  const apply: CaseActionInput = { action: 'applyCourtEnforcement', court: '云城市东湖区人民法院' };
  function unpaid(reminderServedOn?: string) {
    const c = buildCase({ state: 'enforcing', lastActedOn: '2026-03-16', paymentDueOn: '2026-03-31' });
    c.record.decision = { kind: 'penalty', on: '2026-03-16', number: '云东城管罚决字〔2026〕1号', penalty: buildPenalty(), ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
    c.record.service = { on: '2026-03-16', method: 'direct' };
    if (reminderServedOn) {
      c.record.services = [
        { document: 'reminder', number: '云东城管催字〔2026〕1号', on: reminderServedOn, time: null, method: 'direct', place: '', recipient: '当事人', receiver: null, witness: null, electronicConsent: null, servers: [] },
      ];
    }
    return c;
  }

  it('《行政强制法》第五十三条: not before the six months to sue have passed, and within three months after', () => {
    // Served 2026-03-16: 行政诉讼 may be brought until 2026-09-16 (《行政诉讼法》第四十六条, 《民法典》第二百零二条).
    expectRule(() => checkTransition(unpaid('2026-09-01'), apply, head('2026-09-16')), '行政强制法》第五十三条');
    expect(checkTransition(unpaid('2026-09-01'), apply, head('2026-09-17'))).toBe('enforcing');
    expect(checkTransition(unpaid('2026-09-01'), apply, head('2026-12-16'))).toBe('enforcing');
    expectRule(() => checkTransition(unpaid('2026-09-01'), apply, head('2026-12-17')), '行政强制法》第五十三条');
  });

  it('《行政强制法》第五十四条: only ten days after a 催告书 was served', () => {
    expectRule(() => checkTransition(unpaid(), apply, head('2026-09-21')), '行政强制法》第五十四条');
    // Served Tuesday 2026-09-08: the ten days end on Friday 2026-09-18.
    expectRule(() => checkTransition(unpaid('2026-09-08'), apply, head('2026-09-18')), '行政强制法》第五十四条');
    expect(checkTransition(unpaid('2026-09-08'), apply, head('2026-09-19'))).toBe('enforcing');
  });
});

describe('a step captures what its document prints (issue 14)', () => {
  const messages = (raw: unknown) => {
    const parsed = caseActionInput.safeParse(raw);
    expect(parsed.success).toBe(false);
    return parsed.error!.issues.map((i) => `${i.path.join('.')}：${i.message}`);
  };

  it('送达回证: notify and scheduleHearing serve their notice, so the service record (method, time) is required', () => {
    expect(messages({ action: 'notify' })).toEqual(['service：请填写事先告知书送达情况']);
    expect(messages({ action: 'notify', service: {} })).toEqual(['service.method：请选择送达方式', 'service.time：请填写送达时间']);
    expect(messages({ action: 'serve', method: 'direct' })).toEqual(['time：请填写送达时间']);
    expect(caseActionInput.safeParse({ action: 'notify', service: { method: 'direct', time: '10:00' } }).success).toBe(true);
  });

  it('听证通知书: the hearing recorder is required', () => {
    const input = { action: 'scheduleHearing', hearingOn: '2026-03-27', presiderId: 40, place: '第一听证室', service: { method: 'direct', time: '10:00' } };
    expect(messages(input)).toEqual(['recorderId：请选择听证记录员']);
    expect(caseActionInput.safeParse({ ...input, recorderId: 12 }).success).toBe(true);
  });

  it('集体讨论笔录: time, place, recorder, reporter and the opinions are required', () => {
    const input = { action: 'collectiveDiscussion', participantIds: [1, 2, 3], conclusion: '同意处罚意见。' };
    expect(messages(input)).toEqual([
      'startAt：请填写讨论开始时间',
      'endAt：请填写讨论结束时间',
      'place：请填写讨论地点',
      'recorder：请填写记录人',
      'reporterId：请选择案情汇报人',
      'opinions：请填写讨论意见',
    ]);
  });

  it('结案报告: 执行情况 is required at close', () => {
    expect(messages({ action: 'close', summary: '案件办结' })).toEqual(['execution：请填写执行情况']);
  });
});
