/**
 * Acts after their deadline (issue 12 item 12): the step must say why, the deadline row keeps that it was met late
 * and the reason, the case view shows it and supervision lists it. Generic: any agency deadline a step meets.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase, resetTestDatabase } from '../../db/testing.ts';
import { refusal } from '../../domain/test-support.ts';
import type { ServiceContext } from '../context.ts';
import { newCase, newWorld, type World } from '../testing/factories.ts';
import type { CaseView } from './get-case.ts';
import { listDeadlines } from './list-deadlines.ts';
import { transitionCase } from './transition-case.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
const at = (day: string): ServiceContext => ({ ...ctx, clock: () => new Date(`${day}T01:00:00Z`) });
const step = (day: string, who: keyof World['actors'], c: CaseView, body: Record<string, unknown>) =>
  transitionCase(at(day), w.actors[who], c.id, { expectedVersion: c.version, ...body });

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-03-02T01:00:00Z') };
});
beforeEach(async () => {
  await resetTestDatabase(handle);
  w = await newWorld(at('2026-03-02'));
});
afterAll(() => handle.close());

describe('an act after its deadline (issue 12 item 12)', () => {
  it('Art. 56: a 先行登记保存 decision after the 7 working days needs a reason; the deadline keeps it and supervision lists it', async () => {
    let c = await newCase(ctx, w, { state: 'investigating' });
    c = await step('2026-03-03', 'wanglei', c, { action: 'preserve', items: '货架两个、水果若干', approvedById: w.users['head.donghu'].id });
    expect(c.deadlines.find((d) => d.kind === 'preservation')).toMatchObject({ dueOn: '2026-03-12', metLate: false, lateReason: null });
    const refused = await refusal(step('2026-03-20', 'wanglei', c, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人' }));
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.details?.article).toContain('第五十六条');
    c = await step('2026-03-20', 'wanglei', c, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人', lateReason: '保存物品须经鉴定，鉴定意见于3月19日方出具' });
    expect(c.deadlines.find((d) => d.kind === 'preservation')).toMatchObject({ metOn: '2026-03-20', metLate: true, lateReason: '保存物品须经鉴定，鉴定意见于3月19日方出具' });
    expect(c.timeline.at(-1)!.change).toMatchObject({ metLate: [{ kind: 'preservation', dueOn: '2026-03-12', reason: '保存物品须经鉴定，鉴定意见于3月19日方出具' }] });
    const supervised = await listDeadlines(at('2026-03-25'), w.actors.supervisor, { status: 'late', days: 30 });
    expect(supervised).toEqual([expect.objectContaining({ caseId: c.id, kind: 'preservation', dueOn: '2026-03-12', metOn: '2026-03-20', lateReason: '保存物品须经鉴定，鉴定意见于3月19日方出具' })]);
    expect(await listDeadlines(at('2026-03-25'), w.actors.supervisor, { status: 'overdue' })).toEqual([]);
  });

  it('an act in time asks no reason and is not flagged; the same rule holds for any agency deadline (service of the decision)', async () => {
    let c = await newCase(ctx, w, { state: 'investigating' });
    c = await step('2026-03-03', 'wanglei', c, { action: 'preserve', items: '货架两个', approvedById: w.users['head.donghu'].id });
    c = await step('2026-03-05', 'wanglei', c, { action: 'decidePreservation', outcome: '解除先行登记保存，退还当事人' });
    expect(c.deadlines.find((d) => d.kind === 'preservation')).toMatchObject({ metOn: '2026-03-05', metLate: false, lateReason: null });

    let decided = await newCase(ctx, w, { state: 'decided' });
    const service = decided.deadlines.find((d) => d.kind === 'service')!;
    const late = await refusal(step('2026-04-30', 'zhaogang', decided, { action: 'serve', method: 'direct' }));
    expect(late.message).toContain('送达处罚决定书的期限为');
    decided = await step('2026-04-30', 'zhaogang', decided, { action: 'serve', method: 'direct', lateReason: '当事人长期外出，经多次联系方才送达' });
    expect(decided.deadlines.find((d) => d.kind === 'service')).toMatchObject({ dueOn: service.dueOn, metLate: true, lateReason: '当事人长期外出，经多次联系方才送达' });
  });
});
