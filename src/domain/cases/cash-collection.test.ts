import { describe, expect, it } from 'vitest';
import { expectRule, refusal } from '../test-support.ts';
import { caseActionInput } from './actions.ts';
import { onSpotRecord } from './cash-collection.ts';
import { buildCase, buildPenalty, guardContext } from './fixtures.ts';
import type { CaseActionInput } from './actions.ts';
import type { CaseSnapshot } from './snapshot.ts';
import { emptyCaseRecord } from './snapshot.ts';
import { checkTransition } from './workflow.ts';

const officer = { userId: 11, roles: ['officer'] as const };

/** A decision with a fine of `fineFen`, made on 2026-03-02 (on the spot for the simple procedure), now enforcing. */
function enforcing(procedure: 'simple' | 'ordinary', fineFen: number): CaseSnapshot {
  const record = emptyCaseRecord();
  const penalty = buildPenalty({ fineFen });
  record.decision = { kind: 'penalty', on: '2026-03-02', number: '云东城管当罚〔2026〕1号', penalty, ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null };
  record.service = { on: '2026-03-02', method: 'direct' };
  return buildCase({ procedure, state: 'enforcing', lastActedOn: '2026-03-02', paymentDueOn: '2026-03-17', record });
}

function step(c: CaseSnapshot, raw: Record<string, unknown>, actDate = '2026-03-02') {
  const input = caseActionInput.parse(raw) as CaseActionInput;
  return checkTransition(c, input, guardContext({ actDate, actor: officer }));
}

const pay = (fineFen: number, onSpot?: Record<string, unknown>) => ({ action: 'recordPayment', amountFen: fineFen, receiptNo: 'YN00012345', ...(onSpot ? { onSpot } : {}) });

/** The case after a cash collection recorded as the service records it. */
function collected(c: CaseSnapshot, on: string, afloat = false): CaseSnapshot {
  const record = structuredClone(c.record);
  const fine = record.decision!.penalty!.fineFen!;
  record.payments.push({ on, amountFen: fine, receiptNo: 'YN00012345', onSpot: onSpotRecord({ ground: afloat ? 'remoteArea' : 'smallFine', afloat, partyRequested: afloat, reason: afloat ? '渡口无银行网点' : undefined }) });
  return { ...c, record, lastActedOn: on };
}

describe('当场收缴罚款 (《行政处罚法》第六十八条至第七十一条)', () => {
  it('Art. 68(1): a fine of 100 元 or less decided on the spot may be collected on the spot', () => {
    expect(step(enforcing('simple', 100_00), pay(100_00, { ground: 'smallFine' }))).toBe('enforcing');
  });

  it('Art. 68(1): a fine above 100 元 is not a small fine', () => {
    const error = expectRule(() => step(enforcing('simple', 150_00), pay(150_00, { ground: 'smallFine' })), '第六十八条');
    expect(error.message).toContain('超过一百元');
  });

  it('Art. 68(2): hard to enforce afterwards — allowed with the reason written down', () => {
    expect(refusal(() => step(enforcing('simple', 200_00), pay(200_00, { ground: 'hardToEnforce' }))).code).toBe('VALIDATION');
    expect(step(enforcing('simple', 200_00), pay(200_00, { ground: 'hardToEnforce', reason: '当事人系外地流动摊贩，无固定住所' }))).toBe('enforcing');
  });

  it('Art. 68: only with a decision made on the spot under Art. 51, and at that time', () => {
    expectRule(() => step(enforcing('ordinary', 50_00), pay(50_00, { ground: 'smallFine' })), '第六十八条');
    const later = expectRule(() => step(enforcing('simple', 50_00), pay(50_00, { ground: 'smallFine' }), '2026-03-05'), '第六十八条');
    expect(later.message).toContain('2026-03-02');
  });

  it('Art. 69: remote or water areas — any decision, but only when the party asks and the difficulty is stated', () => {
    const c = enforcing('ordinary', 5_000_00);
    expectRule(() => step(c, pay(5_000_00, { ground: 'remoteArea', reason: '海岛渡口，无银行网点' }), '2026-03-06'), '第六十九条');
    expect(refusal(() => step(c, pay(5_000_00, { ground: 'remoteArea', partyRequested: true }), '2026-03-06')).code).toBe('VALIDATION');
    expect(step(c, pay(5_000_00, { ground: 'remoteArea', partyRequested: true, reason: '海岛渡口，无银行网点' }), '2026-03-06')).toBe('enforcing');
  });

  it('Art. 70: an on-spot collection names the 专用票据 it was taken against', () => {
    const withoutReceipt = { action: 'recordPayment', amountFen: 50_00, onSpot: { ground: 'smallFine' } };
    const parsed = caseActionInput.safeParse(withoutReceipt);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('receiptNo');
    expect(caseActionInput.parse(pay(50_00, { ground: 'smallFine' }))).toMatchObject({ receiptNo: 'YN00012345' });
  });

  it('Art. 71: the officer hands over what was collected; on water the period runs from coming ashore', () => {
    const c = enforcing('simple', 50_00);
    expectRule(() => step(c, { action: 'handOverCash', receivedBy: '财务 李会计' }), '第七十一条');
    expect(step(collected(c, '2026-03-02'), { action: 'handOverCash', receivedBy: '财务 李会计' }, '2026-03-03')).toBe('enforcing');
    expect(refusal(() => step(collected(c, '2026-03-02'), { action: 'handOverCash', receivedBy: '财务 李会计', ashoreOn: '2026-03-02' }, '2026-03-03')).code).toBe('VALIDATION');
    const afloat = collected(enforcing('ordinary', 500_00), '2026-03-02', true);
    expectRule(() => step(afloat, { action: 'handOverCash', receivedBy: '财务 李会计' }, '2026-03-05'), '第七十一条');
    expect(step(afloat, { action: 'handOverCash', receivedBy: '财务 李会计', ashoreOn: '2026-03-04' }, '2026-03-05')).toBe('enforcing');
  });

  it('Art. 71: the agency pays into the bank only money handed over to it, and the case closes only then', () => {
    const c = collected(enforcing('simple', 50_00), '2026-03-02');
    expectRule(() => step(c, { action: 'depositCash', bankReceiptNo: 'BK20260304001' }, '2026-03-04'), '第七十一条');
    expect(expectRule(() => step(c, { action: 'close', summary: '罚款已当场收缴，结案。', execution: '罚款已缴清' }, '2026-03-04'), '第七十一条').message).toContain('尚未缴付指定的银行');
    const handed = structuredClone(c);
    handed.record.payments[0]!.onSpot!.handedOver = { on: '2026-03-03', ashoreOn: null, receivedBy: '财务 李会计' };
    expect(step(handed, { action: 'depositCash', bankReceiptNo: 'BK20260304001' }, '2026-03-04')).toBe('enforcing');
    expectRule(() => step(handed, { action: 'close', summary: '罚款已当场收缴，结案。', execution: '罚款已缴清' }, '2026-03-04'), '第七十一条');
    const deposited = structuredClone(handed);
    deposited.record.payments[0]!.onSpot!.deposited = { on: '2026-03-04', bankReceiptNo: 'BK20260304001' };
    expect(step(deposited, { action: 'close', summary: '罚款已当场收缴并缴付银行，结案。', execution: '罚款已缴清' }, '2026-03-04')).toBe('closed');
  });
});
