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
import { workOrderChannelKeys, workOrderKindKeys, type WorkOrderState, workOrderStates } from '../../domain/workorders/model.ts';
import type { WorkOrderList } from '../../domain/workorders/views.ts';
import { organizations, workOrders } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { workOrderCategories } from './catalog.ts';
import { orderHead } from './store.ts';
import { pageLimitInput, pageOffsetInput } from '../../domain/input-kit.ts';

const stateKeys = Object.keys(workOrderStates) as [WorkOrderState, ...WorkOrderState[]];

export const workOrderFilter = z.object({
  state: z.enum(stateKeys, { message: '状态无效' }).optional(),
  channel: z.enum(workOrderChannelKeys, { message: '来源渠道无效' }).optional(),
  kind: z.enum(workOrderKindKeys, { message: '诉求类型无效' }).optional(),
  /** `part:01001` or `matter:06001`, as the board's category keys (statistics.ts); checked against the catalog. */
  category: z
    .string()
    .regex(/^(part|matter):\d{5}$/, '类别应为“part:编码”或“matter:编码”，如 matter:09006')
    .optional(),
  unitId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: pageLimitInput(),
  offset: pageOffsetInput(1_000_000),
});

const OPEN: WorkOrderState[] = ['received', 'dispatched', 'handling', 'disputed', 'answered'];

/**
 * The inbox's order: overdue first, then by due date. Within the open states (a state filter of one of them, or
 * 只看超期) "overdue" is exactly "due before today", so plain due-date order is the same order — and one an index gives
 * at once (work_orders_unit_state_due_idx, work_orders_unit_open_due_idx) instead of sorting every order of the scope.
 */
function inboxOrder(f: z.infer<typeof workOrderFilter>, overdue: SQL): SQL[] {
  const dueOrder = [sql`${workOrders.dueOn} asc nulls last`, asc(workOrders.id)];
  const openOnly = f.overdue === 'true' || (f.state !== undefined && OPEN.includes(f.state));
  return openOnly ? dueOrder : [sql`coalesce(${overdue}, false) desc`, ...dueOrder];
}

export async function listWorkOrders(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<WorkOrderList> {
  const f = parseInput(workOrderFilter, raw);
  const today = chinaDateOf(ctx.clock());
  const unit = alias(organizations, 'unit');
  // The actor's subtree as ids, read first (organizations are few): `organization_id = ANY(…) OR unit_id = ANY(…)` is
  // answered from the two indexes, where a LIKE on the joined paths read every order (2 s at a million orders).
  const subtree = (await ctx.db.select({ id: organizations.id }).from(organizations).where(like(organizations.path, `${actor.organizationPath}%`))).map((o) => o.id);
  if (subtree.length === 0) return { total: 0, items: [] };
  const scope = or(inArray(workOrders.organizationId, subtree), inArray(workOrders.unitId, subtree))!;
  const overdue = and(inArray(workOrders.state, OPEN), lt(workOrders.dueOn, today))!;
  const where: SQL[] = [scope];
  if (f.state) where.push(eq(workOrders.state, f.state));
  if (f.channel) where.push(eq(workOrders.channel, f.channel));
  if (f.kind) where.push(eq(workOrders.kind, f.kind));
  if (f.category) {
    const [kind, code] = f.category.split(':') as [CategoryKind, string];
    findCategory(await workOrderCategories(), kind, code); // an unknown category is refused, not an empty list
    where.push(eq(workOrders.categoryKind, kind), eq(workOrders.categoryCode, code));
  }
  if (f.unitId) where.push(eq(workOrders.unitId, f.unitId));
  if (f.overdue === 'true') where.push(overdue);
  // The total and the page are independent reads: sent together (on PostgreSQL, two connections of the pool).
  const [[total], rows] = await Promise.all([
    ctx.db.select({ n: count() }).from(workOrders).where(and(...where)),
    ctx.db
      .select({ o: workOrders, unitName: unit.name, late: sql<boolean>`coalesce(${overdue}, false)` })
      .from(workOrders)
      .leftJoin(unit, eq(unit.id, workOrders.unitId))
      .where(and(...where))
      .orderBy(...inboxOrder(f, overdue))
      .limit(f.limit)
      .offset(f.offset),
  ]);
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
