import { describe, expect, it } from 'vitest';
import type { Role } from '../access.ts';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { expectRule, refusal } from '../test-support.ts';
import { validationError } from '../errors.ts';
import { workOrderActionInput } from './actions.ts';
import { acceptanceDueOn, defaultWorkOrderSettings, handlingDueOn, signingDueOn } from './periods.ts';
import type { WorkOrderGuardContext, WorkOrderSnapshot } from './snapshot.ts';
import { checkWorkOrderTransition, NO_PUSH_DOWN_BASIS } from './workflow.ts';

const calendar = new WorkCalendar();
const BUREAU = '/1/2/';
const BRIGADE = { id: 3, path: '/1/2/3/', kind: 'brigade' as const, name: '东湖区城管执法大队' };
const TOWN = { id: 4, path: '/1/2/4/', kind: 'town_team' as const, name: '南湖街道综合执法队' };
const OTHER_DISTRICT = { id: 9, path: '/1/8/9/', kind: 'brigade' as const, name: '西山区城管执法大队' };

const order = (over: Partial<WorkOrderSnapshot> = {}): WorkOrderSnapshot => ({
  id: 1,
  state: 'received',
  channel: 'hotline',
  kind: 'complaint',
  organizationPath: BUREAU,
  unit: null,
  designated: false,
  anonymous: false,
  receivedOn: '2026-09-25',
  lastActedOn: '2026-09-25',
  acceptance: null,
  extensionDays: 0,
  answer: null,
  writtenReply: null,
  review: null,
  reopenCount: 0,
  lastSatisfaction: null,
  ...over,
});

const ctx = (roles: Role[], organizationPath: string, over: Partial<WorkOrderGuardContext> = {}): WorkOrderGuardContext => ({
  actDate: '2026-09-28',
  today: '2026-09-28',
  actor: { userId: 7, roles, organizationPath },
  calendar,
  settings: defaultWorkOrderSettings,
  ...over,
});
const clerk = (over: Partial<WorkOrderGuardContext> = {}) => ctx(['clerk'], BUREAU, over);
const brigadeOfficer = (over: Partial<WorkOrderGuardContext> = {}) => ctx(['officer'], BRIGADE.path, over);
/** A step as the route gives it: the body parsed by its schema (a refusal names the field), then the workflow. */
const step = (o: WorkOrderSnapshot, input: Record<string, unknown>, g: WorkOrderGuardContext) => {
  const parsed = workOrderActionInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues.map((i) => i.message).join('；'));
  return checkWorkOrderTransition(o, parsed.data, g);
};
const withBrigade = (over: Partial<WorkOrderSnapshot> = {}) => order({ state: 'handling', unit: { id: BRIGADE.id, path: BRIGADE.path }, ...over });

describe('deadlines: working days for hotline orders, calendar days for petitions', () => {
  it('local 12345 practice: a 投诉 is done within 15 working days of dispatch — across 国庆 2026 (10月1日至7日 off, 10月10日 a make-up workday)', () => {
    expect(handlingDueOn(calendar, { channel: 'hotline', kind: 'complaint', from: '2026-09-28' }, defaultWorkOrderSettings)).toMatchObject({ dueOn: '2026-10-23', counting: { days: 15, kind: 'working' } });
    expect(handlingDueOn(calendar, { channel: 'hotline', kind: 'consult', from: '2026-09-30' }, defaultWorkOrderSettings).dueOn).toBe('2026-10-09');
    // 签收 within one working day: a dispatch on the eve of the holiday is signed for after it.
    expect(signingDueOn(calendar, '2026-09-30', defaultWorkOrderSettings).dueOn).toBe('2026-10-08');
  });

  it('《信访工作条例》第三十四条: 60 calendar days from acceptance, a last day in the 劳动节 holiday moves to the next working day; a 30-day extension adds calendar days', () => {
    expect(handlingDueOn(calendar, { channel: 'petitionLetter', kind: 'complaint', from: '2026-03-02' }, defaultWorkOrderSettings)).toMatchObject({ dueOn: '2026-05-06', counting: { days: 60, kind: 'calendar' } });
    // 2026-05-31 is a Sunday.
    expect(handlingDueOn(calendar, { channel: 'petitionLetter', kind: 'complaint', from: '2026-03-02', extensionDays: 30 }, defaultWorkOrderSettings).dueOn).toBe('2026-06-01');
  });

  it('《信访工作条例》第二十二条、第二十三条: acceptance decided and told within 15 calendar days — a make-up Saturday is a working day', () => {
    expect(acceptanceDueOn(calendar, '2026-09-25')).toMatchObject({ dueOn: '2026-10-10', counting: { days: 15, kind: 'calendar' } });
  });
});

describe('the loop and its rules', () => {
  it('a hotline order goes 派单 → 签收 → 答复 → 办结 → 回访 → closed', () => {
    expect(step(order(), { action: 'dispatch', unitId: BRIGADE.id }, clerk({ target: BRIGADE }))).toBe('dispatched');
    expect(step(withBrigade({ state: 'dispatched' }), { action: 'accept' }, brigadeOfficer())).toBe('handling');
    expect(step(withBrigade(), { action: 'answer', method: 'phone', text: '已责令商户清理占道物品，现场已恢复。' }, brigadeOfficer())).toBe('answered');
    expect(step(withBrigade({ state: 'answered', answer: { on: '2026-09-28' } }), { action: 'complete', result: '已清理完毕' }, brigadeOfficer())).toBe('completed');
    expect(step(withBrigade({ state: 'completed' }), { action: 'visit', satisfaction: 'satisfied' }, clerk())).toBe('closed');
  });

  it('《信访工作条例》第二十二条、第二十三条: a petition is accepted (and the petitioner told) before it is handed to a unit; only petitions have that decision', () => {
    const petition = order({ channel: 'petitionVisit' });
    expectRule(() => step(petition, { action: 'dispatch', unitId: BRIGADE.id }, clerk({ target: BRIGADE })), '《信访工作条例》第二十二条');
    expect(step(petition, { action: 'decideAcceptance', accepted: true, reason: '属于本机关职权范围，予以受理。' }, clerk())).toBe('received');
    expect(step({ ...petition, acceptance: { on: '2026-09-26', accepted: true } }, { action: 'dispatch', unitId: BRIGADE.id }, clerk({ target: BRIGADE }))).toBe('dispatched');
    expect(step(petition, { action: 'decideAcceptance', accepted: false, reason: '不属于本系统职权范围，已告知向有权机关提出。' }, clerk())).toBe('declined');
    expectRule(() => step(order(), { action: 'decideAcceptance', accepted: true, reason: '予以受理' }, clerk()), '《信访工作条例》第二十二条');
  });

  it('《信访工作条例》第二十三条: an order is handed only to a unit below the one that received it', () => {
    expectRule(() => step(order(), { action: 'dispatch', unitId: OTHER_DISTRICT.id }, clerk({ target: OTHER_DISTRICT })), '《信访工作条例》第二十三条');
    expect(refusal(() => step(order(), { action: 'dispatch', unitId: BRIGADE.id }, clerk())).message).toBe('请选择承办单位');
  });

  it('国办函〔2025〕66号: an item of the bureau’s own duties is not pushed down to a town or street', () => {
    const rule = { category: '违法建设', reservedToBureau: true };
    const error = expectRule(() => step(order(), { action: 'dispatch', unitId: TOWN.id }, clerk({ target: TOWN, dispatchRule: rule })), NO_PUSH_DOWN_BASIS);
    expect(error.message).toContain('“违法建设”属于局机关职责事项');
    expectRule(() => step(withBrigade(), { action: 'reassign', unitId: TOWN.id, reason: '属地管理' }, clerk({ target: TOWN, dispatchRule: rule })), NO_PUSH_DOWN_BASIS);
    expect(step(order(), { action: 'dispatch', unitId: TOWN.id }, clerk({ target: TOWN, dispatchRule: { category: '占道经营', reservedToBureau: false } }))).toBe('dispatched');
  });

  it('《信访工作条例》第二十四条: a unit may return an order for review, but not one it was designated to handle after that review', () => {
    expect(step(withBrigade(), { action: 'return', reason: '该路段属南湖街道管辖，不属于本单位职责。' }, brigadeOfficer())).toBe('disputed');
    expect(step(withBrigade({ state: 'disputed' }), { action: 'resolveDispute', unitId: TOWN.id, opinion: '经核实属南湖街道管辖，指定南湖街道办理。' }, ctx(['supervisor'], '/1/', { target: TOWN }))).toBe('dispatched');
    expectRule(() => step(withBrigade({ designated: true }), { action: 'return', reason: '不属于本单位职责' }, brigadeOfficer()), '《信访工作条例》第二十四条');
    // A return needs its reason (nothing is written without it).
    expect(refusal(() => step(withBrigade(), { action: 'return' }, brigadeOfficer())).message).toContain('退单理由');
  });

  it('only the unit the order is with signs for it, answers and completes it', () => {
    const townOfficer = ctx(['officer'], TOWN.path);
    expect(refusal(() => step(withBrigade({ state: 'dispatched' }), { action: 'accept' }, townOfficer)).code).toBe('FORBIDDEN');
    expect(refusal(() => step(withBrigade(), { action: 'answer', method: 'phone', text: '已处理完毕' }, townOfficer)).code).toBe('FORBIDDEN');
  });

  it('《信访工作条例》第三十四条: a petition’s handling period is extended by at most 30 days in all; a hotline order is not extended', () => {
    const head = ctx(['head'], BUREAU);
    const petition = withBrigade({ channel: 'petitionLetter', acceptance: { on: '2026-09-01', accepted: true } });
    expect(step(petition, { action: 'extend', days: 20, reason: '涉及多个部门，情况复杂' }, head)).toBe('handling');
    const over = expectRule(() => step({ ...petition, extensionDays: 20 }, { action: 'extend', days: 15, reason: '仍需协调' }, head), '《信访工作条例》第三十四条');
    expect(over.message).toContain('最多还可延长 10 日');
    expectRule(() => step(withBrigade(), { action: 'extend', days: 5, reason: '情况复杂' }, head), '《信访工作条例》第三十四条');
    expect(refusal(() => step(petition, { action: 'extend', days: 31, reason: '情况复杂' }, head)).message).toContain('不得超过 30 日');
  });

  it('《信访工作条例》第三十二条: the requester is answered before the order is completed, unless anonymous', () => {
    expectRule(() => step(withBrigade({ channel: 'petitionLetter' }), { action: 'complete', result: '已处理' }, brigadeOfficer()), '《信访工作条例》第三十二条');
    expect(step(withBrigade({ anonymous: true }), { action: 'complete', result: '已清理占道摊点' }, brigadeOfficer())).toBe('completed');
  });

  it('回访: dissatisfaction has its reason; a dissatisfied order is reopened up to the local limit, then the petitioner is pointed to 复查 (第三十五条)', () => {
    expect(refusal(() => step(withBrigade({ state: 'completed' }), { action: 'visit', satisfaction: 'dissatisfied' }, clerk())).message).toBe('不满意的，请填写不满意原因');
    expect(step(withBrigade({ state: 'completed' }), { action: 'visit', satisfaction: 'dissatisfied', reason: '摊点第二天又回来了' }, clerk())).toBe('closed');
    const closed = withBrigade({ state: 'closed', lastSatisfaction: 'dissatisfied' });
    expect(step(closed, { action: 'reopen', reason: '诉求人反映问题反复' }, clerk())).toBe('handling');
    expect(refusal(() => step({ ...closed, lastSatisfaction: 'satisfied' }, { action: 'reopen', reason: '再次处理' }, clerk())).message).toContain('回访不满意');
    expect(refusal(() => step({ ...closed, reopenCount: 2 }, { action: 'reopen', reason: '再次处理' }, clerk())).message).toContain('第三十五条');
  });

  it('并单: duplicates join an open order of the same bureau, never themselves or a closed one', () => {
    const open = { id: 2, state: 'handling' as const, organizationPath: BUREAU };
    expect(step(order(), { action: 'merge', intoId: 2 }, clerk({ mergeTarget: open }))).toBe('merged');
    expect(refusal(() => step(order(), { action: 'merge', intoId: 1 }, clerk({ mergeTarget: open }))).message).toBe('不能并入工单本身');
    expect(refusal(() => step(order(), { action: 'merge', intoId: 2 }, clerk({ mergeTarget: { ...open, state: 'closed' } }))).message).toContain('已关闭');
    expect(refusal(() => step(order(), { action: 'merge', intoId: 2 }, clerk({ mergeTarget: { ...open, organizationPath: '/1/8/' } }))).message).toContain('不存在');
  });

  it('《信访工作条例》第三十五条: 复查 is asked of a written reply within 30 calendar days of receiving it (received 2026-09-05, ending in 国庆, so 2026-10-08); a hotline order has none', () => {
    const head = (actDate: string) => ctx(['head'], BUREAU, { actDate, today: '2026-12-31' });
    const replied = withBrigade({ state: 'completed', channel: 'petitionLetter', lastActedOn: '2026-09-04', answer: { on: '2026-09-04' }, writtenReply: { on: '2026-09-04' } });
    const ask = (over: Record<string, unknown> = {}) => ({ action: 'requestReview', organ: '云城市城市管理局', request: '对处理意见不服，请求复查。', replyReceivedOn: '2026-09-05', ...over });
    expect(step(replied, ask(), head('2026-10-08'))).toBe('reviewing');
    expect(step({ ...replied, state: 'closed' }, ask(), head('2026-10-08'))).toBe('reviewing');
    expect(expectRule(() => step(replied, ask(), head('2026-10-09')), '《信访工作条例》第三十五条').message).toContain('2026-10-08 届满');
    // Without the day received: the day of the reply (09-04 → 10-04, in 国庆 → 10-08 as well).
    expect(step(replied, ask({ replyReceivedOn: undefined }), head('2026-10-08'))).toBe('reviewing');
    expectRule(() => step({ ...replied, writtenReply: null }, ask(), head('2026-09-10')), '《信访工作条例》第三十五条');
    expectRule(() => step({ ...replied, channel: 'hotline' }, ask(), head('2026-09-10')), '《信访工作条例》第三十五条');
    expect(refusal(() => step(replied, ask({ replyReceivedOn: '2026-09-20' }), head('2026-09-10'))).message).toContain('不能晚于请求之日');
    expect(refusal(() => step(replied, ask({ organ: '' }), head('2026-09-10'))).message).toContain('复查机关');
  });

  it('《信访工作条例》第三十六条: 复核 is asked of the 复查 opinion within 30 calendar days of receiving it (2026-11-06 → Sunday 12-06 → 12-07), and only after that opinion', () => {
    const head = (actDate: string) => ctx(['head'], BUREAU, { actDate, today: '2026-12-31' });
    const reviewed = withBrigade({ state: 'reviewed', channel: 'petitionLetter', lastActedOn: '2026-11-06', writtenReply: { on: '2026-09-04' }, review: { answeredOn: '2026-11-06' } });
    const ask = { action: 'requestRecheck', organ: '云城市人民政府', request: '对复查意见不服，请求复核。' };
    expect(step(reviewed, ask, head('2026-12-07'))).toBe('rechecking');
    expect(expectRule(() => step(reviewed, ask, head('2026-12-08')), '《信访工作条例》第三十六条').message).toContain('2026-12-07 届满');
    expectRule(() => step({ ...reviewed, review: { answeredOn: null } }, ask, head('2026-11-10')), '《信访工作条例》第三十六条');
    expect(step({ ...reviewed, state: 'rechecking' }, { action: 'answerRecheck', outcome: 'upheld', opinion: '维持复查意见。' }, ctx(['supervisor'], '/1/', { actDate: '2026-12-20', today: '2026-12-31' }))).toBe('rechecked');
    expect(refusal(() => step({ ...reviewed, state: 'reviewing' }, { action: 'answerReview', outcome: 'kept', opinion: '维持。' }, clerk())).message).toContain('维持、变更或撤销');
  });
});

