import { describe, expect, it } from 'vitest';
import type { Role } from '../access.ts';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { validationError } from '../errors.ts';
import { expectRule, refusal } from '../test-support.ts';
import { inspectionActionInput } from './actions.ts';
import { defaultInspectionSettings, drawResultDueOn, emergencyRecordDueOn, EMERGENCY_BASIS } from './periods.ts';
import type { InspectionGuardContext, InspectionOfficer, InspectionSnapshot } from './snapshot.ts';
import { capExemptLabel, checkInspectionTransition, INSPECTION_BASIS } from './workflow.ts';

const calendar = new WorkCalendar();
const ORG = '/1/2/3/';
const cert = (validUntil = '2028-12-31') => ({ number: '35010020260001', validFrom: '2024-01-01', validUntil });
const WANG: InspectionOfficer = { userId: 7, name: '王磊', certificate: cert() };
const LI: InspectionOfficer = { userId: 8, name: '李娜', certificate: cert() };

const inspection = (over: Partial<InspectionSnapshot> = {}): InspectionSnapshot => ({
  id: 1,
  state: 'registered',
  organizationPath: ORG,
  subject: { id: 5, creditCode: '91350100M000100Y43', name: '云城市鑫源商贸有限公司' },
  item: { id: 3, code: 'CG-001', name: '户外广告设施设置检查', method: 'onSite', yearlyCap: 2, publishedOn: '2026-01-05', withdrawnOn: null },
  trigger: 'planned',
  method: 'onSite',
  methodReason: null,
  emergencyOn: null,
  officers: [WANG, LI],
  registeredOn: '2026-09-28',
  lastActedOn: '2026-09-28',
  rectification: null,
  ...over,
});

const ctx = (over: Partial<InspectionGuardContext> = {}, roles: Role[] = ['officer'], userId = WANG.userId): InspectionGuardContext => ({
  actDate: '2026-09-29',
  today: '2026-09-29',
  actor: { userId, roles, organizationPath: ORG },
  calendar,
  settings: defaultInspectionSettings,
  inspectionsThisYear: 0,
  ...over,
});
const step = (s: InspectionSnapshot, input: Record<string, unknown>, g: InspectionGuardContext = ctx()) => {
  const parsed = inspectionActionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues.map((i) => i.message).join('；'));
  return checkInspectionTransition(s, parsed.data, g);
};
const issueCode = { action: 'issueCode' };

describe(`${INSPECTION_BASIS}: before entering, the inspection passes every rule`, () => {
  it('a published item, two certified officers, under the cap: the 行政检查码 is issued', () => {
    expect(step(inspection(), issueCode)).toBe('coded');
  });

  it(`${INSPECTION_BASIS}: an item not on the published list (or not yet in force, or withdrawn) is not inspected`, () => {
    expect(expectRule(() => step(inspection({ item: { ...inspection().item, publishedOn: null } }), issueCode), INSPECTION_BASIS).message).toContain('未在本单位检查事项清单中公布');
    expectRule(() => step(inspection({ item: { ...inspection().item, publishedOn: '2026-10-01' } }), issueCode), INSPECTION_BASIS);
    expect(expectRule(() => step(inspection({ item: { ...inspection().item, withdrawnOn: '2026-09-29' } }), issueCode), INSPECTION_BASIS).message).toContain('已于 2026-09-29 从检查事项清单中撤销');
  });

  it('《行政处罚法》第四十二条、第五十五条: an officer without a certificate valid that day, or fewer than two officers, is refused', () => {
    const aide: InspectionOfficer = { userId: 9, name: '赵协管', certificate: null };
    expect(expectRule(() => step(inspection({ officers: [WANG, aide] }), issueCode), '第四十二条').message).toContain('赵协管在 2026-09-29 没有有效的行政执法证件');
    const expired: InspectionOfficer = { ...LI, certificate: cert('2026-09-28') };
    expect(expectRule(() => step(inspection({ officers: [WANG, expired] }), issueCode), '第五十五条').message).toContain('李娜');
    // Valid through the last day of validity.
    expect(step(inspection({ officers: [WANG, { ...LI, certificate: cert('2026-09-29') }] }), issueCode)).toBe('coded');
    expect(expectRule(() => step(inspection({ officers: [WANG] }), issueCode), INSPECTION_BASIS).message).toContain('两名以上');
  });

  it(`${INSPECTION_BASIS}: an item checked in writing is not checked on site, unless a targeted inspection says why`, () => {
    const written = { ...inspection().item, method: 'written' as const };
    expect(expectRule(() => step(inspection({ item: written }), issueCode), INSPECTION_BASIS).message).toContain('不得入企现场检查');
    expect(step(inspection({ item: written, method: 'written' }), issueCode)).toBe('coded');
    expect(refusal(() => step(inspection({ item: written, trigger: 'complaint' }), issueCode)).code).toBe('VALIDATION');
    expect(step(inspection({ item: written, trigger: 'complaint', methodReason: '投诉称夜间违规施工，需现场核实' }), issueCode)).toBe('coded');
  });

  it(`${INSPECTION_BASIS}: the subject's yearly cap for the item is kept; 《优化营商环境条例》第五十四条第二款 targeted inspections are exempt and recorded`, () => {
    expect(step(inspection(), issueCode, ctx({ inspectionsThisYear: 1 }))).toBe('coded');
    const error = expectRule(() => step(inspection(), issueCode, ctx({ inspectionsThisYear: 2 })), INSPECTION_BASIS);
    expect(error.message).toContain('本年度（2026年）已接受“户外广告设施设置检查”检查 2 次，达到每年不超过 2 次的上限');
    expect(step(inspection({ trigger: 'random' }), issueCode, ctx({ inspectionsThisYear: 1 }))).toBe('coded');
    expectRule(() => step(inspection({ trigger: 'random' }), issueCode, ctx({ inspectionsThisYear: 2 })), INSPECTION_BASIS);
    for (const trigger of ['complaint', 'referral', 'monitoring', 'case'] as const) {
      expect(step(inspection({ trigger }), issueCode, ctx({ inspectionsThisYear: 5 }))).toBe('coded');
      expect(capExemptLabel({ trigger })).toContain('不计入年度检查频次');
    }
    expect(capExemptLabel({ trigger: 'planned' })).toBeNull();
    expect(step(inspection({ item: { ...inspection().item, yearlyCap: null } }), issueCode, ctx({ inspectionsThisYear: 9 }))).toBe('coded');
  });

  it('only the officers of the inspection issue its code', () => {
    expect(refusal(() => step(inspection(), issueCode, ctx({}, ['officer'], 99))).code).toBe('FORBIDDEN');
  });
});

describe('the record, rectification and re-inspection', () => {
  const coded = inspection({ state: 'coded' });
  it('no problem closes it; a rectification needs a due date after the day; a refer goes to the case engine', () => {
    expect(step(coded, { action: 'record', findings: '现场检查未发现违法行为', outcome: 'compliant' })).toBe('closed');
    expect(refusal(() => step(coded, { action: 'record', findings: '广告牌未经许可设置', outcome: 'rectify' })).message).toBe('责令整改的，请填写整改期限');
    expect(refusal(() => step(coded, { action: 'record', findings: '广告牌未经许可设置', outcome: 'rectify', rectifyDueOn: '2026-09-29' })).message).toContain('整改期限应晚于检查日期');
    expect(step(coded, { action: 'record', findings: '广告牌未经许可设置', outcome: 'rectify', rectifyDueOn: '2026-10-15' })).toBe('rectifying');
    expect(step(coded, { action: 'record', findings: '擅自设置大型户外广告', outcome: 'refer' })).toBe('referred');
  });

  it('the re-inspection closes a rectified item or sets a new due date', () => {
    const rectifying = inspection({ state: 'rectifying', rectification: { dueOn: '2026-10-15' } });
    const g = ctx({ actDate: '2026-10-16', today: '2026-10-16' });
    expect(step(rectifying, { action: 'reinspect', rectified: true, note: '广告牌已拆除' }, g)).toBe('closed');
    expect(refusal(() => step(rectifying, { action: 'reinspect', rectified: false, note: '尚未拆除' }, g)).message).toBe('责令整改的，请填写整改期限');
    expect(step(rectifying, { action: 'reinspect', rectified: false, note: '尚未拆除', rectifyDueOn: '2026-10-30' }, g)).toBe('rectifying');
    expect(step(rectifying, { action: 'refer', reason: '逾期拒不整改' }, g)).toBe('referred');
  });

  it(`${EMERGENCY_BASIS}: the record of an emergency inspection is added within 10 calendar days — not later`, () => {
    // Inspected on Friday 2026-09-25: 10 calendar days end on 10-05, inside 国庆 (10-01…10-07), so on 10-08.
    expect(emergencyRecordDueOn(calendar, '2026-09-25', defaultInspectionSettings).dueOn).toBe('2026-10-08');
    const emergency = inspection({ state: 'coded', emergencyOn: '2026-09-25', registeredOn: '2026-09-25', lastActedOn: '2026-09-25' });
    const record = { action: 'record', findings: '燃气泄漏隐患，已责令立即停用', outcome: 'compliant' };
    expect(step(emergency, record, ctx({ actDate: '2026-10-08', today: '2026-10-08' }))).toBe('closed');
    const error = expectRule(() => step(emergency, record, ctx({ actDate: '2026-10-09', today: '2026-10-09' })), EMERGENCY_BASIS);
    expect(error.message).toContain('应当在 10 日内（2026-10-08 前）补录检查记录');
    // An ordinary inspection has no such limit.
    expect(step(inspection({ state: 'coded' }), record, ctx({ actDate: '2026-10-20', today: '2026-10-20' }))).toBe('closed');
  });

  it('双随机 results are published within 20 working days of the inspection’s end (working days, across 国庆 2026)', () => {
    // Ended Wednesday 2026-09-30: 20 working days skip 10-01…10-07 (国庆) and count 10-10 (a make-up Saturday).
    expect(drawResultDueOn(calendar, '2026-09-30', defaultInspectionSettings).dueOn).toBe('2026-11-03');
  });

  it('a head cancels an inspection not yet recorded, with a reason', () => {
    expect(step(inspection(), { action: 'cancel', reason: '企业已注销' }, ctx({}, ['head'], 3))).toBe('cancelled');
    expectRule(() => step(inspection({ state: 'closed' }), { action: 'cancel', reason: '企业已注销' }, ctx({}, ['head'], 3)), INSPECTION_BASIS);
  });
});
