/**
 * Issue 15: 更正 of a step's recorded data (`correctRecord`, domain/cases/corrections.ts) — audited with the old
 * value, the new value and the reason, in the timeline; a corrected service date of the decision counts the payment
 * period again (《行政处罚法》第六十七条第三款); refused where the data is printed on a document issued to the party
 * (第四十七条) and on an archived file.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../domain/test-support.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { auditRecords, deadlines } from '../../db/schema.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { chainOf } from '../audit-trail.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { newCase, newWorld, type World } from '../testing/factories.ts';
import type { CaseView } from './get-case.ts';
import { transitionCase } from './transition-case.ts';
import { readCaseTrail } from './case-timeline.ts';
import { systemActor } from '../../domain/access.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
const at = (date: string): ServiceContext => ({ ...ctx, clock: () => new Date(`${date}T01:00:00Z`) });

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-03-02T01:00:00Z'), files: memoryFileStore() };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

const correct = (date: string, actor: World['actors'][keyof World['actors']], c: CaseView, body: Record<string, unknown>) =>
  transitionCase(at(date), actor, c.id, { expectedVersion: c.version, action: 'correctRecord', ...body });

const targetOf = (c: CaseView, step: string) => c.corrections.find((t) => t.step === step)!;
const correctionEntries = async (caseId: number) =>
  (await ctx.db.select().from(auditRecords).where(and(eq(auditRecords.chain, chainOf('case', caseId)), eq(auditRecords.action, 'case.transition'))).orderBy(auditRecords.id)).filter(
    (r) => (r.change as { action?: string }).action === 'correctRecord',
  );

describe('the decision served on another day (《行政处罚法》第六十七条第三款)', () => {
  it('Art. 67 para. 3: a corrected service date counts the fifteen-day payment period again, across the National Day holiday', async () => {
    // Decided and served on Monday 2026-09-21: fifteen calendar days end on 10-06, inside the 10-01…10-07 holiday,
    // so the period ends on Thursday 10-08, the first working day after it.
    let c = await newCase(ctx, w, { state: 'enforcing', startOn: '2026-09-07' });
    expect(c.record.service?.on).toBe('2026-09-21');
    expect(c.payment?.dueOn).toBe('2026-10-08');
    const service = targetOf(c, 'serve');
    expect(service.fields.find((f) => f.field === 'serviceDate')).toMatchObject({ current: '2026-09-21', locked: null, recomputes: expect.stringContaining('十五日') });
    // The 送达回证 says Thursday 09-24: fifteen days end on Friday 10-09, a working day.
    c = await correct('2026-09-25', w.actors.zhaogang, c, { target: service.target, field: 'serviceDate', value: '2026-09-24', reason: '送达回证载明当事人于9月24日签收，录入时误填为21日' });
    expect(c.record.service).toMatchObject({ on: '2026-09-24', effectiveOn: '2026-09-24' });
    expect(c.record.services?.find((s) => s.document === 'decision')?.on).toBe('2026-09-24');
    expect(c.payment?.dueOn).toBe('2026-10-09');
    expect(c.deadlines.find((d) => d.kind === 'payment' && d.metOn === null)?.dueOn).toBe('2026-10-09');
    // The service deadline (第六十一条) now reads as met on the corrected day.
    const [served] = await ctx.db.select().from(deadlines).where(and(eq(deadlines.subjectId, c.id), eq(deadlines.subjectType, 'case'), eq(deadlines.kind, 'service')));
    expect(served?.metOn).toBe('2026-09-24');
    // Its own act in the timeline: old value, new value, reason.
    const entry = (await readCaseTrail(ctx, systemActor, c.id)).at(-1)!;
    expect(entry.label).toBe('更正记录');
    expect(entry.change).toMatchObject({
      reason: '送达回证载明当事人于9月24日签收，录入时误填为21日',
      correction: { field: 'serviceDate', label: '送达日期', from: '2026-09-21', to: '2026-09-24' },
      paymentDueMoved: { from: '2026-10-08', to: '2026-10-09' },
    });
  });

  it('Art. 61: a date after the service deadline, before the decision or after a payment is refused and writes nothing', async () => {
    const c = await newCase(ctx, w, { state: 'enforcing', startOn: '2026-09-07' });
    const service = targetOf(c, 'serve');
    const body = (value: string) => ({ target: service.target, field: 'serviceDate', value, reason: '送达日期录入有误' });
    expect(await refusal(correct('2026-10-20', w.actors.zhaogang, c, body('2026-09-18')))).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('不能早于作出决定的日期') });
    // Decided on 09-21: seven (working) days end on 09-30; a service on 10-12 would have been late.
    expect(await refusal(correct('2026-10-20', w.actors.zhaogang, c, body('2026-10-12')))).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('逾期送达') });
    expect(await refusal(correct('2026-10-20', w.actors.zhaogang, c, body('2026-09-21')))).toMatchObject({ code: 'VALIDATION', message: '更正后的送达日期与原记录相同' });
    expect(await correctionEntries(c.id)).toHaveLength(0);
  });
});

describe('clerical data of a service (送达回证)', () => {
  it('the time and the way of serving the prior notice are corrected; its date is printed on the notice and refused (第四十七条)', async () => {
    let c = await newCase(ctx, w, { state: 'notified' });
    const notice = targetOf(c, 'notify');
    expect(notice.occurrence).toBe(0);
    expect(notice.fields.find((f) => f.field === 'serviceDate')?.locked).toContain('成文日期');
    expect(await refusal(correct('2026-03-11', w.actors.wanglei, c, { target: notice.target, field: 'serviceDate', value: '2026-03-11', reason: '送达日期录入有误' }))).toMatchObject({
      code: 'RULE_VIOLATION',
      details: { article: expect.stringContaining('第四十七条') },
    });
    c = await correct('2026-03-11', w.actors.wanglei, c, { target: notice.target, field: 'serviceTime', value: '15:30', reason: '送达回证记载为15:30，录入误为10:00' });
    expect(c.record.services?.[0]).toMatchObject({ document: 'priorNotice', time: '15:30' });
    // Not a clerical fix: the statement period would not change, but 公告送达 changes when service takes effect.
    expect((await refusal(correct('2026-03-11', w.actors.wanglei, c, { target: notice.target, field: 'serviceMethod', value: 'announcement', reason: '送达方式录入有误' }))).message).toContain('公告送达');
    // 留置送达 needs the witness the 送达回证 does not name.
    expect((await refusal(correct('2026-03-11', w.actors.wanglei, c, { target: notice.target, field: 'serviceMethod', value: 'left', reason: '送达方式录入有误' }))).message).toContain('见证人');
    c = await correct('2026-03-11', w.actors.wanglei, c, { target: notice.target, field: 'serviceMethod', value: 'mail', reason: '系邮寄送达，录入误选直接送达' });
    expect(c.record.services?.[0]?.method).toBe('mail');
    // The statement period did not move.
    expect(c.record.notice?.servedOn).toBe('2026-03-10');
    expect((await correctionEntries(c.id)).map((r) => (r.change as { correction: { from: string; to: string } }).correction)).toEqual([
      expect.objectContaining({ from: '10:00', to: '15:30' }),
      expect.objectContaining({ from: 'direct', to: 'mail' }),
    ]);
  });

  it('only an officer of the case corrects its record (no one acts in another’s name)', async () => {
    const c = await newCase(ctx, w, { state: 'notified' });
    const other = await refusal(correct('2026-03-11', w.actors.sunli, c, { target: targetOf(c, 'notify').target, field: 'servicePlace', value: '云城市东湖区南湖路8号', reason: '地址录入有误' }));
    expect(other.code).toBe('FORBIDDEN');
  });
});

describe('the receipt number of a payment', () => {
  it('is corrected on a closed case and refused once the file is archived (第四十七条 归档保存)', async () => {
    let c = await newCase(ctx, w, { state: 'closed' });
    const payment = targetOf(c, 'recordPayment');
    c = await correct('2026-03-21', w.actors.wanglei, c, { target: payment.target, field: 'receiptNo', value: 'FS2026030299', reason: '以当事人所持缴款凭证为准' });
    expect(c.record.payments[0]?.receiptNo).toBe('FS2026030299');
    c = await transitionCase(at('2026-03-21'), w.actors.wanglei, c.id, { expectedVersion: c.version, action: 'archive', archiveNo: 'DH-2026-900' });
    const archived = await refusal(correct('2026-03-22', w.actors.wanglei, c, { target: payment.target, field: 'receiptNo', value: 'FS2026030298', reason: '以当事人所持缴款凭证为准' }));
    expect(archived.code).toBe('RULE_VIOLATION');
  });
});
