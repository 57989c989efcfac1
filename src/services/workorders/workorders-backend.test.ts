/**
 * The work-order backend of issue 17: the dispatch catalog (国办函〔2025〕66号), the local parameters per organization,
 * 复查 and 复核 (《信访工作条例》第三十五条、第三十六条), an order turned into a case clue, attachments, and every refusal
 * of bad input writing nothing.
 */
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import { refusal } from '../../domain/test-support.ts';
import type { WorkOrderView } from '../../domain/workorders/views.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { auditRecords, workOrderAttachments, workOrders } from '../../db/schema.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { getCase } from '../cases/get-case.ts';
import { sweepOrphanFiles } from '../sweep-files.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { verifyAudit } from '../verify-audit.ts';
import { addWorkOrderAttachment, readWorkOrderAttachment } from './attachments.ts';
import { listDispatchRules, removeDispatchRule, setDispatchRule } from './dispatch-rules.ts';
import { importDispatchRules } from './import-dispatch-rules.ts';
import { getWorkOrder } from './get-work-order.ts';
import { registerWorkOrder } from './register-work-order.ts';
import { getWorkOrderSettings, setWorkOrderSettings } from './settings.ts';
import { registerCaseFromWorkOrder } from './to-case.ts';
import { transitionWorkOrder } from './transition-work-order.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2026-09-28';
const files = memoryFileStore();

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T01:00:00Z`), files };
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

const order = (over: Record<string, unknown> = {}) => ({
  organizationId: w.org.district.id,
  channel: 'hotline',
  kind: 'complaint',
  category: { kind: 'matter', code: '06001' },
  content: '解放路15号门前人行道长期堆放建材，影响通行。',
  address: '云城市东湖区解放路15号',
  requester: { name: '张三', phone: '13800138000' },
  ...over,
});
const step = (actor: Actor, o: WorkOrderView, body: Record<string, unknown>) => transitionWorkOrder(ctx, actor, o.id, { expectedVersion: o.version, ...body });
/** Rows of work_orders, of attachments and of the audit trail: what a refusal must leave unchanged. */
const written = async () => {
  const [[orders], [audit], [attached]] = await Promise.all([
    ctx.db.select({ n: count() }).from(workOrders),
    ctx.db.select({ n: count() }).from(auditRecords),
    ctx.db.select({ n: count() }).from(workOrderAttachments),
  ]);
  return { orders: orders!.n, audit: audit!.n, attached: attached!.n };
};

describe('the dispatch catalog', () => {
  it('国办函〔2025〕66号: a bureau item is refused for a town — as a rule’s default unit, at dispatch, re-dispatch and a dispute’s designation', async () => {
    today = '2026-09-28';
    const head = w.actors['head.donghu'];
    // 06001 私搭乱建 is the bureau's own: dispatched to the brigade by default.
    const rule = await setDispatchRule(ctx, head, { organizationId: w.org.district.id, category: { kind: 'matter', code: '06001' }, unitId: w.org.brigade.id, reservedToBureau: true, note: '违法建设由大队查处' });
    expect(rule).toMatchObject({ category: { name: '私搭乱建' }, unit: { id: w.org.brigade.id }, reservedToBureau: true, inherited: false });
    const before = await written();
    const asDefault = await refusal(setDispatchRule(ctx, head, { organizationId: w.org.district.id, category: { kind: 'matter', code: '06001' }, unitId: w.org.town.id, reservedToBureau: true }));
    expect(asDefault).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('属于局机关职责事项'), details: { article: '国办函〔2025〕66号' } });
    expect(await written()).toEqual(before);

    // No unit given: the catalog's unit.
    let o = await registerWorkOrder(ctx, head, order());
    const toTown = await refusal(step(head, o, { action: 'dispatch', unitId: w.org.town.id }));
    expect(toTown).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringMatching(/^“私搭乱建”属于局机关职责事项，不得派往乡镇（街道）“.*南湖街道.*”$/), details: { article: '国办函〔2025〕66号' } });
    expect((await getWorkOrder(ctx.db, head, o.id)).version).toBe(o.version);
    o = await step(head, o, { action: 'dispatch' });
    expect(o).toMatchObject({ state: { key: 'dispatched' }, unit: { id: w.org.brigade.id } });
    const [audited] = await ctx.db.select({ change: auditRecords.change }).from(auditRecords).where(and(eq(auditRecords.subjectType, 'workOrder'), eq(auditRecords.subjectId, String(o.id)), eq(auditRecords.action, 'workOrder.transition'))).orderBy(auditRecords.id);
    expect(audited?.change).toMatchObject({ action: 'dispatch', unitId: w.org.brigade.id, unitName: '东湖区城市管理综合行政执法大队' });
    expect((await refusal(step(head, o, { action: 'reassign', unitId: w.org.town.id, reason: '属地管理' }))).details?.article).toBe('国办函〔2025〕66号');
    o = await step(w.actors.wanglei, o, { action: 'return', reason: '该事项不属于本大队职责。' });
    expect((await refusal(step(head, o, { action: 'resolveDispute', unitId: w.org.town.id, opinion: '由街道办理' }))).details?.article).toBe('国办函〔2025〕66号');

    // A category that is not the bureau's own may go to the town; one without a rule needs a unit.
    await setDispatchRule(ctx, head, { organizationId: w.org.district.id, category: { kind: 'matter', code: '01001' }, unitId: w.org.town.id, reservedToBureau: false });
    let street = await registerWorkOrder(ctx, head, order({ category: { kind: 'matter', code: '01001' } }));
    street = await step(head, street, { action: 'dispatch' });
    expect(street.unit?.id).toBe(w.org.town.id);
    const none = await registerWorkOrder(ctx, head, order({ category: { kind: 'part', code: '01001' } }));
    expect((await refusal(step(head, none, { action: 'dispatch' }))).message).toContain('在派单目录中没有默认承办单位，请选择承办单位');

    // The district's rules show to the brigade as inherited; removing one is audited too.
    const rules = await listDispatchRules(ctx, w.actors['head.donghu'], w.org.district.id);
    expect(rules.map((r) => r.category.code)).toEqual(['01001', '06001']);
    const city = await setDispatchRule(ctx, w.actors.admin, { organizationId: w.org.city.id, category: { kind: 'part', code: '01001' }, unitId: null, reservedToBureau: true });
    expect((await listDispatchRules(ctx, head, w.org.district.id)).find((r) => r.id === city.id)).toMatchObject({ inherited: true, organization: { id: w.org.city.id } });
    await removeDispatchRule(ctx, w.actors.admin, city.id);
    expect((await refusal(removeDispatchRule(ctx, w.actors['head.xishan'], rule.id))).code).toBe('NOT_FOUND');
    expect((await refusal(setDispatchRule(ctx, head, { organizationId: w.org.district.id, category: { kind: 'matter', code: '01001' }, unitId: w.org.otherBrigade.id, reservedToBureau: false }))).message).toContain('不是“云城市东湖区城市管理和综合行政执法局”或其下级单位');
    expect((await refusal(setDispatchRule(ctx, w.actors.wanglei, { organizationId: w.org.district.id, category: { kind: 'matter', code: '01001' }, unitId: null, reservedToBureau: false }))).code).toBe('FORBIDDEN');
    const trail = await ctx.db.select({ change: auditRecords.change }).from(auditRecords).where(eq(auditRecords.action, 'workOrder.dispatchRule'));
    expect(trail).toHaveLength(4);
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});

describe('importing the dispatch catalog', () => {
  it('imports a CSV row by row: each refused row with its number and reason (国办函〔2025〕66号 among them), the rest replace the rules; nothing importable writes nothing', async () => {
    const head = w.actors['head.donghu'];
    const csv = (rows: string[][]) => ({ fileName: '派单目录.csv', data: Buffer.from(rows.map((r) => r.join(',')).join('\n')) });
    const header = ['部件/事项', '类别编码', '默认承办单位', '局机关职责事项', '说明'];
    const before = await written();
    const none = await refusal(importDispatchRules(ctx, head, csv([header, ['管理事项', '99999', '', '否', '']]), { organizationId: w.org.district.id }));
    expect(none.message).toContain('没有可导入的派单规则，未导入任何内容：第2行：未知的管理事项类别编码：99999');
    expect((await refusal(importDispatchRules(ctx, head, csv([['类别编码'], ['06001']]), { organizationId: w.org.district.id }))).message).toContain('表头缺少以下列：部件/事项、默认承办单位、局机关职责事项');
    expect(await written()).toEqual(before);
    const result = await importDispatchRules(
      ctx,
      head,
      csv([
        header,
        ['管理事项', '03001', w.org.brigade.name, '是', '大队查处'],
        ['管理事项', '03002', w.org.town.name, '是', ''],
        ['管理部件', '02001', w.org.town.name, '否', ''],
        ['管理事项', '03001', '', '否', ''],
        ['管理事项', '03003', w.org.otherBrigade.name, '否', ''],
        ['管理事项', '03004', '', '也许', ''],
      ]),
      { organizationId: w.org.district.id },
    );
    expect(result.imported).toEqual([{ kind: 'matter', code: '03001' }, { kind: 'part', code: '02001' }]);
    expect(result.rejected).toEqual([
      { row: 3, reason: expect.stringContaining('属于局机关职责事项，不得以乡镇（街道）') },
      { row: 5, reason: '管理事项 03001 与第2行重复' },
      { row: 6, reason: expect.stringContaining('不是“云城市东湖区城市管理和综合行政执法局”或其下级单位') },
      { row: 7, reason: '局机关职责事项应填“是”或“否”，而不是“也许”' },
    ]);
    const rules = await listDispatchRules(ctx, head, w.org.district.id);
    expect(rules.find((r) => r.category.kind === 'matter' && r.category.code === '03001')).toMatchObject({ unit: { id: w.org.brigade.id }, reservedToBureau: true, note: '大队查处' });
    expect(rules.find((r) => r.category.kind === 'part' && r.category.code === '02001')).toMatchObject({ unit: { id: w.org.town.id }, reservedToBureau: false });
    const [audited] = await ctx.db.select({ change: auditRecords.change }).from(auditRecords).where(eq(auditRecords.action, 'workOrder.dispatchRule')).orderBy(desc(auditRecords.id)).limit(1);
    expect(audited?.change).toMatchObject({ import: '派单目录.csv', format: 'csv', rows: 6, imported: result.imported, rejected: result.rejected });
  });
});

describe('local parameters', () => {
  it('stored per organization with defaults and their source, inherited, validated in Chinese, and used for the deadlines (working days across 国庆 2026)', async () => {
    today = '2026-09-28';
    const defaults = await getWorkOrderSettings(ctx, w.actors['head.donghu'], w.org.district.id);
    expect(defaults.effective).toEqual({ signingDays: 1, handlingDays: { consult: 2, help: 10, suggestion: 10, complaint: 15, report: 15 }, maxReopens: 2 });
    expect(defaults.parameters.find((p) => p.key === 'handlingDays.complaint')).toMatchObject({ value: 15, unit: '工作日', setBy: null, source: expect.stringContaining('默认值') });

    const before = await written();
    const bad = await refusal(setWorkOrderSettings(ctx, w.actors['head.donghu'], w.org.district.id, { signingDays: 0, handlingDays: { complaint: 61 } }));
    expect(bad).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/签收期限不得少于 1 个工作日|投诉类工单办理期限不得超过 60 个工作日/) });
    expect(await written()).toEqual(before);
    expect((await refusal(setWorkOrderSettings(ctx, w.actors.wanglei, w.org.district.id, { signingDays: 2 }))).code).toBe('FORBIDDEN');

    await setWorkOrderSettings(ctx, w.actors.admin, w.org.city.id, { maxReopens: 1 });
    const set = await setWorkOrderSettings(ctx, w.actors['head.donghu'], w.org.district.id, { signingDays: 2, handlingDays: { complaint: 10 } });
    expect(set.effective).toMatchObject({ signingDays: 2, handlingDays: { complaint: 10, report: 15 }, maxReopens: 1 });
    expect(set.parameters.find((p) => p.key === 'maxReopens')).toMatchObject({ setBy: { id: w.org.city.id }, source: '云城市城市管理局设置' });
    expect(set.own).toEqual({ signingDays: 2, handlingDays: { complaint: 10 } });

    // 10 working days from 2026-09-28 across 国庆 (10月1日–7日 off, 10月10日 a make-up workday): 2026-10-16; 签收 2 working days: 09-30.
    let o = await registerWorkOrder(ctx, w.actors['head.donghu'], order({ category: { kind: 'matter', code: '02001' } }));
    o = await step(w.actors['head.donghu'], o, { action: 'dispatch', unitId: w.org.brigade.id });
    expect(o.dueOn).toBe('2026-10-16');
    expect(o.deadlines.find((d) => d.kind === 'signing')?.dueOn).toBe('2026-09-30');
    // maxReopens 1 (inherited from the city): one reopening, then the requester is pointed to 复查.
    o = await step(w.actors.wanglei, o, { action: 'accept' });
    o = await step(w.actors.wanglei, o, { action: 'answer', method: 'phone', text: '已督促清理。' });
    o = await step(w.actors.wanglei, o, { action: 'complete', result: '已清理' });
    o = await step(w.actors['head.donghu'], o, { action: 'visit', satisfaction: 'dissatisfied', reason: '仍有堆放' });
    o = await step(w.actors['head.donghu'], o, { action: 'reopen', reason: '诉求人不满意，重新办理' });
    o = await step(w.actors.wanglei, o, { action: 'answer', method: 'phone', text: '已再次清理。' });
    o = await step(w.actors.wanglei, o, { action: 'complete', result: '已清理' });
    o = await step(w.actors['head.donghu'], o, { action: 'visit', satisfaction: 'dissatisfied', reason: '仍有堆放' });
    expect((await refusal(step(w.actors['head.donghu'], o, { action: 'reopen', reason: '再次重新办理' }))).message).toContain('已重新办理 1 次');
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});

describe('复查 and 复核', () => {
  it('《信访工作条例》第三十五条、第三十六条: 复查 within 30 calendar days of receiving the written reply (ending after 国庆 2026), its opinion within 30; then 复核 likewise', async () => {
    today = '2026-08-03';
    const head = w.actors['head.donghu'];
    let o = await registerWorkOrder(ctx, head, order({ channel: 'petitionLetter', category: { kind: 'matter', code: '02001' }, content: '反映小区周边餐馆油烟扰民，多次投诉未解决。' }));
    o = await step(head, o, { action: 'decideAcceptance', accepted: true, reason: '属于本机关职权范围，予以受理。' });
    o = await step(head, o, { action: 'dispatch', unitId: w.org.brigade.id });
    o = await step(w.actors.wanglei, o, { action: 'accept' });
    today = '2026-09-04';
    o = await step(w.actors.wanglei, o, { action: 'answer', method: 'phone', text: '已电话告知处理情况。' });
    o = await step(w.actors.wanglei, o, { action: 'complete', result: '已责令整改' });
    today = '2026-09-10';
    // Only a written reply (信访处理意见书) opens 复查.
    expect((await refusal(step(head, o, { action: 'requestReview', organ: '云城市城市管理局', request: '对处理意见不服，请求复查。' }))).message).toContain('尚无书面或网上答复');
    // A second petition handled the same way, answered by letter (信访处理意见书) on 09-04 and received on 09-05 (Saturday):
    // 30 days end 10-05, in 国庆 — moved to 10-08 (《民法典》第二百零三条).
    today = '2026-08-03';
    let p = await registerWorkOrder(ctx, head, order({ channel: 'petitionLetter', category: { kind: 'matter', code: '02001' }, content: '反映道路两侧流动摊贩占道经营。' }));
    p = await step(head, p, { action: 'decideAcceptance', accepted: true, reason: '予以受理。' });
    p = await step(head, p, { action: 'dispatch', unitId: w.org.brigade.id });
    p = await step(w.actors.wanglei, p, { action: 'accept' });
    today = '2026-09-04';
    p = await step(w.actors.wanglei, p, { action: 'answer', method: 'letter', text: '经查，已依法处理，现书面答复如下……' });
    p = await step(w.actors.wanglei, p, { action: 'complete', result: '已依法处理' });
    today = '2026-10-09';
    const late = await refusal(step(head, p, { action: 'requestReview', replyReceivedOn: '2026-09-05', organ: '云城市城市管理局', request: '对处理意见不服，请求复查。' }));
    expect(late).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('2026-09-05 收到，2026-10-08 届满'), details: { article: '《信访工作条例》第三十五条' } });
    expect((await getWorkOrder(ctx.db, head, p.id)).version).toBe(p.version);
    expect((await refusal(step(head, p, { action: 'requestReview', on: '2026-10-08', replyReceivedOn: '2026-09-03', organ: '云城市城市管理局', request: '请求复查。' }))).message).toContain('不能早于书面答复作出之日');
    p = await step(head, p, { action: 'requestReview', on: '2026-10-08', replyReceivedOn: '2026-09-05', organ: '云城市城市管理局', request: '对处理意见不服，请求复查。' });
    // The 复查 opinion within 30 days of 10-08: 11-07 is a Saturday, so 11-09.
    expect(p).toMatchObject({ state: { key: 'reviewing', label: '复查中' }, record: { reviews: [{ stage: 'review', replyReceivedOn: '2026-09-05', organ: '云城市城市管理局', dueOn: '2026-11-09', answer: null }] } });
    expect(p.deadlines.find((d) => d.kind === 'review')).toMatchObject({ dueOn: '2026-11-09', metOn: null, article: '《信访工作条例》第三十五条（复查意见期限）' });
    // 复核 only after the 复查 opinion.
    expect((await refusal(step(head, p, { action: 'requestRecheck', organ: '云城市人民政府', request: '请求复核。' }))).code).toBe('RULE_VIOLATION');
    today = '2026-11-06';
    // The reviewing organ (the city bureau, one level up) records its opinion.
    p = await step(w.actors.supervisor, p, { action: 'answerReview', outcome: 'upheld', opinion: '原处理意见事实清楚，维持。' });
    expect(p.deadlines.find((d) => d.kind === 'review')?.metOn).toBe('2026-11-06');
    // 复核 within 30 days of receiving the 复查 opinion (11-06 → 12-06, a Sunday → 12-07).
    today = '2026-12-08';
    expect((await refusal(step(head, p, { action: 'requestRecheck', organ: '云城市人民政府', request: '对复查意见不服，请求复核。' }))).message).toContain('2026-12-07 届满');
    p = await step(head, p, { action: 'requestRecheck', on: '2026-12-07', organ: '云城市人民政府', request: '对复查意见不服，请求复核。' });
    expect(p).toMatchObject({ state: { key: 'rechecking' } });
    expect(p.deadlines.find((d) => d.kind === 'recheck')?.dueOn).toBe('2027-01-06');
    p = await step(w.actors.supervisor, p, { action: 'answerRecheck', outcome: 'upheld', opinion: '维持复查意见。' });
    expect(p.state).toEqual({ key: 'rechecked', label: '已复核' });
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});

describe('to a case', () => {
  it('registers a clue prefilled from the order (unknown party), audited on both chains; a second case is refused with the first’s act code', async () => {
    today = '2026-09-28';
    let o = await registerWorkOrder(ctx, w.actors['head.donghu'], order({ category: { kind: 'matter', code: '02001' } }));
    o = await step(w.actors['head.donghu'], o, { action: 'dispatch', unitId: w.org.brigade.id });
    const before = await written();
    // A reviewer may not register clues; bad input is refused in Chinese: nothing written, no case.
    expect((await refusal(registerCaseFromWorkOrder(ctx, w.actors['reviewer.donghu'], o.id, { expectedVersion: o.version, title: '涉嫌占道堆放案' }))).code).toBe('FORBIDDEN');
    expect((await refusal(registerCaseFromWorkOrder(ctx, w.actors.wanglei, o.id, { expectedVersion: o.version, title: '占道' }))).message).toContain('案由至少 4 个字');
    expect(await written()).toEqual(before);
    o = await registerCaseFromWorkOrder(ctx, w.actors.wanglei, o.id, { expectedVersion: o.version, title: '涉嫌擅自占用人行道堆放建材案' });
    expect(o.case).toMatchObject({ actCode: expect.any(String), state: { key: 'clue', label: '线索登记' }, href: `/cases/${String(o.case?.id)}` });
    const c = await getCase(ctx, w.actors.wanglei, o.case!.id, ctx.clock());
    expect(c).toMatchObject({ title: '涉嫌擅自占用人行道堆放建材案', facts: '解放路15号门前人行道长期堆放建材，影响通行。', place: '云城市东湖区解放路15号', clueSource: 'hotline', organization: { id: w.org.brigade.id } });
    expect(c.party).toMatchObject({ kind: 'unknown' });
    const caseTrail = await ctx.db.select({ action: auditRecords.action, change: auditRecords.change }).from(auditRecords).where(and(eq(auditRecords.subjectType, 'case'), eq(auditRecords.subjectId, String(c.id)))).orderBy(asc(auditRecords.seq));
    expect(caseTrail.map((r) => r.action)).toEqual(['case.register', 'case.fromWorkOrder']);
    expect(caseTrail[1]?.change).toEqual({ workOrderId: o.id, number: o.number });
    const [orderTrail] = await ctx.db.select({ change: auditRecords.change }).from(auditRecords).where(and(eq(auditRecords.subjectType, 'workOrder'), eq(auditRecords.action, 'workOrder.case')));
    expect(orderTrail?.change).toEqual({ caseId: c.id, actCode: c.actCode, version: o.version });
    const second = await refusal(registerCaseFromWorkOrder(ctx, w.actors.wanglei, o.id, { expectedVersion: o.version, title: '涉嫌擅自占用人行道堆放建材案' }));
    expect(second).toMatchObject({ code: 'VALIDATION', message: `本工单已登记为案件线索（行政行为码 ${c.actCode}），一个工单只能转为一个案件` });
    // A party the officer names is taken as given.
    let named = await registerWorkOrder(ctx, w.actors['head.donghu'], order({ category: { kind: 'matter', code: '02001' } }));
    const company = (creditCode: string) => ({ kind: 'organization', name: '云城市某建筑工程有限公司', creditCode });
    // An invalid credit code is refused in Chinese, and the order keeps no case.
    const invalid = await refusal(registerCaseFromWorkOrder(ctx, w.actors['head.donghu'], named.id, { expectedVersion: named.version, title: '涉嫌擅自占用人行道堆放建材案', party: company('91539900MA6K123454') }));
    expect(invalid.message).toContain('统一社会信用代码');
    expect((await getWorkOrder(ctx.db, w.actors['head.donghu'], named.id)).case).toBeNull();
    named = await registerCaseFromWorkOrder(ctx, w.actors['head.donghu'], named.id, { expectedVersion: named.version, title: '涉嫌擅自占用人行道堆放建材案', party: company('91350100M000100Y43') });
    expect((await getCase(ctx, w.actors['head.donghu'], named.case!.id, ctx.clock())).party).toMatchObject({ kind: 'organization', name: '云城市某建筑工程有限公司' });
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});

describe('attachments', () => {
  it('a registration photo and the unit’s photo of the result, stored under their SM3 digest, downloadable by those who see the order', async () => {
    today = '2026-09-28';
    let o = await registerWorkOrder(ctx, w.actors['head.donghu'], order({ category: { kind: 'matter', code: '02001' } }));
    const photo = Buffer.from('registration photo bytes');
    o = await addWorkOrderAttachment(ctx, w.actors['head.donghu'], o.id, { fileName: '现场照片.jpg', data: photo }, { purpose: 'registration' });
    expect(o.attachments).toEqual([expect.objectContaining({ seq: 1, purpose: { key: 'registration', label: '登记材料' }, fileName: '现场照片.jpg', mediaType: 'image/jpeg', size: photo.byteLength, recordedBy: '陈建国', href: `/api/work-orders/${String(o.id)}/attachments/1/file` })]);
    // The result is the unit's: nobody may attach it before the order is with a unit, nor someone outside it.
    expect((await refusal(addWorkOrderAttachment(ctx, w.actors['head.donghu'], o.id, { fileName: '结果.jpg', data: Buffer.from('x') }, { purpose: 'result' }))).message).toBe('工单待派单，不能再上传办理结果附件');
    o = await step(w.actors['head.donghu'], o, { action: 'dispatch', unitId: w.org.brigade.id });
    o = await step(w.actors.wanglei, o, { action: 'accept' });
    const before = await written();
    expect((await refusal(addWorkOrderAttachment(ctx, w.actors.zhengyu, o.id, { fileName: '结果.jpg', data: Buffer.from('x') }, { purpose: 'result' }))).code).toBe('NOT_FOUND');
    expect((await refusal(addWorkOrderAttachment(ctx, w.actors.clerk, o.id, { fileName: '结果.jpg', data: Buffer.from('x') }, { purpose: 'result' }))).message).toContain('只有承办单位的人员');
    expect((await refusal(addWorkOrderAttachment(ctx, w.actors.wanglei, o.id, { fileName: 'page.html', data: Buffer.from('<script>') }, { purpose: 'result' }))).message).toContain('不接受 .html 文件');
    expect((await refusal(addWorkOrderAttachment(ctx, w.actors.wanglei, o.id, { fileName: '结果.jpg', data: Buffer.from('x') }, { purpose: 'other' }))).message).toContain('附件用途应为');
    expect(await written()).toEqual(before);
    const result = Buffer.from('result photo bytes');
    o = await addWorkOrderAttachment(ctx, w.actors.wanglei, o.id, { fileName: '../../整改后.png', data: result }, { purpose: 'result' });
    expect(o.attachments[1]).toMatchObject({ seq: 2, purpose: { key: 'result' }, fileName: '整改后.png', mediaType: 'image/png' });
    expect(await readWorkOrderAttachment(ctx, w.actors['head.donghu'], o.id, 2)).toMatchObject({ data: result, fileName: '整改后.png' });
    expect((await refusal(readWorkOrderAttachment(ctx, w.actors['head.xishan'], o.id, 1))).code).toBe('NOT_FOUND');
    // The orphan sweep keeps them (they are referenced), however old.
    const swept = await sweepOrphanFiles({ ...ctx, clock: () => new Date('2100-01-01T00:00:00Z') }, { dryRun: true });
    expect(swept.removed.map((e) => e.digest)).not.toContain(o.attachments[1]!.digest);
    // A file changed in the store no longer matches its digest: refused, not served.
    files.tamper(o.attachments[0]!.digest, Buffer.from('changed'));
    expect((await refusal(readWorkOrderAttachment(ctx, w.actors['head.donghu'], o.id, 1))).message).toContain('可能已被篡改');
    const [audited] = await ctx.db.select({ change: auditRecords.change }).from(auditRecords).where(and(eq(auditRecords.action, 'workOrder.attachment'), eq(auditRecords.subjectId, String(o.id)))).orderBy(auditRecords.id);
    expect(audited?.change).toMatchObject({ seq: 1, purpose: 'registration', digest: o.attachments[0]!.digest });
  });
});

describe('bad input of the issue: a clear Chinese error, nothing written', () => {
  it('an unknown category, a unit outside the dispatcher’s tree, a reply after closing, a 退单 without a reason, a duplicate external number', async () => {
    today = '2026-09-28';
    const head = w.actors['head.donghu'];
    let o = await registerWorkOrder(ctx, head, order({ category: { kind: 'matter', code: '02001' }, externalNumber: 'RX-BAD-1' }));
    o = await step(head, o, { action: 'dispatch', unitId: w.org.brigade.id });
    o = await step(w.actors.wanglei, o, { action: 'accept' });
    let closed = await registerWorkOrder(ctx, head, order({ category: { kind: 'matter', code: '02001' } }));
    closed = await step(head, closed, { action: 'dispatch', unitId: w.org.brigade.id });
    closed = await step(w.actors.wanglei, closed, { action: 'accept' });
    closed = await step(w.actors.wanglei, closed, { action: 'answer', method: 'phone', text: '已处理。' });
    closed = await step(w.actors.wanglei, closed, { action: 'complete', result: '已处理' });
    closed = await step(head, closed, { action: 'visit', satisfaction: 'satisfied' });
    const fresh = await registerWorkOrder(ctx, head, order({ category: { kind: 'matter', code: '02001' } }));
    const before = await written();
    const cases: [string, () => Promise<unknown>, RegExp][] = [
      ['unknown category', () => registerWorkOrder(ctx, head, order({ category: { kind: 'part', code: '99999' } })), /^未知的管理部件类别编码：99999$/],
      ['unit outside the tree', () => step(head, fresh, { action: 'dispatch', unitId: w.org.otherBrigade.id }), /不在受理单位的下级单位范围内，不能交办/],
      ['reply after closing', () => step(w.actors.wanglei, closed, { action: 'answer', method: 'phone', text: '补充答复。' }), /已关闭/],
      ['退单 without a reason', () => step(w.actors.wanglei, o, { action: 'return' }), /请填写退单理由/],
      ['duplicate external number', () => registerWorkOrder(ctx, head, order({ externalNumber: 'RX-BAD-1' })), /外部工单号 RX-BAD-1 已登记为工单 GD2026\d{7}，不能重复登记/],
    ];
    for (const [what, attempt, message] of cases) {
      const error = await refusal(attempt());
      expect(error.message, what).toMatch(message);
      expect(error.message, what).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await written()).toEqual(before);
    for (const [id, version] of [[o.id, o.version], [closed.id, closed.version], [fresh.id, fresh.version]] as const) expect((await getWorkOrder(ctx.db, head, id)).version).toBe(version);
  });
});
