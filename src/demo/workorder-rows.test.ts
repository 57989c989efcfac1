import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../domain/calendar/iso-date.ts';
import type { DatabaseHandle, Executor } from '../db/connect.ts';
import { createTestDatabase } from '../db/testing.ts';
import type { ServiceContext } from '../services/context.ts';
import { verifyAudit } from '../services/verify-audit.ts';
import { registerWorkOrder } from '../services/workorders/register-work-order.ts';
import { transitionWorkOrder } from '../services/workorders/transition-work-order.ts';
import { DEMO_TODAY } from './clock.ts';
import { seedDemoOrganizations } from './organizations.ts';
import { WorkOrderBulkWriter } from './workorder-rows.ts';
import { type Act, demoDirectory, demoWorkOrderPlan, type PlannedOrder, seedDemoWorkOrders } from './workorders.ts';

/**
 * The bulk writer must write exactly what the services write: the same orders of the demo plan are taken through
 * registerWorkOrder / transitionWorkOrder on one database and through the bulk writer on another, and every row of
 * work_orders, deadlines, audit_records and audit_chain_heads is compared (only the serial ids of deadline and audit
 * rows and created_at aside: the order ids, numbers and digests are the same on two fresh databases).
 */
const action = (act: Act) => (typeof act.body === 'function' ? 'merge' : String(act.body.action));
const hasAction = (o: PlannedOrder, a: string, more?: (act: Act) => boolean) => o.acts.some((act) => action(act) === a && (!more || more(act)));

function sample(): PlannedOrder[] {
  const plan = demoWorkOrderPlan().filter((o) => !o.acts.some((a) => a.toCase ?? a.caseStep));
  const wanted: ((o: PlannedOrder) => boolean)[] = [
    (o) => hasAction(o, 'decideAcceptance', (a) => (a.body as { accepted?: boolean }).accepted === false),
    (o) => hasAction(o, 'extend'),
    (o) => hasAction(o, 'resolveDispute'),
    (o) => hasAction(o, 'urge'),
    (o) => hasAction(o, 'reopen'),
    (o) => hasAction(o, 'visit', (a) => (a.body as { satisfaction?: string }).satisfaction === 'basic'),
    (o) => o.duplicateOf !== undefined && plan.includes(o.duplicateOf),
    (o) => !o.input.requester,
    (o) => o.acts.length === 0,
  ];
  const chosen = new Set<PlannedOrder>();
  for (const w of wanted) {
    const o = plan.find(w);
    if (!o) throw new Error('the demo plan lacks a course the comparison needs');
    chosen.add(o);
    if (o.duplicateOf) chosen.add(o.duplicateOf);
  }
  // In the plan's order, as the demo takes them.
  return plan.filter((o) => chosen.has(o));
}

/** The orders' registrations and acts in date order (an order's acts of a day together). */
function events(orders: PlannedOrder[]) {
  const list: { on: IsoDate; order: PlannedOrder; index: number; act: Act | null }[] = [];
  orders.forEach((order, index) => {
    list.push({ on: order.on, order, index, act: null });
    order.acts.forEach((act) => list.push({ on: act.on, order, index, act }));
  });
  return list.filter((e) => e.on <= DEMO_TODAY).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.index - b.index));
}

async function rows(db: Executor, query: string): Promise<Record<string, unknown>[]> {
  return ((await db.execute(query as never)) as unknown as { rows: Record<string, unknown>[] }).rows;
}

async function written(db: Executor) {
  return {
    orders: await rows(db, 'SELECT * FROM work_orders ORDER BY id'),
    deadlines: await rows(db, "SELECT * FROM deadlines WHERE subject_type = 'workOrder' ORDER BY subject_id, id"),
    audit: await rows(db, "SELECT * FROM audit_records WHERE subject_type = 'workOrder' ORDER BY chain, seq"),
    heads: await rows(db, "SELECT * FROM audit_chain_heads WHERE chain LIKE 'workOrder:%' ORDER BY chain"),
  };
}
const without = (list: Record<string, unknown>[], ...keys: string[]) => list.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));

let viaServices: DatabaseHandle;
let viaBulk: DatabaseHandle;
let orders: PlannedOrder[];
beforeAll(async () => {
  viaServices = await createTestDatabase();
  viaBulk = await createTestDatabase();
  for (const h of [viaServices, viaBulk]) await seedDemoOrganizations({ db: h.db, clock: () => new Date() }, 0);
  orders = sample();
  const at = (on: IsoDate) => new Date(`${on}T01:00:00Z`);
  const bodyOf = (dir: Awaited<ReturnType<typeof demoDirectory>>, ids: Map<PlannedOrder, number>, act: Act) => {
    const body = typeof act.body === 'function' ? { action: 'merge', intoId: ids.get(orders.find((o) => o.acts.includes(act))!.duplicateOf!)! } : act.body;
    return 'unitId' in body && typeof body.unitId === 'string' ? { ...body, unitId: dir.orgId(body.unitId) } : body;
  };

  // Through the services.
  {
    const dir = await demoDirectory({ db: viaServices.db });
    const ids = new Map<PlannedOrder, number>();
    const versions = new Map<number, number>();
    let now = new Date();
    const ctx: ServiceContext = { db: viaServices.db, clock: () => now };
    for (const e of events(orders)) {
      now = at(e.on);
      if (!e.act) {
        const { organization, ...input } = e.order.input;
        const view = await registerWorkOrder(ctx, dir.actor(e.order.by), { ...input, organizationId: dir.orgId(organization as string) });
        ids.set(e.order, view.id);
        versions.set(view.id, view.version);
        continue;
      }
      const id = ids.get(e.order)!;
      const view = await transitionWorkOrder(ctx, dir.actor(e.act.by), id, { ...bodyOf(dir, ids, e.act), expectedVersion: versions.get(id)! });
      versions.set(id, view.version);
    }
  }
  // Through the bulk writer.
  {
    const dir = await demoDirectory({ db: viaBulk.db });
    const ids = new Map<PlannedOrder, number>();
    const writer = await WorkOrderBulkWriter.open({ db: viaBulk.db });
    await writer.reserveIds(orders.length);
    for (const e of events(orders)) {
      if (!e.act) {
        const { organization, ...input } = e.order.input;
        ids.set(e.order, await writer.register(dir.actor(e.order.by), { ...input, organizationId: dir.orgId(organization as string) }, at(e.on)));
      } else await writer.step(dir.actor(e.act.by), ids.get(e.order)!, bodyOf(dir, ids, e.act), at(e.on));
    }
    await writer.write(viaBulk.db);
  }
}, 600_000);
afterAll(async () => {
  await viaServices.close();
  await viaBulk.close();
});

describe('demo work orders: the bulk writer', () => {
  it('writes the rows the services write for the same orders and steps: orders, deadlines, audit records and chain heads', async () => {
    const a = await written(viaServices.db);
    const b = await written(viaBulk.db);
    expect(a.orders.length).toBe(orders.length);
    expect(a.audit.length).toBeGreaterThan(orders.length * 3);
    // Every course the sample was chosen for left its mark.
    expect(new Set(a.orders.map((o) => o.state))).toEqual(new Set(['declined', 'closed', 'merged', 'received', 'completed']));
    expect(a.deadlines.some((d) => d.met_late === true)).toBe(true);
    expect(without(b.orders, 'created_at')).toEqual(without(a.orders, 'created_at'));
    expect(without(b.deadlines, 'id')).toEqual(without(a.deadlines, 'id'));
    expect(without(b.audit, 'id')).toEqual(without(a.audit, 'id'));
    expect(b.heads).toEqual(a.heads);
    expect((await verifyAudit(viaBulk.db)).problem).toBeNull();
  });

  it('refuses what the services refuse, and what it refuses nothing is written', async () => {
    const writer = await WorkOrderBulkWriter.open({ db: viaBulk.db });
    const dir = await demoDirectory({ db: viaBulk.db });
    await writer.reserveIds(1);
    const order = orders.find((o) => o.acts.length > 0)!;
    const { organization, ...input } = order.input;
    await expect(writer.register(dir.actor(order.by), { ...input, category: { kind: 'matter', code: '99999' }, organizationId: dir.orgId(organization as string) }, new Date(`${order.on}T01:00:00Z`))).rejects.toThrow();
    const id = await writer.register(dir.actor(order.by), { ...input, organizationId: dir.orgId(organization as string) }, new Date(`${order.on}T01:00:00Z`));
    // Outside the actor's subtree: NOT_FOUND, as loadWorkOrder says; 办结 before dispatch: the workflow refuses it.
    await expect(writer.step(dir.actor('wanglei'), id, { action: 'accept' }, new Date(`${order.on}T01:00:00Z`))).rejects.toThrow('未找到工单');
    await expect(writer.step(dir.actor(order.by), id, { action: 'complete', result: '已办结。' }, new Date(`${order.on}T01:00:00Z`))).rejects.toMatchObject({ code: expect.any(String) as unknown });
    expect(writer.order(id).version).toBe(1);
  });
});

describe('demo work orders: the year', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemoOrganizations({ db: handle.db, clock: () => new Date() }, 0);
    await seedDemoWorkOrders({ db: handle.db, clock: () => new Date() }, 0, DEMO_TODAY);
  }, 600_000);
  afterAll(() => handle.close());

  it('a few hundred orders across channels, categories and units, in every state of the loop, with their audit chains', async () => {
    const counts = await rows(handle.db, 'SELECT state, count(*)::int AS n FROM work_orders GROUP BY state');
    const total = counts.reduce((s, r) => s + (r.n as number), 0);
    expect(total).toBeGreaterThanOrEqual(300);
    expect(total).toBeLessThanOrEqual(400);
    // Every state an order reaches in the loop without 复查/复核 (those are asked of the organ above; none in the demo).
    expect(counts.map((r) => r.state).sort()).toEqual(['answered', 'closed', 'completed', 'declined', 'dispatched', 'disputed', 'handling', 'merged', 'received'].sort());
    const [spread] = await rows(handle.db, 'SELECT count(DISTINCT channel)::int AS channels, count(DISTINCT category_code)::int AS categories, count(DISTINCT unit_id)::int AS units FROM work_orders');
    expect(spread).toEqual({ channels: 9, categories: 17, units: 3 });
    const [courses] = await rows(
      handle.db,
      `SELECT count(*) FILTER (WHERE jsonb_array_length(record->'returns') > 0)::int AS returned,
              count(*) FILTER (WHERE designated)::int AS designated,
              count(*) FILTER (WHERE jsonb_array_length(record->'urges') > 0)::int AS urged,
              count(*) FILTER (WHERE reopen_count > 0)::int AS reopened,
              count(*) FILTER (WHERE jsonb_array_length(record->'extensions') > 0)::int AS extended,
              count(*) FILTER (WHERE merged_into_id IS NOT NULL)::int AS merged,
              count(*) FILTER (WHERE state IN ('dispatched', 'handling', 'answered') AND due_on < '${DEMO_TODAY}')::int AS overdue_open,
              count(*) FILTER (WHERE completed_on > due_on)::int AS completed_late
         FROM work_orders`,
    );
    for (const [course, n] of Object.entries(courses!)) expect([course, n as number > 1]).toEqual([course, true]);
    const [audit] = await rows(handle.db, "SELECT count(DISTINCT chain)::int AS chains FROM audit_records WHERE subject_type = 'workOrder'");
    expect(audit!.chains).toBe(total);
    expect((await verifyAudit(handle.db)).problem).toBeNull();
  });
});
