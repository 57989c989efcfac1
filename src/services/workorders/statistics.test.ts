/**
 * Work-order statistics on a small hand-made world (东湖区 receives every order; today 2026-11-13), every figure
 * counted by hand below:
 *   A  12345 投诉 私搭乱建 解放路15号, received 2026-03-02 → 大队, answered and completed 03-05 (due 03-23), visited 03-06 满意
 *   B  12345 投诉 私搭乱建 解放路15号, received 2026-04-01 → 大队, returned by it 04-01, designated 南湖街道 04-02,
 *      completed 2026-05-20 (due 04-23: late), visited 05-21 不满意
 *   C  投诉举报 举报 占道经营 人民路8号, received 2026-05-06 → 大队, signed, still in hand (due 05-26: overdue)
 *   D  12345 投诉 占道经营 人民路8号, received 2026-11-12 → 南湖街道, not yet signed (due 12-03: not yet due)
 *   G  12345 咨询 路灯异常 人民路8号, received 2026-06-01 → 大队, completed 06-02 (due 06-03), visited 06-03 基本满意
 *   E  西山区 (another district), 2026-03-02 completed and visited; F 东湖 received 2025-12-29 — outside 2026
 * 东湖 2026 totals: received 5 (A B C D G), dispatched 5, returned 1 (B), due 4 (A B G completed, C overdue), completed
 * 3, on time 2 (A G), overdue 2 (B late, C open), visited 3, satisfied 2 (A G) → 按期办结率 50, 退单率 20, 满意率 66.67.
 * 大队: has A C G; dispatched to it A B C G (4); it returned B (1) → 退单率 25; due A C G, on time A G → 66.67; 满意 100.
 * 南湖街道: has B D; dispatched B D; due B, late → 按期办结率 0; visited B 不满意 → 满意率 0; 退单率 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import type { WorkOrderView } from '../../domain/workorders/views.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { refusal } from '../../domain/test-support.ts';
import type { ServiceContext } from '../context.ts';
import type { Organization } from '../organizations.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { registerWorkOrder } from './register-work-order.ts';
import { workOrderStatisticsOf, workOrderStatisticsOrders } from './statistics.ts';
import { transitionWorkOrder } from './transition-work-order.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2025-12-29';
const ids: Record<string, number> = {};
const dues: Record<string, string | null> = {};

interface Plan {
  on: string;
  receiver?: Organization;
  dispatcher?: Actor;
  unit: Organization;
  handler: Actor;
  channel?: string;
  kind?: string;
  code?: [string, string];
  address?: string;
  sign?: boolean;
  returned?: { to: Organization; handler: Actor };
  done?: string;
  visit?: [string, string];
}

async function order(name: string, p: Plan) {
  today = p.on;
  const dispatcher = p.dispatcher ?? w.actors['head.donghu'];
  let o: WorkOrderView = await registerWorkOrder(ctx, dispatcher, {
    organizationId: (p.receiver ?? w.org.district).id,
    channel: p.channel ?? 'hotline',
    kind: p.kind ?? 'complaint',
    category: { kind: p.code?.[0] ?? 'matter', code: p.code?.[1] ?? '06001' },
    content: `${name}：群众反映的问题。`,
    address: p.address ?? '解放路15号',
    requester: { name: '李四', phone: '13900139000' },
  });
  ids[name] = o.id;
  const step = async (actor: Actor, body: Record<string, unknown>) => {
    o = await transitionWorkOrder(ctx, actor, o.id, { expectedVersion: o.version, ...body });
  };
  await step(dispatcher, { action: 'dispatch', unitId: p.unit.id });
  let handler = p.handler;
  if (p.returned) {
    await step(handler, { action: 'return', reason: '不属于本单位职责范围。' });
    today = `${p.on.slice(0, 8)}02`;
    await step(dispatcher, { action: 'resolveDispute', unitId: p.returned.to.id, opinion: '经核实指定南湖街道办理。' });
    handler = p.returned.handler;
  }
  if (p.sign !== false) await step(handler, { action: 'accept' });
  if (p.done) {
    today = p.done;
    await step(handler, { action: 'answer', method: 'phone', text: '已处理完毕并电话告知。' });
    await step(handler, { action: 'complete', result: '已处理' });
  }
  if (p.visit) {
    today = p.visit[0];
    await step(dispatcher, { action: 'visit', satisfaction: p.visit[1], ...(p.visit[1] === 'dissatisfied' ? { reason: '仍未彻底解决' } : {}) });
  }
  dues[name] = o.dueOn;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T01:00:00Z`) };
  w = await newWorld(ctx);
  const { brigade, town } = w.org;
  const [wanglei, zhengyu] = [w.actors.wanglei, w.actors.zhengyu];
  await order('F', { on: '2025-12-29', unit: brigade, handler: wanglei, done: '2025-12-30' });
  await order('A', { on: '2026-03-02', unit: brigade, handler: wanglei, done: '2026-03-05', visit: ['2026-03-06', 'satisfied'] });
  await order('E', { on: '2026-03-02', receiver: w.org.otherDistrict, dispatcher: w.actors['head.xishan'], unit: w.org.otherBrigade, handler: w.actors.liuyang, done: '2026-03-05', visit: ['2026-03-06', 'satisfied'] });
  await order('B', { on: '2026-04-01', unit: brigade, handler: wanglei, returned: { to: town, handler: zhengyu }, done: '2026-05-20', visit: ['2026-05-21', 'dissatisfied'] });
  await order('C', { on: '2026-05-06', unit: brigade, handler: wanglei, channel: 'complaint', kind: 'report', code: ['matter', '09006'], address: '人民路8号' });
  await order('G', { on: '2026-06-01', unit: brigade, handler: wanglei, kind: 'consult', code: ['part', '01037'], address: '人民路8号', done: '2026-06-02', visit: ['2026-06-03', 'basic'] });
  await order('D', { on: '2026-11-12', unit: town, handler: zhengyu, code: ['matter', '09006'], address: '人民路8号', sign: false });
  today = '2026-11-13';
});
afterAll(() => handle.close());

const head = () => w.actors['head.donghu'];

describe('work-order statistics (docs/WORK-ORDERS.md "Statistics")', () => {
  it('the hand-made world has the due dates the counts assume (15 working days for a 投诉, 2 for a 咨询)', () => {
    expect(dues).toMatchObject({ A: '2026-03-23', B: '2026-04-23', C: '2026-05-26', G: '2026-06-03', D: '2026-12-03' });
  });

  it('totals of the year in the district: received, 退单, due, on time, overdue, satisfaction and the three rates', async () => {
    const s = await workOrderStatisticsOf(ctx, head(), { year: '2026' });
    expect(s).toMatchObject({ from: '2026-01-01', to: '2026-12-31', today: '2026-11-13' });
    expect(s.totals).toEqual({
      received: 5,
      dispatched: 5,
      returned: 1,
      due: 4,
      completed: 3,
      onTime: 2,
      overdue: 2,
      visited: 3,
      satisfied: 2,
      onTimeRate: 50,
      returnRate: 20,
      satisfactionRate: 66.67,
    });
  });

  it('the board by unit: a unit answers for the orders it has, for those dispatched to it and for those it returned', async () => {
    const s = await workOrderStatisticsOf(ctx, head(), { year: 2026, groupBy: 'unit' });
    const brigade = s.groups.find((g) => g.key === String(w.org.brigade.id));
    const town = s.groups.find((g) => g.key === String(w.org.town.id));
    expect(brigade).toMatchObject({ label: w.org.brigade.name, received: 3, dispatched: 4, returned: 1, due: 3, onTime: 2, overdue: 1, visited: 2, satisfied: 2, onTimeRate: 66.67, returnRate: 25, satisfactionRate: 100 });
    expect(town).toMatchObject({ label: w.org.town.name, received: 2, dispatched: 2, returned: 0, due: 1, onTime: 0, overdue: 1, visited: 1, satisfied: 0, onTimeRate: 0, returnRate: 0, satisfactionRate: 0 });
    expect(s.groups).toHaveLength(2);
  });

  it('by channel, kind, month and category; the hot spots are the most frequent categories and places', async () => {
    const byChannel = await workOrderStatisticsOf(ctx, head(), { groupBy: 'channel' });
    expect(byChannel.groups.map((g) => [g.label, g.received, g.overdue])).toEqual([
      ['投诉举报', 1, 1],
      ['12345热线', 4, 1],
    ]);
    const byMonth = await workOrderStatisticsOf(ctx, head(), { groupBy: 'month' });
    expect(byMonth.groups.map((g) => [g.key, g.label, g.received])).toEqual([
      ['2026-03', '2026年3月', 1],
      ['2026-04', '2026年4月', 1],
      ['2026-05', '2026年5月', 1],
      ['2026-06', '2026年6月', 1],
      ['2026-11', '2026年11月', 1],
    ]);
    const byKind = await workOrderStatisticsOf(ctx, head(), { groupBy: 'kind' });
    expect(byKind.groups.map((g) => [g.label, g.received])).toEqual([
      ['投诉', 3],
      ['咨询', 1],
      ['举报', 1],
    ]);
    expect(byKind.hotSpots.categories).toEqual([
      { key: 'matter:06001', label: '私搭乱建', count: 2 },
      { key: 'matter:09006', label: '占道经营', count: 2 },
      { key: 'part:01037', label: '路灯', count: 1 },
    ]);
    expect(byKind.hotSpots.places).toEqual([
      { key: '人民路8号', label: '人民路8号', count: 3 },
      { key: '解放路15号', label: '解放路15号', count: 2 },
    ]);
  });

  it('a period by dates instead of a year; a reversed period is refused in Chinese', async () => {
    const spring = await workOrderStatisticsOf(ctx, head(), { from: '2026-03-01', to: '2026-04-30' });
    expect(spring.totals).toMatchObject({ received: 2, returned: 1, onTime: 1, overdue: 1 });
    const winter = await workOrderStatisticsOf(ctx, head(), { year: 2025 });
    expect(winter.totals).toMatchObject({ received: 1, completed: 1, onTime: 1, onTimeRate: 100, satisfactionRate: null });
    const reversed = await refusal(workOrderStatisticsOf(ctx, head(), { from: '2026-05-01', to: '2026-04-01' }));
    expect(reversed.message).toBe('起始日期 2026-05-01 晚于截止日期 2026-04-01');
    expect((await refusal(workOrderStatisticsOf(ctx, head(), { groupBy: 'street' }))).message).toContain('分组方式');
  });

  it('scope: a unit sees only the orders it has or received; another district sees none of these', async () => {
    const mine = await workOrderStatisticsOf(ctx, w.actors.wanglei, { year: 2026 });
    expect(mine.totals).toMatchObject({ received: 3, due: 3, onTime: 2, overdue: 1 });
    const other = await workOrderStatisticsOf(ctx, w.actors['head.xishan'], { year: 2026 });
    expect(other.totals).toMatchObject({ received: 1, onTime: 1, satisfied: 1 });
    const city = await workOrderStatisticsOf(ctx, w.actors.supervisor, { year: 2026 });
    expect(city.totals.received).toBe(6);
  });

  it('drill-down lists the orders behind a figure, overdue first, as the inbox rows', async () => {
    const returned = await workOrderStatisticsOrders(ctx, head(), { year: 2026, groupBy: 'unit', key: String(w.org.brigade.id), measure: 'returned' });
    expect(returned.items.map((o) => o.id)).toEqual([ids.B]);
    expect(returned.items[0]).toMatchObject({ unitName: w.org.town.name, categoryName: '私搭乱建', state: { key: 'closed' } });
    const overdue = await workOrderStatisticsOrders(ctx, head(), { year: 2026, measure: 'overdue' });
    expect(overdue).toMatchObject({ total: 2, items: [{ id: ids.C, overdue: true }, { id: ids.B, overdue: false }] });
    const satisfied = await workOrderStatisticsOrders(ctx, head(), { year: 2026, groupBy: 'category', key: 'matter:06001', measure: 'satisfied' });
    expect(satisfied.items.map((o) => o.id)).toEqual([ids.A]);
    const paged = await workOrderStatisticsOrders(ctx, head(), { year: 2026, measure: 'received', limit: 2, offset: 2 });
    expect(paged).toMatchObject({ total: 5 });
    expect(paged.items).toHaveLength(2);
    expect((await refusal(workOrderStatisticsOrders(ctx, head(), { measure: 'speed' }))).message).toContain('统计项无效');
  });
});
