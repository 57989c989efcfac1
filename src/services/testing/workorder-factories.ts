/**
 * A work order taken the whole loop through the services (受理 → 派单 → 签收 → 答复 → 办结 → 回访), for tests that
 * count it (indicator and roll-up tests). The context's clock decides its dates.
 */
import type { Actor } from '../../domain/access.ts';
import type { ServiceContext } from '../context.ts';
import type { Organization } from '../organizations.ts';
import { registerWorkOrder } from '../workorders/register-work-order.ts';
import { transitionWorkOrder } from '../workorders/transition-work-order.ts';
import { newCase, newPowerItem, type World } from './factories.ts';

/** A 12345 complaint received by `receiver`, handled by `unit`'s `officer`, visited by `head` with `satisfaction`. */
export async function newClosedWorkOrder(ctx: ServiceContext, receiver: Organization, unit: Organization, head: Actor, officer: Actor, satisfaction: string): Promise<void> {
  let o = await registerWorkOrder(ctx, head, {
    organizationId: receiver.id,
    channel: 'hotline',
    kind: 'complaint',
    category: { kind: 'matter', code: '06001' },
    content: '楼顶私搭乱建板房。',
    address: '云城市湖滨路56号',
    requester: { name: '李四', phone: '13900139000' },
  });
  const step = async (actor: Actor, body: Record<string, unknown>) => {
    o = await transitionWorkOrder(ctx, actor, o.id, { expectedVersion: o.version, ...body });
  };
  await step(head, { action: 'dispatch', unitId: unit.id });
  await step(officer, { action: 'accept' });
  await step(officer, { action: 'answer', method: 'phone', text: '已处理完毕。' });
  await step(officer, { action: 'complete', result: '已拆除' });
  await step(head, { action: 'visit', satisfaction, ...(satisfaction === 'dissatisfied' ? { reason: '仍有残留' } : {}) });
}

/**
 * The hand-counted world of the indicator and roll-up tests: two penalty decisions of 东湖区 (one at its town's item,
 * with the town's officers) and three closed 12345 orders (东湖区 satisfied and dissatisfied, 西山区 satisfied).
 * `setToday` moves the test's clock to the day each act happens on.
 */
export async function seedIndicatorWorld(ctx: ServiceContext, w: World, setToday: (day: string) => void): Promise<void> {
  await newCase(ctx, w, { state: 'decided', startOn: '2026-03-02', fineFen: 200_00 });
  await newCase(ctx, w, { state: 'decided', startOn: '2026-04-06', fineFen: 150_00, officers: ['zhengyu', 'fengjie'], powerItemId: (await newPowerItem(ctx, w.org.town.id)).id });
  const orders: [Organization, Organization, Actor, Actor, string, string][] = [
    [w.org.district, w.org.brigade, w.actors['head.donghu'], w.actors.wanglei, '2026-03-02', 'satisfied'],
    [w.org.district, w.org.brigade, w.actors['head.donghu'], w.actors.wanglei, '2026-04-01', 'dissatisfied'],
    [w.org.otherDistrict, w.org.otherBrigade, w.actors['head.xishan'], w.actors.liuyang, '2026-03-02', 'satisfied'],
  ];
  for (const [receiver, unit, head, officer, on, satisfaction] of orders) {
    setToday(on);
    await newClosedWorkOrder(ctx, receiver, unit, head, officer, satisfaction);
  }
}
