import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/access.ts';
import { refusal } from '../../domain/test-support.ts';
import type { WorkOrderView } from '../../domain/workorders/views.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { ServiceContext } from '../context.ts';
import { newWorld, type World } from '../testing/factories.ts';
import { verifyAudit } from '../verify-audit.ts';
import { getWorkOrder } from './get-work-order.ts';
import { listWorkOrders } from './list-work-orders.ts';
import { registerWorkOrder } from './register-work-order.ts';
import { transitionWorkOrder } from './transition-work-order.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2026-09-28';

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T01:00:00Z`) };
  w = await newWorld(ctx);
});
afterAll(() => handle.close());

const complaint = (over: Record<string, unknown> = {}) => ({
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

describe('work orders through the services', () => {
  it('a 12345 order: registered, dispatched, returned, designated after review, answered, completed, visited — every deadline in working days', async () => {
    today = '2026-09-28';
    let o = await registerWorkOrder(ctx, w.actors['head.donghu'], complaint({ externalNumber: 'RX2026092800001' }));
    expect(o).toMatchObject({ state: { key: 'received', label: '待派单' }, category: { name: expect.any(String) }, requester: { name: '张三', phone: '13800138000' } });
    expect(o.number).toMatch(/^GD2026\d{7}$/);
    o = await step(w.actors['head.donghu'], o, { action: 'dispatch', unitId: w.org.brigade.id });
    // 15 working days across 国庆 2026, from the dispatch (local practice); 签收 within one working day.
    expect(o).toMatchObject({ state: { key: 'dispatched' }, unit: { id: w.org.brigade.id }, dueOn: '2026-10-23' });
    expect(o.deadlines.find((d) => d.kind === 'signing')).toMatchObject({ dueOn: '2026-09-29', metOn: null });
    o = await step(w.actors.wanglei, o, { action: 'accept' });
    expect(o.deadlines.find((d) => d.kind === 'signing')?.metOn).toBe('2026-09-28');
    o = await step(w.actors.wanglei, o, { action: 'return', reason: '该路段属南湖街道辖区，不属于本大队职责。' });
    expect(o.state.key).toBe('disputed');
    o = await step(w.actors['head.donghu'], o, { action: 'resolveDispute', unitId: w.org.town.id, opinion: '经核实属南湖街道辖区，指定南湖街道办理。' });
    expect(o).toMatchObject({ state: { key: 'dispatched' }, unit: { id: w.org.town.id }, designated: true, dueOn: '2026-10-23' });
    o = await step(w.actors.zhengyu, o, { action: 'accept' });
    const designated = await refusal(step(w.actors.zhengyu, o, { action: 'return', reason: '不属于本单位职责' }));
    expect(designated.details?.article).toContain('第二十四条');
    expect((await getWorkOrder(ctx.db, w.actors.zhengyu, o.id)).version).toBe(o.version);
    const early = await refusal(step(w.actors.zhengyu, o, { action: 'complete', result: '已清理' }));
    expect(early.message).toContain('应当先答复诉求人');
    today = '2026-10-09';
    o = await step(w.actors.zhengyu, o, { action: 'answer', method: 'phone', text: '已责令当事人清理建材，人行道已恢复通行。' });
    o = await step(w.actors.zhengyu, o, { action: 'complete', result: '建材已清理完毕' });
    expect(o.deadlines.find((d) => d.kind === 'handling')).toMatchObject({ dueOn: '2026-10-23', metOn: '2026-10-09' });
    o = await step(w.actors['head.donghu'], o, { action: 'visit', satisfaction: 'satisfied' });
    expect(o.state.key).toBe('closed');
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });

  it('a petition is accepted before it is handed on (第二十二条、第二十三条), 60 calendar days from acceptance, extended by at most 30 (第三十四条)', async () => {
    today = '2026-03-02';
    let o = await registerWorkOrder(ctx, w.actors['head.donghu'], complaint({ channel: 'petitionLetter', content: '反映小区周边餐馆油烟扰民，多次投诉未解决。' }));
    expect(o.deadlines).toEqual([expect.objectContaining({ kind: 'acceptance', dueOn: '2026-03-17' })]);
    expect((await refusal(step(w.actors['head.donghu'], o, { action: 'dispatch', unitId: w.org.brigade.id }))).details?.article).toContain('第二十二条');
    o = await step(w.actors['head.donghu'], o, { action: 'decideAcceptance', accepted: true, reason: '属于本机关职权范围，予以受理，已书面告知信访人。' });
    o = await step(w.actors['head.donghu'], o, { action: 'dispatch', unitId: w.org.brigade.id });
    expect(o.dueOn).toBe('2026-05-06');
    o = await step(w.actors.wanglei, o, { action: 'accept' });
    o = await step(w.actors['head.donghu'], o, { action: 'extend', days: 30, reason: '涉及多家餐馆，需委托检测，情况复杂。' });
    expect(o.dueOn).toBe('2026-06-01');
    expect((await refusal(step(w.actors['head.donghu'], o, { action: 'extend', days: 1, reason: '仍需协调' }))).message).toContain('最多还可延长 0 日');
  });

  it('bad input is refused in Chinese and writes nothing: unknown category, duplicate external number, a unit of another district', async () => {
    today = '2026-09-28';
    expect((await refusal(registerWorkOrder(ctx, w.actors['head.donghu'], complaint({ category: { kind: 'matter', code: '99999' } })))).message).toContain('未知的管理事项类别编码：99999');
    await registerWorkOrder(ctx, w.actors['head.donghu'], complaint({ externalNumber: 'RX-DUP-1' }));
    expect((await refusal(registerWorkOrder(ctx, w.actors['head.donghu'], complaint({ externalNumber: 'RX-DUP-1' })))).message).toContain('已登记为工单');
    const o = await registerWorkOrder(ctx, w.actors['head.donghu'], complaint());
    const outside = await refusal(step(w.actors['head.donghu'], o, { action: 'dispatch', unitId: w.org.otherBrigade.id }));
    expect(outside.details?.article).toContain('第二十三条');
    expect((await getWorkOrder(ctx.db, w.actors['head.donghu'], o.id)).state.key).toBe('received');
    // Another district sees nothing of it.
    expect((await refusal(getWorkOrder(ctx.db, w.actors['head.xishan'], o.id))).code).toBe('NOT_FOUND');
  });

  it('the inbox: the actor’s subtree only, overdue first then by due date, filtered by kind and category; a bad filter is refused in Chinese', async () => {
    today = '2026-11-02';
    const consult = await registerWorkOrder(ctx, w.actors['head.donghu'], complaint({ kind: 'consult', category: { kind: 'matter', code: '06041' }, content: '咨询小区生活垃圾分类的投放时间和投放要求。' }));
    const stalls = await registerWorkOrder(ctx, w.actors['head.donghu'], complaint({ category: { kind: 'matter', code: '09006' }, content: '门前流动摊贩长期占道经营，行人只能走机动车道。' }));
    // Dispatched on 11-02: the 咨询 is due in 2 working days (11-04), the 投诉 in 15 (11-23).
    let c = await step(w.actors['head.donghu'], consult, { action: 'dispatch', unitId: w.org.brigade.id });
    c = await step(w.actors.wanglei, c, { action: 'accept' });
    let s = await step(w.actors['head.donghu'], stalls, { action: 'dispatch', unitId: w.org.brigade.id });
    s = await step(w.actors.wanglei, s, { action: 'accept' });
    today = '2026-11-06';
    const mine = await listWorkOrders(ctx, w.actors.wanglei, { state: 'handling' });
    const ids = mine.items.map((i) => i.id);
    expect(ids.indexOf(c.id)).toBeLessThan(ids.indexOf(s.id));
    expect(mine.items.find((i) => i.id === c.id)).toMatchObject({ overdue: true, dueOn: '2026-11-04' });
    expect(mine.items.find((i) => i.id === s.id)).toMatchObject({ overdue: false, dueOn: '2026-11-23' });
    // The same order without the state filter: overdue ones first, then by due date.
    const all = await listWorkOrders(ctx, w.actors.wanglei, { limit: 100 });
    const firstNotOverdue = all.items.findIndex((i) => !i.overdue);
    expect(all.items.slice(firstNotOverdue).some((i) => i.overdue)).toBe(false);
    expect(all.items.map((i) => i.id)).toContain(c.id);
    const byKind = await listWorkOrders(ctx, w.actors.wanglei, { kind: 'consult' });
    expect(byKind.items.map((i) => i.id)).toEqual([c.id]);
    expect(byKind.total).toBe(1);
    const byCategory = await listWorkOrders(ctx, w.actors['head.donghu'], { category: 'matter:09006' });
    expect(byCategory.items.map((i) => i.id)).toEqual([s.id]);
    // Another district's head does not see them.
    expect((await listWorkOrders(ctx, w.actors['head.xishan'], { category: 'matter:09006' })).total).toBe(0);
    expect((await refusal(listWorkOrders(ctx, w.actors.wanglei, { category: 'matter:99999' }))).message).toContain('未知的管理事项类别编码：99999');
    expect((await refusal(listWorkOrders(ctx, w.actors.wanglei, { category: '09006' }))).message).toContain('类别应为');
    expect((await refusal(listWorkOrders(ctx, w.actors.wanglei, { kind: 'praise' }))).message).toContain('诉求类型无效');
  });
});
