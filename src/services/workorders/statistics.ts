/**
 * Work-order statistics for the unit and the supervisor (issue 17 item 5; docs/WORK-ORDERS.md "Statistics"): the
 * orders received in a period in the actor's organization subtree (its receiver or its unit in it, as the inbox),
 * counted by unit, channel, kind, category, month or place — received, dispatched, 退单, due, completed, on time,
 * overdue, visited, satisfied and the three rates the supervising bodies rank units on (按期办结率, 退单率, 满意率);
 * the hot spots (the most frequent categories and places); and for drill-down the orders behind every figure, in the
 * inbox's row shape. Every figure and its drill-down are the same predicate over the same rows, so they cannot
 * disagree.
 *
 * The population is a cohort: the orders *received* in the period, each with what has happened to it up to today.
 * A unit's figures are those of the orders it has now, except 派至 (dispatched) and 退单 (returned), which are the
 * orders dispatched to it at some time and those it returned.
 */
import { and, asc, between, eq, inArray, like, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf, type IsoDate, isIsoDate } from '../../domain/calendar/iso-date.ts';
import { validationError } from '../../domain/errors.ts';
import { type Category, type CategoryKind, findCategory } from '../../domain/workorders/catalog.ts';
import { type WorkOrderChannel, workOrderChannels, type WorkOrderKind, workOrderKinds, type WorkOrderState } from '../../domain/workorders/model.ts';
import type { WorkOrderList } from '../../domain/workorders/views.ts';
import { organizations, workOrders } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { workOrderCategories } from './catalog.ts';
import { orderHead, type WorkOrderRecord } from './store.ts';
import { pageLimitInput, pageOffsetInput } from '../../domain/input-kit.ts';

export const statisticsDimensions = { unit: '承办单位', channel: '来源渠道', kind: '诉求类型', category: '类别', month: '受理月份', place: '地点' } as const;
export type StatisticsDimension = keyof typeof statisticsDimensions;
const dimensionKeys = Object.keys(statisticsDimensions) as [StatisticsDimension, ...StatisticsDimension[]];

/** The counts of a group; each is a set of orders the drill-down lists. */
export const statisticsMeasures = {
  received: '受理',
  dispatched: '派单',
  returned: '退单',
  due: '应办结',
  completed: '办结',
  onTime: '按期办结',
  overdue: '超期',
  visited: '回访',
  satisfied: '满意',
} as const;
export type StatisticsMeasure = keyof typeof statisticsMeasures;
const measureKeys = Object.keys(statisticsMeasures) as [StatisticsMeasure, ...StatisticsMeasure[]];

const day = (label: string) => z.string().refine(isIsoDate, `${label}格式应为 YYYY-MM-DD 且为真实日期`).optional();

export const statisticsQuery = z.object({
  year: z.coerce.number({ message: '年度无效' }).int('年度无效').min(2000, '年度无效').max(2100, '年度无效').optional(),
  from: day('起始日期'),
  to: day('截止日期'),
  groupBy: z.enum(dimensionKeys, { message: '分组方式应为 unit、channel、kind、category、month 或 place' }).default('unit'),
});
export const drillDownQuery = statisticsQuery.extend({
  measure: z.enum(measureKeys, { message: '统计项无效' }),
  /** The group's key as the statistics gave it; absent: the totals. */
  key: z.string().max(300, '分组键过长').optional(),
  limit: pageLimitInput(),
  offset: pageOffsetInput(1_000_000),
});

const counts = z.object(Object.fromEntries(measureKeys.map((k) => [k, z.number()])) as Record<StatisticsMeasure, z.ZodNumber>);
const rates = z.object({
  /** 按期办结率: on time ÷ due, in percent with two decimals; null when nothing was due. */
  onTimeRate: z.number().nullable(),
  /** 退单率: returned ÷ dispatched. */
  returnRate: z.number().nullable(),
  /** 满意率: (满意 + 基本满意) ÷ visited. */
  satisfactionRate: z.number().nullable(),
});
export const statisticsFigures = counts.and(rates);
export type StatisticsFigures = z.infer<typeof statisticsFigures>;
export const workOrderStatistics = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  groupBy: z.string(),
  totals: statisticsFigures,
  groups: z.array(z.object({ key: z.string(), label: z.string() }).and(statisticsFigures)),
  hotSpots: z.object({
    categories: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
    places: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
  }),
});
export type WorkOrderStatistics = z.infer<typeof workOrderStatistics>;

const OPEN: readonly WorkOrderState[] = ['received', 'dispatched', 'handling', 'disputed', 'answered'];
const HOT_SPOTS = 10;

/** What the statistics read of an order. */
export interface StatisticsRow {
  id: number;
  number: string;
  version: number;
  state: string;
  channel: string;
  kind: string;
  categoryKind: string;
  categoryCode: string;
  address: string;
  receivedOn: IsoDate;
  dueOn: IsoDate | null;
  completedOn: IsoDate | null;
  visitedOn: IsoDate | null;
  lastSatisfaction: string | null;
  unitId: number | null;
  unitName: string | null;
  record: Pick<WorkOrderRecord, 'dispatches' | 'returns'>;
}

/** The measures an order counts in, as of `today` (the definitions of docs/WORK-ORDERS.md "Statistics"). */
export function measuresOf(o: StatisticsRow, today: IsoDate): Record<StatisticsMeasure, boolean> {
  const completed = o.completedOn !== null;
  const lateOpen = OPEN.includes(o.state as WorkOrderState) && o.dueOn !== null && o.dueOn < today;
  const lateDone = completed && o.dueOn !== null && o.completedOn! > o.dueOn;
  const visited = o.visitedOn !== null && o.lastSatisfaction !== null;
  return {
    received: true,
    dispatched: o.record.dispatches.length > 0,
    returned: o.record.returns.length > 0,
    due: completed || lateOpen,
    completed,
    onTime: completed && !lateDone,
    overdue: lateOpen || lateDone,
    visited,
    satisfied: visited && (o.lastSatisfaction === 'satisfied' || o.lastSatisfaction === 'basic'),
  };
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 100);

function figuresOf(c: Record<StatisticsMeasure, number>): StatisticsFigures {
  return { ...c, onTimeRate: rate(c.onTime, c.due), returnRate: rate(c.returned, c.dispatched), satisfactionRate: rate(c.satisfied, c.visited) };
}
const zero = (): Record<StatisticsMeasure, number> => Object.fromEntries(measureKeys.map((k) => [k, 0])) as Record<StatisticsMeasure, number>;

const UNDISPATCHED = '0';
interface Labels {
  catalog: readonly Category[];
  units: Map<number, string>;
}

/** The groups of `dimension` an order counts in, for measure `m` (a unit's 派单 and 退单 are its own dispatches and returns). */
function groupsOf(o: StatisticsRow, dimension: StatisticsDimension, m: StatisticsMeasure, units: Map<number, string>): string[] {
  switch (dimension) {
    case 'unit':
      if (m === 'dispatched') return [...new Set(o.record.dispatches.map((d) => String(d.unitId)))];
      if (m === 'returned') {
        // A return records the unit's name: the unit (of those the order was dispatched to) with that name returned it.
        const names = new Set(o.record.returns.map((r) => r.unitName));
        return [...new Set(o.record.dispatches.filter((d) => names.has(units.get(d.unitId) ?? d.unitName)).map((d) => String(d.unitId)))];
      }
      return [o.unitId === null ? UNDISPATCHED : String(o.unitId)];
    case 'channel':
      return [o.channel];
    case 'kind':
      return [o.kind];
    case 'category':
      return [`${o.categoryKind}:${o.categoryCode}`];
    case 'month':
      return [o.receivedOn.slice(0, 7)];
    case 'place':
      return [o.address];
  }
}

function labelOf(dimension: StatisticsDimension, key: string, l: Labels): string {
  switch (dimension) {
    case 'unit':
      return key === UNDISPATCHED ? '（未派单）' : (l.units.get(Number(key)) ?? `单位 ${key}`);
    case 'channel':
      return workOrderChannels[key as WorkOrderChannel] ?? key;
    case 'kind':
      return workOrderKinds[key as WorkOrderKind] ?? key;
    case 'category': {
      const [kind, code] = key.split(':') as [CategoryKind, string];
      return findCategory(l.catalog, kind, code).name;
    }
    case 'month':
      return `${key.slice(0, 4)}年${String(Number(key.slice(5)))}月`;
    case 'place':
      return key;
  }
}

/** Groups `rows` by `dimension`: every group with its figures, in the dimension's order (most received first for categories and places). */
export function groupFigures(rows: readonly StatisticsRow[], dimension: StatisticsDimension, today: IsoDate, l: Labels): { key: string; label: string; figures: StatisticsFigures }[] {
  const byKey = new Map<string, Record<StatisticsMeasure, number>>();
  for (const o of rows) {
    const m = measuresOf(o, today);
    for (const measure of measureKeys) {
      if (!m[measure]) continue;
      for (const key of groupsOf(o, dimension, measure, l.units)) {
        let c = byKey.get(key);
        if (!c) byKey.set(key, (c = zero()));
        c[measure] += 1;
      }
    }
  }
  const groups = [...byKey].map(([key, c]) => ({ key, label: labelOf(dimension, key, l), figures: figuresOf(c) }));
  const byCount = dimension === 'category' || dimension === 'place';
  return groups.sort((a, b) => (byCount ? b.figures.received - a.figures.received : 0) || a.key.localeCompare(b.key, 'zh-CN'));
}

export function totalFigures(rows: readonly StatisticsRow[], today: IsoDate): StatisticsFigures {
  const c = zero();
  for (const o of rows) {
    const m = measuresOf(o, today);
    for (const measure of measureKeys) if (m[measure]) c[measure] += 1;
  }
  return figuresOf(c);
}

/** The period: `from`–`to`, or the year (default the current one); refused when reversed. */
function periodOf(q: { year?: number | undefined; from?: string | undefined; to?: string | undefined }, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const year = q.year ?? Number(today.slice(0, 4));
  const from = q.from ?? `${String(year)}-01-01`;
  const to = q.to ?? `${String(year)}-12-31`;
  if (from > to) throw validationError(`起始日期 ${from} 晚于截止日期 ${to}`, { fields: [{ field: 'from', message: '起始日期不能晚于截止日期' }] });
  return { from, to };
}

async function loadRows(ctx: ServiceContext, actor: Actor, period: { from: IsoDate; to: IsoDate }): Promise<StatisticsRow[]> {
  const receiver = alias(organizations, 'receiver');
  const unit = alias(organizations, 'unit');
  const scope = or(like(receiver.path, `${actor.organizationPath}%`), like(unit.path, `${actor.organizationPath}%`));
  const rows = await ctx.db
    .select({
      id: workOrders.id,
      number: workOrders.number,
      version: workOrders.version,
      state: workOrders.state,
      channel: workOrders.channel,
      kind: workOrders.kind,
      categoryKind: workOrders.categoryKind,
      categoryCode: workOrders.categoryCode,
      address: workOrders.address,
      receivedOn: workOrders.receivedOn,
      dueOn: workOrders.dueOn,
      completedOn: workOrders.completedOn,
      visitedOn: workOrders.visitedOn,
      lastSatisfaction: workOrders.lastSatisfaction,
      unitId: workOrders.unitId,
      unitName: unit.name,
      record: workOrders.record,
    })
    .from(workOrders)
    .innerJoin(receiver, eq(receiver.id, workOrders.organizationId))
    .leftJoin(unit, eq(unit.id, workOrders.unitId))
    .where(and(scope, between(workOrders.receivedOn, period.from, period.to)))
    .orderBy(asc(workOrders.id));
  return rows.map((r) => ({ ...r, record: r.record as WorkOrderRecord }));
}

async function labelsFor(ctx: ServiceContext, rows: readonly StatisticsRow[]): Promise<Labels> {
  const ids = [...new Set(rows.flatMap((r) => r.record.dispatches.map((d) => d.unitId)))];
  const named = ids.length ? await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids)) : [];
  return { catalog: await workOrderCategories(), units: new Map(named.map((u) => [u.id, u.name])) };
}

/** The statistics of the orders received in the period, in the actor's subtree, grouped by `groupBy`. */
export async function workOrderStatisticsOf(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<WorkOrderStatistics> {
  const q = parseInput(statisticsQuery, raw);
  const today = chinaDateOf(ctx.clock());
  const period = periodOf(q, today);
  const rows = await loadRows(ctx, actor, period);
  const labels = await labelsFor(ctx, rows);
  const top = (dimension: StatisticsDimension) =>
    groupFigures(rows, dimension, today, labels)
      .slice(0, HOT_SPOTS)
      .map((g) => ({ key: g.key, label: g.label, count: g.figures.received }));
  return {
    ...period,
    today,
    groupBy: q.groupBy,
    totals: totalFigures(rows, today),
    groups: groupFigures(rows, q.groupBy, today, labels).map((g) => ({ key: g.key, label: g.label, ...g.figures })),
    hotSpots: { categories: top('category'), places: top('place') },
  };
}

/** The orders behind one figure (a group's measure, or the totals' without `key`), overdue first then by due date as the inbox. */
export async function workOrderStatisticsOrders(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<WorkOrderList> {
  const q = parseInput(drillDownQuery, raw);
  const today = chinaDateOf(ctx.clock());
  const rows = await loadRows(ctx, actor, periodOf(q, today));
  const labels = await labelsFor(ctx, rows);
  const behind = rows.filter((o) => {
    const m = measuresOf(o, today);
    return m[q.measure] && (q.key === undefined || groupsOf(o, q.groupBy, q.measure, labels.units).includes(q.key));
  });
  const late = (o: StatisticsRow) => OPEN.includes(o.state as WorkOrderState) && o.dueOn !== null && o.dueOn < today;
  behind.sort((a, b) => Number(late(b)) - Number(late(a)) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id - b.id);
  return {
    total: behind.length,
    items: behind.slice(q.offset, q.offset + q.limit).map((o) => ({
      ...orderHead(o),
      categoryName: findCategory(labels.catalog, o.categoryKind as CategoryKind, o.categoryCode).name,
      address: o.address,
      receivedOn: o.receivedOn,
      dueOn: o.dueOn,
      overdue: late(o),
      unitName: o.unitName,
    })),
  };
}
