/**
 * Issue 15, to-dos: 先行登记保存 to decide within seven working days (《行政处罚法》第五十六条) for the case's officers;
 * a request for 暂缓/分期缴纳 (第六十六条第二款) for the head; and the daily digest (今日摘要) of both.
 */
import { describe, expect, it } from 'vitest';
import { refusal } from '../../domain/test-support.ts';
import { caseBench } from '../testing/case-bench.ts';
import { newCase } from '../testing/factories.ts';
import { digestForUsername } from './digest.ts';
import { digestTodo, listTodo } from './todo.ts';

const t = caseBench();
const todo = async (day: string, who: keyof typeof t.w.actors) => (await listTodo(t.at(day), t.w.actors[who], { limit: 200 })).items;

describe('先行登记保存 waits for its decision (《行政处罚法》第五十六条)', () => {
  it('Art. 56: listed for the case’s officers from the day of preservation, due in 7 working days across 国庆 2026, gone once decided', async () => {
    let c = await newCase(t.ctx, t.w, { state: 'investigating', startOn: '2026-09-21' });
    c = await t.step('2026-09-30', 'head.donghu', c, { action: 'signOpinion', form: 'preservation', role: 'head', text: '同意先行登记保存' });
    c = await t.step('2026-09-30', 'wanglei', c, { action: 'preserve', items: '电动三轮车一辆、水果若干' });
    // Preserved Wed 09-30: 10-01…07 国庆, then 8, 9, 10 (Sat, 调休), 12–15: due Thu 10-15.
    const first = (await todo('2026-09-30', 'zhaogang')).filter((i) => i.caseId === c.id);
    expect(first).toEqual([expect.objectContaining({ kind: 'preservationDecision', since: '2026-09-30', dueOn: '2026-10-15', overdue: false, batchable: false })]);
    expect(first[0]!.detail).toContain('电动三轮车一辆');
    // Not the head's to do; and a late one is flagged overdue (the generic deadline reminder does not list it twice).
    expect((await todo('2026-10-16', 'head.donghu')).filter((i) => i.caseId === c.id && i.kind === 'preservationDecision')).toEqual([]);
    expect((await todo('2026-10-16', 'wanglei')).filter((i) => i.caseId === c.id)).toEqual([expect.objectContaining({ kind: 'preservationDecision', overdue: true })]);
    c = await t.step('2026-10-14', 'wanglei', c, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人' });
    expect((await todo('2026-10-14', 'wanglei')).filter((i) => i.caseId === c.id && i.kind === 'preservationDecision')).toEqual([]);
  });
});

describe('暂缓或者分期缴纳 waits for the head (《行政处罚法》第六十六条第二款)', () => {
  it('Art. 66 para. 2: the officer’s request is the head’s to-do, case by case, until the deferral is approved; the digest shows it new, then due', async () => {
    // Decided and served Mon 2026-03-16: the fine is due 03-31.
    let c = await newCase(t.ctx, t.w, { state: 'enforcing' });
    c = await t.step('2026-03-18', 'wanglei', c, { action: 'signOpinion', form: 'deferral', role: 'undertaker', text: '当事人因门店装修停业，确有经济困难，申请分两期缴纳' });
    const head = (await todo('2026-03-18', 'head.donghu')).filter((i) => i.caseId === c.id);
    expect(head).toEqual([expect.objectContaining({ kind: 'deferralApproval', since: '2026-03-18', dueOn: '2026-03-31', batchable: false })]);
    expect(head[0]!.detail).toContain('王磊于2026-03-18提出：当事人因门店装修停业');
    expect((await todo('2026-03-18', 'wanglei')).map((i) => i.kind)).not.toContain('deferralApproval');

    // 今日摘要: new on the day after the request; due tomorrow on 03-30, today on 03-31, overdue on 04-01.
    const next = await digestTodo(t.at('2026-03-19'), t.w.actors['head.donghu']);
    expect(next).toMatchObject({ today: '2026-03-19', yesterday: '2026-03-18', tomorrow: '2026-03-20' });
    expect(next.newSinceYesterday.map((i) => i.kind)).toContain('deferralApproval');
    expect((await digestTodo(t.at('2026-03-21'), t.w.actors['head.donghu'])).newSinceYesterday.map((i) => i.kind)).not.toContain('deferralApproval');
    expect((await digestTodo(t.at('2026-03-30'), t.w.actors['head.donghu'])).dueTomorrow.map((i) => i.caseId)).toContain(c.id);
    expect((await digestTodo(t.at('2026-03-31'), t.w.actors['head.donghu'])).dueToday.map((i) => i.caseId)).toContain(c.id);
    const late = await digestTodo(t.at('2026-04-01'), t.w.actors['head.donghu']);
    expect(late.overdue.map((i) => i.kind)).toContain('deferralApproval');
    expect(late.dueToday).toEqual([]);
    // The CLI's look-up gives the same digest, in the user's own scope.
    const { user, digest } = await digestForUsername(t.at('2026-04-01'), 'head.donghu');
    expect(user).toBe('陈建国（head.donghu）');
    expect(digest).toEqual(late);
    expect((await refusal(digestForUsername(t.at('2026-04-01'), 'nobody'))).code).toBe('NOT_FOUND');

    c = await t.step('2026-03-20', 'head.donghu', c, {
      action: 'approveDeferral',
      instalments: [{ dueOn: '2026-04-30', amountFen: 1_000_00 }, { dueOn: '2026-05-29', amountFen: 1_000_00 }],
      reason: '当事人确有经济困难，同意分两期缴纳',
    });
    expect((await todo('2026-03-20', 'head.donghu')).filter((i) => i.caseId === c.id && i.kind === 'deferralApproval')).toEqual([]);
  });
});
