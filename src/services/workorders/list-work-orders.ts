/**
 * The inbox: work orders the actor's subtree received or handles, overdue first, then by due date; filtered and paged
 * (at most 100 a page).
 */
import { and, asc, count, eq, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { findCategory, type CategoryKind } from '../../domain/workorders/catalog.ts';
import { workOrderChannelKeys, type WorkOrderState, workOrderStates } from '../../domain/workorders/model.ts';
import type { WorkOrderList } from '../../domain/workorders/views.ts';
import { organizations, workOrders } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { workOrderCategories } from './catalog.ts';
import { orderHead } from './store.ts';

const stateKeys = Object.keys(workOrderStates) as [WorkOrderState, ...WorkOrderState[]];

export const workOrderFilter = z.object({
  state: z.enum(stateKeys, { message: '状态无效' }).optional(),
  channel: z.enum(workOrderChannelKeys, { message: '来源渠道无效' }).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1, '每页至少 1 条').max(100, '每页最多 100 条').default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const OPEN: WorkOrderState[] = ['received', 'dispatched', 'handling', 'disputed', 'answered'];

export async function listWorkOrders(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<WorkOrderList> {
  const f = parseInput(workOrderFilter, raw);
  const today = chinaDateOf(ctx.clock());
  const receiver = alias(organizations, 'receiver');
  const unit = alias(organizations, 'unit');
  const scope = or(like(receiver.path, `${actor.organizationPath}%`), like(unit.path, `${actor.organizationPath}%`))!;
  const overdue = and(inArray(workOrders.state, OPEN), lt(workOrders.dueOn, today))!;
  const where: SQL[] = [scope];
  if (f.state) where.push(eq(workOrders.state, f.state));
  if (f.channel) where.push(eq(workOrders.channel, f.channel));
  if (f.unitId) where.push(eq(workOrders.unitId, f.unitId));
  if (f.overdue === 'true') where.push(overdue);
  const base = ctx.db.select({ n: count() }).from(workOrders).innerJoin(receiver, eq(receiver.id, workOrders.organizationId)).leftJoin(unit, eq(unit.id, workOrders.unitId));
  const [total] = await base.where(and(...where));
  const rows = await ctx.db
    .select({ o: workOrders, unitName: unit.name, late: sql<boolean>`coalesce(${overdue}, false)` })
    .from(workOrders)
    .innerJoin(receiver, eq(receiver.id, workOrders.organizationId))
    .leftJoin(unit, eq(unit.id, workOrders.unitId))
    .where(and(...where))
    .orderBy(sql`coalesce(${overdue}, false) desc`, sql`${workOrders.dueOn} asc nulls last`, asc(workOrders.id))
    .limit(f.limit)
    .offset(f.offset);
  const catalog = await workOrderCategories();
  return {
    total: total?.n ?? 0,
    items: rows.map(({ o, unitName, late }) => ({
      ...orderHead(o),
      categoryName: findCategory(catalog, o.categoryKind as CategoryKind, o.categoryCode).name,
      address: o.address,
      receivedOn: o.receivedOn,
      dueOn: o.dueOn,
      overdue: Boolean(late),
      unitName,
    })),
  };
}
