/**
 * Acts after their deadline (issue 12 item 12): the step must say why, the deadline row keeps that it was met late
 * and the reason, the case view shows it and supervision lists it. Generic: any agency deadline a step meets.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../domain/test-support.ts';
import { caseBench } from '../testing/case-bench.ts';
import { newCase, newPerson, newPowerItem } from '../testing/factories.ts';
import { registerClue } from './register-clue.ts';
import { setCaseSettings } from './case-settings.ts';
import { listDeadlines } from './list-deadlines.ts';
import { readCaseTrail } from './case-timeline.ts';
import { systemActor } from '../../domain/access.ts';

const t = caseBench();
const { at, step } = t;

describe('an act after its deadline (issue 12 item 12)', () => {
  it('Art. 56: a 先行登记保存 decision after the 7 working days needs a reason; the deadline keeps it and supervision lists it', async () => {
    let c = await newCase(t.ctx, t.w, { state: 'investigating' });
    c = await step('2026-03-03', 'head.donghu', c, { action: 'signOpinion', form: 'preservation', role: 'head', text: '同意先行登记保存' });
    c = await step('2026-03-03', 'wanglei', c, { action: 'preserve', items: '货架两个、水果若干' });
    expect(c.deadlines.find((d) => d.kind === 'preservation')).toMatchObject({ dueOn: '2026-03-12', metLate: false, lateReason: null });
    const refused = await refusal(step('2026-03-20', 'wanglei', c, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人' }));
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.details?.article).toContain('第五十六条');
    // A reason of blanks is no reason.
    const blank = await refusal(step('2026-03-20', 'wanglei', c, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人', lateReason: '      ' }));
    expect(blank.code).toBe('VALIDATION');
    c = await step('2026-03-20', 'wanglei', c, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人', lateReason: '保存物品须经鉴定，鉴定意见于3月19日方出具' });
    expect(c.deadlines.find((d) => d.kind === 'preservation')).toMatchObject({ metOn: '2026-03-20', metLate: true, lateReason: '保存物品须经鉴定，鉴定意见于3月19日方出具' });
    expect((await readCaseTrail(t.ctx, systemActor, c.id)).at(-1)!.change).toMatchObject({ metLate: [{ kind: 'preservation', dueOn: '2026-03-12', reason: '保存物品须经鉴定，鉴定意见于3月19日方出具' }] });
    const supervised = await listDeadlines(at('2026-03-25'), t.w.actors.supervisor, { status: 'late', days: 30 });
    expect(supervised).toEqual([expect.objectContaining({ caseId: c.id, kind: 'preservation', dueOn: '2026-03-12', metOn: '2026-03-20', lateReason: '保存物品须经鉴定，鉴定意见于3月19日方出具' })]);
    expect(await listDeadlines(at('2026-03-25'), t.w.actors.supervisor, { status: 'overdue' })).toEqual([]);
  });

  it('an act in time asks no reason and is not flagged; the same rule holds for any agency deadline (service of the decision)', async () => {
    let c = await newCase(t.ctx, t.w, { state: 'investigating' });
    c = await step('2026-03-03', 'head.donghu', c, { action: 'signOpinion', form: 'preservation', role: 'head', text: '同意先行登记保存' });
    c = await step('2026-03-03', 'wanglei', c, { action: 'preserve', items: '货架两个' });
    c = await step('2026-03-05', 'wanglei', c, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人' });
    expect(c.deadlines.find((d) => d.kind === 'preservation')).toMatchObject({ metOn: '2026-03-05', metLate: false, lateReason: null });

    let decided = await newCase(t.ctx, t.w, { state: 'decided' });
    const service = decided.deadlines.find((d) => d.kind === 'service')!;
    const late = await refusal(step('2026-04-30', 'zhaogang', decided, { action: 'serve', method: 'direct', time: '10:00' }));
    expect(late.message).toContain('送达处罚决定书的期限为');
    decided = await step('2026-04-30', 'zhaogang', decided, { action: 'serve', method: 'direct', time: '10:00', lateReason: '当事人长期外出，经多次联系方才送达' });
    expect(decided.deadlines.find((d) => d.kind === 'service')).toMatchObject({ dueOn: service.dueOn, metLate: true, lateReason: '当事人长期外出，经多次联系方才送达' });
  });
});

describe('the filing period of a clue (issue 12 item 12, local parameter)', () => {
  const clue = (discoveredOn: string, day: string) =>
    registerClue(at(day), t.w.actors.wanglei, {
      clueSource: 'complaint',
      title: '涉嫌占道经营案',
      facts: '群众投诉当事人在东湖区人民路人行道上摆摊经营，占用人行道。',
      place: '云城市东湖区人民路',
      actStartedOn: discoveredOn,
      actEndedOn: null,
      discoveredOn,
      powerItemId,
      party: newPerson(),
    });
  let powerItemId: number;
  beforeEach(async () => {
    powerItemId = (await newPowerItem(at('2026-03-02'), t.w.org.district.id)).id;
  });

  it('filing period: 15 working days from discovery across 中秋 and 国庆 2026 (make-up Saturday 10-10 counts), shown on the clue; filing after it needs a reason', async () => {
    let c = await clue('2026-09-25', '2026-09-25');
    // 09-28, 29, 30; 10-08, 09, 10 (调休上班), 12–16, 19–22 → the 15th working day is 2026-10-22.
    expect(c.deadlines).toEqual([expect.objectContaining({ kind: 'filing', label: '决定是否立案', dueOn: '2026-10-22', article: expect.stringContaining('第十八条'), metOn: null })]);
    const refused = await refusal(step('2026-10-23', 'head.donghu', c, { action: 'file', officerIds: [t.w.users.wanglei.id, t.w.users.zhaogang.id], opinion: '同意立案' }));
    expect(refused.message).toContain('决定是否立案');
    c = await step('2026-10-23', 'head.donghu', c, { action: 'file', officerIds: [t.w.users.wanglei.id, t.w.users.zhaogang.id], opinion: '同意立案', lateReason: '投诉线索须现场核查，当事人多日未出摊' });
    expect(c.deadlines.find((d) => d.kind === 'filing')).toMatchObject({ metOn: '2026-10-23', metLate: true });
  });

  it('filing period: extended once by the head, by at most the period again; filing within the extension is in time', async () => {
    let c = await clue('2026-09-25', '2026-10-20');
    const beyond = await refusal(step('2026-10-20', 'head.donghu', c, { action: 'extendDeadline', newDueOn: '2026-11-13', reason: '线索涉及多个部门，须联合核查' }));
    expect(beyond.message).toContain('至 2026-11-12');
    c = await step('2026-10-20', 'head.donghu', c, { action: 'extendDeadline', newDueOn: '2026-11-12', reason: '线索涉及多个部门，须联合核查' });
    expect(c.deadlines.find((d) => d.kind === 'filing')).toMatchObject({ dueOn: '2026-11-12', metOn: null });
    const again = await refusal(step('2026-10-21', 'head.donghu', c, { action: 'extendDeadline', newDueOn: '2026-11-20', reason: '再次延长' }));
    expect(again.message).toBe('立案期限只能延长一次');
    c = await step('2026-11-10', 'head.donghu', c, { action: 'file', officerIds: [t.w.users.wanglei.id, t.w.users.zhaogang.id], opinion: '同意立案' });
    // The decision period (第六十条) then runs from filing, untouched by the filing extension: 90 days end on
    // 2027-02-08, 初三 of 春节 by the statutory rule (2027's arrangement not yet entered) → 2027-02-09, provisional.
    expect(c.deadlines.find((d) => d.kind === 'decision')).toMatchObject({ dueOn: '2027-02-09', provisional: '待国务院公布2027年放假安排后复核' });
    expect(c.deadlines.find((d) => d.kind === 'filing')).toMatchObject({ metOn: '2026-11-10', metLate: false });
  });

  it('filing period: the local parameter sets its length; declining in time meets it without a word', async () => {
    await setCaseSettings(at('2026-03-02'), t.w.actors.admin, t.w.org.district.id, { filingPeriodDays: 7 });
    let c = await clue('2026-03-02', '2026-03-02');
    expect(c.deadlines.find((d) => d.kind === 'filing')!.dueOn).toBe('2026-03-11');
    c = await step('2026-03-04', 'head.donghu', c, { action: 'decline', reason: '经核查，违法事实不成立，不予立案。' });
    expect(c.deadlines.find((d) => d.kind === 'filing')).toMatchObject({ metOn: '2026-03-04', metLate: false });
  });
});
