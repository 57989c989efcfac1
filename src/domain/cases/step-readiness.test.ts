import { describe, expect, it } from 'vitest';
import { onSpotRecord } from './cash-collection.ts';
import { buildCase, buildPenalty, guardContext, notifiedCase, withClosingOpinions } from './fixtures.ts';
import { stepsNotYet } from './step-readiness.ts';
import type { CaseSnapshot } from './snapshot.ts';

const head = (on: string) => guardContext({ actDate: on, today: on, actor: { userId: 1, roles: ['head'] } });
const officer = (on: string) => guardContext({ actDate: on, today: on, actor: { userId: 11, roles: ['officer'] } });

function enforcing(fineFen = 2_000_00): CaseSnapshot {
  const c = buildCase({ state: 'enforcing', paymentDueOn: '2026-03-31', lastActedOn: '2026-03-16' });
  c.record.decision = { kind: 'penalty', on: '2026-03-16', number: null, penalty: buildPenalty({ fineFen }), ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
  return c;
}

describe('steps offered only when their guards pass today', () => {
  it('《行政处罚法》第四十五条、第六十二条: 作出决定 is not offered before the statement period ends, and the page says from when', () => {
    const c = notifiedCase();
    expect(stepsNotYet(c, ['decide'], head('2026-03-12'))).toEqual([
      { action: 'decide', nothingToDo: false, reason: '陈述申辩期限届满（2026-03-13）后可作出决定；当事人明确放弃陈述申辩的除外', article: expect.stringContaining('第六十二条') },
    ]);
    expect(stepsNotYet(c, ['decide'], head('2026-03-16'))).toEqual([]);
    // An express waiver lets the decision come at once.
    const waived = { ...c, record: { ...c.record, statements: [{ on: '2026-03-11', waived: true, content: '放弃', reply: '' }] } };
    expect(stepsNotYet(waived, ['decide'], head('2026-03-12'))).toEqual([]);
  });

  it('《行政处罚法》第七十二条: 记录缴款 is not offered once the fine is paid in full', () => {
    const c = enforcing();
    expect(stepsNotYet(c, ['recordPayment'], officer('2026-03-20'))).toEqual([]);
    c.record.payments.push({ on: '2026-03-20', amountFen: 2_000_00, receiptNo: 'R1' });
    expect(stepsNotYet(c, ['recordPayment'], officer('2026-03-20'))[0]).toMatchObject({ nothingToDo: true, reason: '罚款及加处罚款已全部缴清，无需再记录缴款', article: expect.stringContaining('第七十二条') });
  });

  it('《行政处罚法》第七十一条: 当场收缴罚款交至机关 and 缴付银行 are not offered without cash collected on the spot', () => {
    const c = enforcing(50_00);
    c.record.payments.push({ on: '2026-03-20', amountFen: 50_00, receiptNo: 'R1' });
    expect(stepsNotYet(c, ['handOverCash', 'depositCash'], officer('2026-03-20')).map((n) => n.action)).toEqual(['handOverCash', 'depositCash']);
    const cash = enforcing(50_00);
    cash.record.payments.push({ on: '2026-03-20', amountFen: 50_00, receiptNo: 'R1', onSpot: onSpotRecord({ ground: 'smallFine', afloat: false, partyRequested: false }) });
    expect(stepsNotYet(cash, ['handOverCash'], officer('2026-03-20'))).toEqual([]);
    // Handed over but not yet in the bank: 缴付银行 now, not 交至机关.
    cash.record.payments[0]!.onSpot!.handedOver = { on: '2026-03-21', ashoreOn: null, receivedBy: '财务 李会计' };
    expect(stepsNotYet(cash, ['handOverCash', 'depositCash'], officer('2026-03-21')).map((n) => n.action)).toEqual(['handOverCash']);
  });

  it('结案审批表: 结案 is not offered before the reviewer and the head have signed, and says whose opinion is missing', () => {
    const c = enforcing();
    c.record.payments.push({ on: '2026-03-20', amountFen: 2_000_00, receiptNo: 'R1' });
    expect(stepsNotYet(c, ['close'], officer('2026-03-20'))[0]?.reason).toContain('审核意见、负责人意见尚未签署');
    expect(stepsNotYet(withClosingOpinions(c), ['close'], officer('2026-03-20'))).toEqual([]);
  });

  it('steps whose guards weigh what is typed are not probed: they stay offered', () => {
    expect(stepsNotYet(notifiedCase(), ['recordStatement', 'revisePenalty'], officer('2026-03-11'))).toEqual([]);
  });
});
