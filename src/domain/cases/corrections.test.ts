import { describe, expect, it } from 'vitest';
import { refusal } from '../test-support.ts';
import { calendar, buildPenalty } from './fixtures.ts';
import { correctableFields, correctionFieldKeys, correctionTargets, planCorrection, recomputedPaymentDue } from './corrections.ts';
import type { ServiceEntry } from './document-records.ts';
import { type CaseRecord, emptyCaseRecord } from './snapshot.ts';

const served = (overrides: Partial<ServiceEntry> = {}): ServiceEntry => ({
  document: 'decision',
  number: '云东城管罚决字〔2026〕12号',
  on: '2026-03-16',
  time: '10:00',
  method: 'direct',
  place: '云城市东湖区南湖路8号',
  recipient: '张伟',
  receiver: null,
  witness: null,
  electronicConsent: null,
  servers: [{ id: 1, name: '王磊' }],
  ...overrides,
});

function decided(extra: Partial<CaseRecord> = {}): CaseRecord {
  return {
    ...emptyCaseRecord(),
    decision: { kind: 'penalty', on: '2026-03-16', number: '云东城管罚决字〔2026〕12号', penalty: buildPenalty(), ground: null, education: null, transferReason: null, status: 'inForce', statusChange: null },
    service: { on: '2026-03-16', method: 'direct', effectiveOn: '2026-03-16' },
    services: [served({ document: 'priorNotice', on: '2026-03-10', number: '云东城管罚告字〔2026〕3号' }), served()],
    ...extra,
  };
}
const subject = (record: CaseRecord, procedure: 'ordinary' | 'simple' = 'ordinary') => ({ record, procedure });
const decisionService = { target: 'services.1', field: 'serviceDate' as const };

describe('the table of correctable fields', () => {
  it('gives every field its legal footing and reason, and ties each record item to the step that recorded it', () => {
    for (const key of correctionFieldKeys) expect(correctableFields[key].basis.length > 0 && correctableFields[key].reason.length > 0, key).toBe(true);
    const targets = correctionTargets(subject(decided({ payments: [{ on: '2026-03-20', amountFen: 2_000_00, receiptNo: 'FS001' }] })));
    expect(targets.map((t) => [t.target, t.step, t.occurrence])).toEqual([
      ['services.0', 'notify', 0],
      ['services.1', 'serve', 0],
      ['payments.0', 'recordPayment', 0],
    ]);
  });
});

describe('what the law does not let be corrected', () => {
  it('Art. 47: the prior notice is dated its service day, printed on the notice issued to the party', () => {
    const error = refusal(() => planCorrection(subject(decided()), { target: 'services.0', field: 'serviceDate', value: '2026-03-11' }, '2026-03-20'));
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('成文日期') });
  });

  it('Art. 72: once a 催告书 computed the late fee from the payment period, the service date stays', () => {
    const record = decided({ reminders: [{ on: '2026-04-10', number: '催字1号', periodDays: 10, lateFeeFen: 0, owedFen: 2_000_00 }] });
    expect(refusal(() => planCorrection(subject(record), { ...decisionService, value: '2026-03-17' }, '2026-04-20')).message).toContain('催告书');
  });

  it('Art. 66: once a deferral decision set the payment dates, the service date stays', () => {
    const record = decided({ instalments: [{ dueOn: '2026-05-31', amountFen: 2_000_00 }], deferralDecision: { on: '2026-03-25', number: '延字1号' } });
    expect(refusal(() => planCorrection(subject(record), { ...decisionService, value: '2026-03-17' }, '2026-04-20')).message).toContain('延期（分期）');
  });

  it('a fine paid in full keeps its recorded period; a date after the first payment or before the decision is refused', () => {
    const paid = decided({ payments: [{ on: '2026-03-20', amountFen: 2_000_00, receiptNo: 'FS001' }] });
    expect(refusal(() => planCorrection(subject(paid), { ...decisionService, value: '2026-03-17' }, '2026-04-20')).message).toContain('已全部缴纳');
    const part = decided({ payments: [{ on: '2026-03-18', amountFen: 500_00, receiptNo: 'FS001' }] });
    expect(refusal(() => planCorrection(subject(part), { ...decisionService, value: '2026-03-19' }, '2026-04-20')).message).toContain('第一笔缴款');
    expect(refusal(() => planCorrection(subject(part), { ...decisionService, value: '2026-03-13' }, '2026-04-20')).message).toContain('不能早于作出决定');
    expect(planCorrection(subject(part), { ...decisionService, value: '2026-03-17' }, '2026-04-20')).toMatchObject({ from: '2026-03-16', to: '2026-03-17', kind: 'service', index: 1 });
  });

  it('Art. 52, Art. 70: the receipt of cash taken on the spot is printed on the 当场行政处罚决定书 handed over there', () => {
    const onSpot = { ground: 'smallFine' as const, reason: null, partyRequested: false, afloat: false, handedOver: null, deposited: null };
    const record = { ...emptyCaseRecord(), payments: [{ on: '2026-03-02', amountFen: 50_00, receiptNo: 'YN001', onSpot }] };
    expect(refusal(() => planCorrection(subject(record, 'simple'), { target: 'payments.0', field: 'receiptNo', value: 'YN002' }, '2026-03-03')).message).toContain('当场行政处罚决定书');
    expect(planCorrection(subject(record, 'ordinary'), { target: 'payments.0', field: 'receiptNo', value: 'YN002' }, '2026-03-03').to).toBe('YN002');
  });

  it('Art. 61 para. 2: a correction to 电子送达 needs the consent the 送达回证 records', () => {
    expect(refusal(() => planCorrection(subject(decided()), { target: 'services.1', field: 'serviceMethod', value: 'electronic' }, '2026-03-20')).message).toContain('同意');
    const consented = decided({ services: [served({ document: 'priorNotice', on: '2026-03-10' }), served({ electronicConsent: '电子送达地址确认书（2026-03-01）' })] });
    expect(planCorrection(subject(consented), { target: 'services.1', field: 'serviceMethod', value: 'electronic' }, '2026-03-20').to).toBe('electronic');
  });

  it('a field of another kind of item, a missing item or a malformed value is a clear validation error', () => {
    expect(refusal(() => planCorrection(subject(decided()), { target: 'services.1', field: 'receiptNo', value: 'X1' }, '2026-03-20')).message).toContain('缴款票据号');
    expect(refusal(() => planCorrection(subject(decided()), { target: 'services.5', field: 'serviceTime', value: '09:30' }, '2026-03-20')).message).toBe('未找到要更正的记录');
    expect(refusal(() => planCorrection(subject(decided()), { target: 'services.1', field: 'serviceTime', value: '9点半' }, '2026-03-20')).message).toContain('HH:mm');
  });
});

describe('the payment period counted again (《行政处罚法》第六十七条第三款)', () => {
  it('Art. 67 para. 3: fifteen calendar days from the corrected service, moved past the Spring Festival holiday', () => {
    // Served 2026-02-01: the fifteenth day, 02-16, is inside the 02-15…02-23 holiday, so the period ends on 02-24.
    const record = decided();
    expect(recomputedPaymentDue(calendar, record, '2026-02-01', 'direct').due?.dueOn).toBe('2026-02-24');
    expect(recomputedPaymentDue(calendar, record, '2026-03-17', 'direct').due?.dueOn).toBe('2026-04-01');
    // No fine, no period.
    expect(recomputedPaymentDue(calendar, { ...record, decision: { ...record.decision!, penalty: null } }, '2026-03-17', 'direct').due).toBeNull();
  });
});
