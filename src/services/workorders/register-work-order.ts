/**
 * 受理登记: a work order is registered by the hotline desk, a window clerk, a head or supervisor, or an officer who took
 * a complaint in the street — with its category from the catalog, the requester (or none: anonymous), and its
 * deadlines: a petition's acceptance decision within 15 days (《信访工作条例》第二十二条、第二十三条). One transaction
 * with its audit record; bad input changes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import { type Actor, assertCanSee, assertRole, isSystem } from '../../domain/access.ts';
import type { z } from 'zod';
import { chinaDateOf, type IsoDate } from '../../domain/calendar/iso-date.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { notFound, validationError } from '../../domain/errors.ts';
import { type Category, findCategory } from '../../domain/workorders/catalog.ts';
import { workOrderInput } from '../../domain/workorders/inputs.ts';
import { isPetition } from '../../domain/workorders/model.ts';
import { acceptanceDueOn } from '../../domain/workorders/periods.ts';
import type { WorkOrderView } from '../../domain/workorders/views.ts';
import { workOrderLookupCodes, workOrders } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { workOrderCategories } from './catalog.ts';
import { workOrderViewOf } from './get-work-order.ts';
import { hashLookupCode } from './open311-lookup.ts';
import { emptyRecord, loadOrg, type OrgRef, setDeadline } from './store.ts';

/**
 * Registers a work order. `source` names the sending system of an intake interface (its `externalNumber` is then its
 * own); an order sent in through it gets the `lookupCode` by which the requester looks it up (stored hashed).
 */
export async function registerWorkOrder(ctx: ServiceContext, actor: Actor, raw: unknown, source = 'staff', lookupCode?: string): Promise<WorkOrderView> {
  assertRole(actor, 'clerk', 'head', 'supervisor', 'officer', 'admin');
  const input = parseInput(workOrderInput, raw);
  const today = chinaDateOf(ctx.clock());
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) throw validationError(`受理日期 ${receivedOn} 不能晚于今天 ${today}`);
  const category = findCategory(await workOrderCategories(), input.category.kind, input.category.code);
  const calendar = await cachedWorkCalendar(ctx.db);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const org = await loadOrg(tx, input.organizationId);
    if (!org) throw notFound('受理单位', { id: input.organizationId });
    assertCanSee(actor, org.path);
    if (input.externalNumber) {
      const [dup] = await tx
        .select({ number: workOrders.number })
        .from(workOrders)
        .where(and(eq(workOrders.externalSource, source), eq(workOrders.externalNumber, input.externalNumber)));
      if (dup) throw validationError(`外部工单号 ${input.externalNumber} 已登记为工单 ${dup.number}，不能重复登记`, { fields: [{ field: 'externalNumber', message: '外部工单号已登记' }] });
    }
    // Unique without a counter row every registration would queue behind: the id's own sequence.
    const { rows } = (await tx.execute(sql`SELECT nextval(pg_get_serial_sequence('work_orders', 'id'))::int AS id`)) as unknown as { rows: { id: number }[] };
    const id = rows[0]!.id;
    const { values, due, change } = workOrderRegistration({ input, category, id, org, actor, receivedOn, source, calendar });
    const [row] = await tx.insert(workOrders).values(values).returning();
    if (due) await setDeadline(tx, { ...row!, created: true }, 'acceptance', due);
    if (lookupCode) await tx.insert(workOrderLookupCodes).values({ workOrderId: id, codeHash: hashLookupCode(values.number, lookupCode) });
    await appendAudit(tx, actor, { action: 'workOrder.register', subjectType: 'workOrder', subjectId: id, organizationId: org.id, change, firstOfChain: true }, now);
    return workOrderViewOf(tx, actor, { row: row!, org, unit: null });
  });
}

/**
 * What registering order `id` writes: its row, its acceptance deadline (a petition's, 《信访工作条例》第二十二条、第二十三条)
 * and the audit change — for the service above and the demo's bulk writer (src/demo/workorder-rows.ts) alike.
 */
export function workOrderRegistration(p: { input: z.output<typeof workOrderInput>; category: Pick<Category, 'kind' | 'code'>; id: number; org: OrgRef; actor: Actor; receivedOn: IsoDate; source: string; calendar: WorkCalendar }) {
  const { input, category, id, org, actor, receivedOn, source, calendar } = p;
  const number = `GD${receivedOn.slice(0, 4)}${String(id).padStart(7, '0')}`;
  const values = {
    id,
    organizationId: org.id,
    number,
    state: 'received',
    channel: input.channel,
    kind: input.kind,
    categoryKind: category.kind,
    categoryCode: category.code,
    content: input.content,
    address: input.address,
    longitude: input.location?.longitude ?? null,
    latitude: input.location?.latitude ?? null,
    requesterName: input.requester?.name ?? null,
    requesterPhone: input.requester?.phone ?? null,
    receivedOn,
    lastActedOn: receivedOn,
    externalSource: input.externalNumber || source !== 'staff' ? source : null,
    externalNumber: input.externalNumber ?? null,
    record: emptyRecord(),
    registeredBy: isSystem(actor) ? null : actor.userId,
  } satisfies typeof workOrders.$inferInsert;
  const due = isPetition(input.channel) ? acceptanceDueOn(calendar, receivedOn) : null;
  const change = {
    ...input,
    receivedOn,
    number,
    ...(input.externalNumber || source !== 'staff' ? { externalSource: source } : {}),
    ...(due ? { dueOn: due.dueOn } : {}),
  };
  return { values, due, change };
}
