/**
 * The work-order indicators on a small hand-made world, every figure counted by hand below:
 *   东湖 A  received 2026-03-02, completed 03-05, visited 03-06 满意
 *   东湖 B  received 2026-04-01, completed 04-03, visited 04-07 不满意
 *   东湖 C  received 2025-12-29, completed 2025-12-30, visited 2026-01-05 基本满意
 *   东湖 D  received 2026-05-06, still with the unit
 *   西山 E  received 2026-03-02, completed 03-05, visited 03-06 满意 — another district
 * 东湖 2026: handled A, B (2); visited A, B, C → 满意/基本满意 A, C: 2 of 3 = 66.67 %.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { Organization } from '../organizations.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { workOrderIndicators } from './indicators.ts';
import { registerWorkOrder } from './register-work-order.ts';
import { transitionWorkOrder } from './transition-work-order.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2025-12-29';
const ids: Record<string, number> = {};

async function order(name: string, receiver: Organization, unit: Organization, head: Actor, officer: Actor, days: { on: string; done?: string; visit?: string; satisfaction?: string }) {
  today = days.on;
  let o = await registerWorkOrder(ctx, head, {
    organizationId: receiver.id,
    channel: 'hotline',
    kind: 'complaint',
    category: { kind: 'matter', code: '06001' },
    content: `${name}：楼顶私搭乱建。`,
    address: `${name}路1号`,
    requester: { name: '李四', phone: '13900139000' },
  });
  ids[name] = o.id;
  const step = async (actor: Actor, body: Record<string, unknown>) => {
    o = await transitionWorkOrder(ctx, actor, o.id, { expectedVersion: o.version, ...body });
  };
  await step(head, { action: 'dispatch', unitId: unit.id });
  await step(officer, { action: 'accept' });
  if (!days.done) return;
  today = days.done;
  await step(officer, { action: 'answer', method: 'phone', text: '已处理完毕。' });
  await step(officer, { action: 'complete', result: '已拆除' });
  if (!days.visit) return;
  today = days.visit;
  await step(head, { action: 'visit', satisfaction: days.satisfaction, ...(days.satisfaction === 'dissatisfied' ? { reason: '仍有残留' } : {}) });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T01:00:00Z`) };
  w = await newWorld(ctx);
  const [donghu, xishan] = [w.actors['head.donghu'], w.actors['head.xishan']];
  await order('C', w.org.district, w.org.brigade, donghu, w.actors.wanglei, { on: '2025-12-29', done: '2025-12-30', visit: '2026-01-05', satisfaction: 'basic' });
  await order('A', w.org.district, w.org.brigade, donghu, w.actors.wanglei, { on: '2026-03-02', done: '2026-03-05', visit: '2026-03-06', satisfaction: 'satisfied' });
  await order('E', w.org.otherDistrict, w.org.otherBrigade, xishan, w.actors.liuyang, { on: '2026-03-02', done: '2026-03-05', visit: '2026-03-06', satisfaction: 'satisfied' });
  await order('B', w.org.district, w.org.brigade, donghu, w.actors.wanglei, { on: '2026-04-01', done: '2026-04-03', visit: '2026-04-07', satisfaction: 'dissatisfied' });
  await order('D', w.org.district, w.org.brigade, donghu, w.actors.wanglei, { on: '2026-05-06' });
  today = '2026-11-13';
});
afterAll(() => handle.close());

describe('work-order indicators (INDICATORS.md 矛盾纠纷化解)', () => {
  it('petitions_handled counts the orders completed in the year; petition_satisfaction the 满意 and 基本满意 share of the year’s visits', async () => {
    const path = w.org.district.path;
    expect(await workOrderIndicators.indicators(ctx, path, 2026)).toMatchObject([
      { key: 'petitions_handled', value: 2, recordCount: 2 },
      { key: 'petition_satisfaction', value: 66.67, numerator: 2, denominator: 3, recordCount: 2 },
    ]);
    expect((await workOrderIndicators.records(ctx, path, 2026, 'petitions_handled')).map((r) => r.subjectId)).toEqual([ids.A, ids.B]);
    expect((await workOrderIndicators.records(ctx, path, 2026, 'petition_satisfaction')).map((r) => [r.subjectId, r.date])).toEqual([
      [ids.C, '2026-01-05'],
      [ids.A, '2026-03-06'],
    ]);
    // The unit that handled them answers for them too.
    expect((await workOrderIndicators.indicators(ctx, w.org.brigade.path, 2026))[0]).toMatchObject({ value: 2 });
    expect((await workOrderIndicators.indicators(ctx, '/', 2026))[0]).toMatchObject({ value: 3 });
  });

  it('a year without orders says so instead of 0; 2025 has an order completed but none visited', async () => {
    expect(await workOrderIndicators.indicators(ctx, w.org.district.path, 2024)).toMatchObject([
      { key: 'petitions_handled', value: null, note: '本年度无工单记录' },
      { key: 'petition_satisfaction', value: null, note: '本年度无工单记录' },
    ]);
    expect(await workOrderIndicators.indicators(ctx, w.org.district.path, 2025)).toMatchObject([
      { key: 'petitions_handled', value: 1 },
      { key: 'petition_satisfaction', value: null, note: '本年度无回访记录' },
    ]);
  });
});
