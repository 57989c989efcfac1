import { describe, expect, it } from 'vitest';
import { systemActor } from '../../domain/access.ts';
import { allPassedChecklist } from '../../domain/cases/legal-review.ts';
import { refusal } from '../../domain/test-support.ts';
import { todoKinds } from '../../domain/todo/kinds.ts';
import { setCaseSettings } from '../cases/case-settings.ts';
import { getCase } from '../cases/get-case.ts';
import { caseBench } from '../testing/case-bench.ts';
import { newCase } from '../testing/factories.ts';
import { approveClosings, listDone, listTodo } from './todo.ts';
import { listDeadlines } from '../cases/list-deadlines.ts';
import { daysBetween } from '../../domain/calendar/iso-date.ts';
import { urgeCase } from './urge-case.ts';
import { readCaseTrail } from '../cases/case-timeline.ts';

const t = caseBench();
const todo = async (day: string, who: keyof typeof t.w.actors) => (await listTodo(t.at(day), t.w.actors[who], { limit: 200 })).items;
const kinds = (items: { kind: string; caseId: number }[], caseId: number) => items.filter((i) => i.caseId === caseId).map((i) => i.kind);

describe('to-do centre (待办)', () => {
  it('head: a clue waits for filing; 《行政处罚法》第四十五条、第六十二条: a decision is listed only once the statement period has ended', async () => {
    const clue = await newCase(t.ctx, t.w, { state: 'clue' });
    const notified = await newCase(t.ctx, t.w, { state: 'notified' });
    // Notice served 2026-03-10: the three working days to state end 03-13.
    const early = await todo('2026-03-12', 'head.donghu');
    expect(kinds(early, clue.id)).toEqual(['filingApproval']);
    expect(kinds(early, notified.id)).not.toContain('decision');
    expect(kinds(await todo('2026-03-16', 'head.donghu'), notified.id)).toContain('decision');
    // Officers see neither: filing and deciding are the head's (第五十四条、第五十七条).
    expect((await todo('2026-03-16', 'wanglei')).map((i) => i.kind)).not.toContain('decision');
    // Another district's head sees nothing of 东湖.
    expect(await todo('2026-03-16', 'head.xishan')).toEqual([]);
  });

  it('《行政处罚法》第五十八条: the reviewer sees the case to review; a returned review goes to the officers with each failed item’s note', async () => {
    await setCaseSettings(t.ctx, systemActor, t.w.org.district.id, { legalReviewAllOrdinary: true });
    let c = await newCase(t.ctx, t.w, { state: 'reviewing' });
    expect(kinds(await todo('2026-03-04', 'reviewer.donghu'), c.id)).toEqual(['review']);
    const checklist = { ...allPassedChecklist(), evidence: { passed: false, note: '缺少当事人身份证明材料' } };
    c = await t.step('2026-03-04', 'reviewer.donghu', c, { action: 'legalReview', passed: false, opinion: '证据不足，退回补充调查。', checklist });
    const officer = await todo('2026-03-04', 'wanglei');
    const returned = officer.find((i) => i.caseId === c.id && i.kind === 'returnedReview');
    expect(returned?.detail).toContain('林晓');
    expect(returned?.detail).toContain('证据：缺少当事人身份证明材料');
    expect(kinds(await todo('2026-03-04', 'zhaogang'), c.id)).toContain('returnedReview');
    // Still the reviewer's: reviewed again once put right.
    expect(kinds(await todo('2026-03-04', 'reviewer.donghu'), c.id)).toEqual(['review']);
    c = await t.step('2026-03-05', 'reviewer.donghu', c, { action: 'legalReview', passed: true, opinion: '同意。', checklist: allPassedChecklist() });
    expect(kinds(await todo('2026-03-05', 'wanglei'), c.id)).not.toContain('returnedReview');
    expect(kinds(await todo('2026-03-05', 'reviewer.donghu'), c.id)).toEqual([]);
  });

  it('结案审批表: reviewer, then head (several at once), then the officer closes; a case not ready is reported and never signed', async () => {
    let c = await newCase(t.ctx, t.w, { state: 'enforcing' });
    const unpaid = await newCase(t.ctx, t.w, { state: 'enforcing', startOn: '2026-03-03' });
    c = await t.step('2026-03-20', 'wanglei', c, { action: 'recordPayment', amountFen: 2_000_00, receiptNo: 'FS2026032000001' });
    const { publishDecision } = await import('../cases/publicity.ts');
    await publishDecision(t.at('2026-03-20'), t.w.actors.wanglei, c.id);
    expect(kinds(await todo('2026-03-20', 'reviewer.donghu'), c.id)).toEqual(['closingReview']);
    // Not performed (第七十二条): nobody is asked to approve its closing.
    expect(kinds(await todo('2026-03-20', 'reviewer.donghu'), unpaid.id)).toEqual([]);
    const head = await todo('2026-03-20', 'head.donghu');
    expect(head.find((i) => i.caseId === c.id)).toMatchObject({ kind: 'closingApproval', batchable: true });
    expect(kinds(head, unpaid.id)).not.toContain('closingApproval');
    const answer = await approveClosings(t.at('2026-03-20'), t.w.actors['head.donghu'], { caseIds: [c.id, unpaid.id], text: '同意结案。' });
    expect(answer.results).toEqual([
      { caseId: c.id, ok: true, message: null },
      { caseId: unpaid.id, ok: false, message: expect.stringContaining('不满足结案审批条件') },
    ]);
    expect((await getCase(t.ctx, t.w.actors.wanglei, unpaid.id, new Date())).record.opinions ?? []).toEqual([]);
    // Nobody approves in the head's name: an officer may not batch-approve.
    expect((await refusal(approveClosings(t.at('2026-03-20'), t.w.actors.wanglei, { caseIds: [c.id], text: '同意' }))).code).toBe('FORBIDDEN');
    expect((await refusal(approveClosings(t.at('2026-03-20'), t.w.actors['head.donghu'], { caseIds: [], text: '同意' }))).message).toContain('请至少选择一件案件');
    // The reviewer signs; then the officer is told the case may be closed.
    expect(kinds(await todo('2026-03-20', 'wanglei'), c.id)).not.toContain('readyToClose');
    c = await getCase(t.ctx, t.w.actors.wanglei, c.id, new Date());
    c = await t.step('2026-03-20', 'reviewer.donghu', c, { action: 'signOpinion', form: 'closing', role: 'reviewer', text: '程序合法，同意结案。' });
    expect(kinds(await todo('2026-03-20', 'wanglei'), c.id)).toContain('readyToClose');
    c = await t.step('2026-03-20', 'wanglei', c, { action: 'close', summary: '罚款已缴清，案件办结。', execution: '罚款已缴清', opinion: '建议结案。' });
    expect(c.record.closing?.headOpinion).toMatchObject({ text: '同意结案。', by: { name: '陈建国' } });
    expect(kinds(await todo('2026-03-20', 'head.donghu'), c.id)).toEqual([]);
  });

  it('kinds.ts: decisions, filings and reviews are never approved in batch (《行政处罚法》第五十七条、第五十四条、第五十八条)', () => {
    expect(todoKinds.decision.batch).toMatchObject({ allowed: false, why: expect.stringContaining('第五十七条') });
    expect(todoKinds.filingApproval.batch).toMatchObject({ allowed: false, why: expect.stringContaining('第五十四条') });
    expect(todoKinds.review.batch).toMatchObject({ allowed: false, why: expect.stringContaining('第五十八条') });
    expect(todoKinds.closingApproval.batch.allowed).toBe(true);
  });

  it('督办: the supervisor’s note is audited and waits in the officers’ to-dos until one of them acts; officers cannot urge', async () => {
    let c = await newCase(t.ctx, t.w, { state: 'investigating' });
    const before = c.version;
    await urgeCase(t.at('2026-03-05'), t.w.actors.supervisor, c.id, { note: '群众反映强烈，请于本周内完成调查。' });
    const urged = (await todo('2026-03-05', 'wanglei')).find((i) => i.caseId === c.id && i.kind === 'urge');
    expect(urged?.detail).toBe('周敏于2026-03-05督办：群众反映强烈，请于本周内完成调查。');
    c = await getCase(t.ctx, t.w.actors.wanglei, c.id, new Date());
    // Supervision, not a step: the case's version and dates are untouched; the timeline shows it.
    expect(c.version).toBe(before);
    expect((await readCaseTrail(t.ctx, systemActor, c.id)).at(-1)).toMatchObject({ label: '督办', actorName: '周敏' });
    expect((await refusal(urgeCase(t.ctx, t.w.actors.wanglei, c.id, { note: '请加快' }))).code).toBe('FORBIDDEN');
    expect((await refusal(urgeCase(t.ctx, t.w.actors.supervisor, c.id, { note: ' ' }))).message).toContain('督办意见至少 2 个字');
    expect((await refusal(urgeCase(t.ctx, t.w.actors['head.xishan'], c.id, { note: '请加快办理' }))).code).toBe('NOT_FOUND');
    c = await t.step('2026-03-06', 'zhaogang', c, {
      action: 'closeInvestigation',
      findings: '当事人占用人行道摆摊的事实清楚。',
      proposal: { kind: 'penalty', penalty: { kinds: ['fine'], fineFen: 2_000_00, description: '罚款人民币2000元', basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' } },
      discretionReason: '占道面积较小，未造成其他危害后果',
    });
    expect(kinds(await todo('2026-03-06', 'wanglei'), c.id)).not.toContain('urge');
  });

  it('已办: the steps I took, latest first, paged', async () => {
    await newCase(t.ctx, t.w, { state: 'reviewing' });
    const done = await listDone(t.ctx, t.w.actors.wanglei, { limit: 2 });
    expect(done.total).toBeGreaterThanOrEqual(4);
    expect(done.items.map((i) => i.label)).toEqual(['调查终结', '登记证据']);
    expect((await listDone(t.ctx, t.w.actors['head.donghu'], {})).items.map((i) => i.label)).toEqual(['立案']);
    expect((await refusal(listDone(t.ctx, t.w.actors.wanglei, { limit: 0 }))).code).toBe('VALIDATION');
  });

  it('supervision lists: an overdue deadline shows the days overdue and the officers responsible (for 督办)', async () => {
    const c = await newCase(t.ctx, t.w, { state: 'filed' });
    const overdue = await listDeadlines(t.at('2026-06-10'), t.w.actors.supervisor, { status: 'overdue' });
    const item = overdue.find((d) => d.caseId === c.id && d.kind === 'decision')!;
    expect(item.officers).toEqual(['王磊', '赵刚']);
    expect(item.daysOverdue).toBe(daysBetween(item.dueOn, '2026-06-10'));
    expect(item.daysOverdue).toBeGreaterThan(0);
    // The officers see it as a to-do, and the head as a case whose 办案期限 may need extending (第六十条).
    expect(kinds(await todo('2026-06-10', 'wanglei'), c.id)).toContain('deadline');
    expect(kinds(await todo('2026-06-10', 'head.donghu'), c.id)).toContain('extension');
  });

  it('case page, 《行政处罚法》第六十二条、第七十二条: steps are offered only when their guards pass today; the others say when', async () => {
    const notified = await newCase(t.ctx, t.w, { state: 'notified' });
    const early = await getCase(t.ctx, t.w.actors['head.donghu'], notified.id, new Date('2026-03-12T01:00:00Z'));
    expect(early.availableActions.map((a) => a.action)).not.toContain('decide');
    expect(early.notYet).toContainEqual({ action: 'decide', label: '作出决定', reason: expect.stringContaining('陈述申辩期限届满（2026-03-13）后可作出决定'), article: expect.stringContaining('第六十二条') });
    const later = await getCase(t.ctx, t.w.actors['head.donghu'], notified.id, new Date('2026-03-16T01:00:00Z'));
    expect(later.availableActions.map((a) => a.action)).toContain('decide');
    let paid = await newCase(t.ctx, t.w, { state: 'enforcing', startOn: '2026-03-03' });
    paid = await t.step('2026-03-20', 'wanglei', paid, { action: 'recordPayment', amountFen: 2_000_00, receiptNo: 'FS2026032000009' });
    // Paid in full: nothing to record any more — neither offered nor listed as 暂不能办理.
    expect(paid.availableActions.map((a) => a.action)).not.toContain('recordPayment');
    expect(paid.notYet.map((n) => n.action)).not.toContain('recordPayment');
    expect(paid.notYet.find((n) => n.action === 'close')?.reason).toContain('公示后才能结案');
  });
});
