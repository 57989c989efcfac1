/**
 * The indicators the work-order ledger answers (../shared/docs/INDICATORS.md 矛盾纠纷化解), for an organization subtree
 * and a year — the contract of services/kernel/indicators.ts. An order belongs to the subtree when the organization
 * that received it or the unit that handled it is in it. Each figure's records are one query (the drill-down); its
 * value is read from the kept aggregates (`indicator_tallies`, migration 0025), held equal to the list by
 * services/indicators/tallies.test.ts.
 *
 * - `petitions_handled` (信访投诉办理件数): orders of every channel (信访, 12345, 投诉举报 …) completed (办结) in the year;
 *   a reopened order counts by its latest completion; orders merged into another (并单) or not accepted (不予受理) are
 *   not handled here and do not count.
 * - `petition_satisfaction` (群众满意度): of the orders whose latest return visit (回访) was in the year, the share
 *   rated 满意 or 基本满意, in percent with two decimals; the records are those satisfied ones.
 * With no order received or acted upon in the year, both are null ("本年度无工单记录"), never 0 by default.
 */
import { and, asc, count, inArray, isNotNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { IndicatorRecord, IndicatorValue } from '../../domain/indicators/views.ts';
import { organizations, workOrders } from '../../db/schema.ts';
import { talliesOf } from '../indicators/tallies.ts';
import { figure, type IndicatorContext, indicatorScope, type IndicatorScope, type IndicatorSource, NOT_BEGUN_NOTE, noValue, percentage } from '../kernel/indicators.ts';

export const workOrderIndicatorKeys = ['petitions_handled', 'petition_satisfaction'] as const;
export type WorkOrderIndicatorKey = (typeof workOrderIndicatorKeys)[number];

const NO_ORDERS = '本年度无工单记录';

/**
 * The ids of the subtree's organizations (null for '/': everything). Read first, so the order queries below are
 * `organization_id IN (…) OR unit_id IN (…)` over literal ids, which the planner answers from one index per side
 * (a BitmapOr); on the joined organizations' paths it scanned every order (bench/province.ts).
 */
async function subtreeIds(ctx: IndicatorContext, s: IndicatorScope): Promise<number[] | null> {
  if (s.orgPath === '/') return null;
  const rows = await ctx.db.select({ id: organizations.id }).from(organizations).where(like(organizations.path, `${s.orgPath}%`));
  return rows.map((r) => r.id);
}
const inSubtree = (ids: number[] | null): SQL | undefined =>
  ids === null ? undefined : ids.length === 0 ? sql`false` : or(inArray(workOrders.organizationId, ids), inArray(workOrders.unitId, ids));
type DateColumn = typeof workOrders.completedOn | typeof workOrders.visitedOn;
const between = (column: SQL | DateColumn, s: IndicatorScope) => sql`${column} between ${s.from} and ${s.to}`;
const SATISFIED = ['satisfied', 'basic'];

function orders(ctx: IndicatorContext, where: SQL | undefined, date: DateColumn) {
  return ctx.db
    .select({ id: workOrders.id, label: sql<string>`${workOrders.number} || ' ' || ${workOrders.address}`, date: sql<string>`(${date})::text` })
    .from(workOrders)
    .where(where)
    .orderBy(asc(date), asc(workOrders.id));
}

const handledWhere = (ids: number[] | null, s: IndicatorScope) => and(inSubtree(ids), isNotNull(workOrders.completedOn), between(workOrders.completedOn, s));
const visitedWhere = (ids: number[] | null, s: IndicatorScope) => and(inSubtree(ids), isNotNull(workOrders.visitedOn), between(workOrders.visitedOn, s));

async function countOf(ctx: IndicatorContext, where: SQL | undefined): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(workOrders).where(where);
  return row?.n ?? 0;
}

/**
 * The orders completed, visited back and satisfied of a subtree and year counted over the orders themselves — what
 * the kept aggregates must equal (services/indicators/tallies.test.ts).
 */
export async function countOrdersDirectly(ctx: IndicatorContext, orgPath: string, year: number): Promise<{ handled: number; visited: number; satisfied: number }> {
  const s = indicatorScope(ctx.clock, orgPath, year);
  const ids = await subtreeIds(ctx, s);
  return {
    handled: await countOf(ctx, handledWhere(ids, s)),
    visited: await countOf(ctx, visitedWhere(ids, s)),
    satisfied: await countOf(ctx, and(visitedWhere(ids, s), inArray(workOrders.lastSatisfaction, SATISFIED))),
  };
}

/**
 * Whether the subtree received an order in the year or acted on one (one row is enough) — over the orders; the
 * indicators read the kept 'orders_active' instead (services/indicators/tallies.test.ts holds the two equal).
 */
export async function hasOrders(ctx: IndicatorContext, orgPath: string, year: number): Promise<boolean> {
  const s = indicatorScope(ctx.clock, orgPath, year);
  const ids = await subtreeIds(ctx, s);
  const found = await ctx.db
    .select({ id: workOrders.id })
    .from(workOrders)
    .where(and(inSubtree(ids), or(between(sql`${workOrders.receivedOn}`, s), between(sql`${workOrders.lastActedOn}`, s))))
    .limit(1);
  return found.length > 0;
}

export const workOrderIndicators: IndicatorSource<WorkOrderIndicatorKey> = {
  module: 'workorders',
  keys: workOrderIndicatorKeys,
  async indicators(ctx, orgPath, year): Promise<IndicatorValue[]> {
    const s = indicatorScope(ctx.clock, orgPath, year);
    if (!s.begun) return workOrderIndicatorKeys.map((k) => noValue(k, NOT_BEGUN_NOTE));
    // From the kept aggregates (migration 0025; services/indicators/tallies.ts): the orders the queries below list,
    // counted per receiving unit, handling unit and year.
    const kept = await talliesOf(ctx, orgPath, year, ['orders_active', 'petitions_handled', 'orders_visited', 'orders_satisfied']);
    if (!kept.orders_active.n) return workOrderIndicatorKeys.map((k) => noValue(k, NO_ORDERS));
    const handled = kept.petitions_handled.n;
    const visited = kept.orders_visited.n;
    const satisfied = kept.orders_satisfied.n;
    return [
      figure('petitions_handled', handled, handled),
      visited === 0
        ? noValue('petition_satisfaction', '本年度无回访记录')
        : figure('petition_satisfaction', percentage(satisfied, visited), satisfied, { numerator: satisfied, denominator: visited }),
    ];
  },
  async records(ctx, orgPath, year, key): Promise<IndicatorRecord[]> {
    const s = indicatorScope(ctx.clock, orgPath, year);
    if (!s.begun) return [];
    const ids = await subtreeIds(ctx, s);
    const rows =
      key === 'petitions_handled'
        ? await orders(ctx, handledWhere(ids, s), workOrders.completedOn)
        : await orders(ctx, and(visitedWhere(ids, s), inArray(workOrders.lastSatisfaction, SATISFIED)), workOrders.visitedOn);
    return rows.map((r) => ({ subjectType: 'workOrder', subjectId: r.id, label: r.label, date: r.date }));
  },
};
