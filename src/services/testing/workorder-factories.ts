/**
 * A work order taken the whole loop through the services (受理 → 派单 → 签收 → 答复 → 办结 → 回访), for tests that
 * count it (indicator and roll-up tests). The context's clock decides its dates.
 */
import type { Actor } from '../../domain/access.ts';
import type { ServiceContext } from '../context.ts';
import type { Organization } from '../organizations.ts';
import { registerWorkOrder } from '../workorders/register-work-order.ts';
import { transitionWorkOrder } from '../workorders/transition-work-order.ts';

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
