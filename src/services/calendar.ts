import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../domain/access.ts';
import { assertMay } from '../domain/policy.ts';
import { adminPolicy } from '../domain/admin/policy.ts';
import { type CalendarOverride, WorkCalendar } from '../domain/calendar/work-calendar.ts';
import type { CalendarDays, CalendarOverrides, CalendarOverride as CalendarOverrideView } from '../domain/admin/views.ts';
import { addDays, daysBetween, isIsoDate, yearOf } from '../domain/calendar/iso-date.ts';
import { notFound, validationError } from '../domain/errors.ts';
import type { Executor, Transaction } from '../db/connect.ts';
import { calendarCompleteYears, calendarOverrides } from '../db/schema.ts';
import { cachedReference, forgetReferences } from '../db/reference-cache.ts';
import { appendAudit } from './audit-trail.ts';
import { type ServiceContext, inTransaction } from './context.ts';
import { parseInput } from './parse-input.ts';
import { caseDeadlineMoved } from './cases/case-store.ts';
import { recountOpenDeadlines } from './deadlines/recount.ts';

const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD 且为真实日期');

export const calendarDayInput = z.object({
  date: isoDate,
  kind: z.enum(['holiday', 'workday'], { message: '类型应为 holiday（放假）或 workday（上班）' }),
  name: z.string().trim().max(30, '名称不超过 30 个字').optional(),
});

/** The longest range entered at once: the longest official holiday (春节、国庆) is 8 or 9 days. */
export const MAX_RANGE_DAYS = 31;

/** A holiday (or a run of make-up workdays) entered as one range with one name, e.g. 国庆节 10-01 to 10-08. */
export const calendarRangeInput = z
  .object({
    from: isoDate,
    to: isoDate,
    kind: calendarDayInput.shape.kind,
    name: z.string().trim().min(1, '请填写节日名称').max(30, '名称不超过 30 个字'),
  })
  .superRefine((r, issue) => {
    if (!isIsoDate(r.from) || !isIsoDate(r.to)) return;
    if (r.from > r.to) issue.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
    else if (daysBetween(r.from, r.to) + 1 > MAX_RANGE_DAYS) issue.addIssue({ code: 'custom', path: ['to'], message: `一次最多录入 ${MAX_RANGE_DAYS} 天` });
  });

/** The legal calendar as configured: chinese-days plus the admin's entries. */
export async function loadWorkCalendar(db: Executor): Promise<WorkCalendar> {
  // One statement: the entered days with the complete years beside them (a year with no days entered still counts).
  type Row = { date: string | null; kind: string | null; name: string | null; years: number[] | null };
  // Both drivers answer { rows }.
  const { rows: list } = (await db.execute(
    sql`select o.date::text as date, o.kind, o.name, (select json_agg(${calendarCompleteYears.year}) from ${calendarCompleteYears}) as years from (select 1) one left join ${calendarOverrides} o on true`,
  )) as unknown as { rows: Row[] };
  return WorkCalendar.withOverrides(
    list.flatMap((o): CalendarOverride[] => (o.date ? [{ date: o.date, kind: o.kind as CalendarOverride['kind'], ...(o.name ? { name: o.name } : {}) }] : [])),
    list[0]?.years ?? [],
  );
}

/**
 * The legal calendar, cached per database (src/db/reference-cache.ts): `db` is the service's database (the cache's
 * key), `executor` what to read with when it is not cached (the caller's transaction). Not for a transaction that
 * changes the calendar: it reads with `loadWorkCalendar`.
 */
export function cachedWorkCalendar(db: Executor, executor: Executor = db): Promise<WorkCalendar> {
  return cachedReference(db, 'calendar', () => loadWorkCalendar(executor), executor);
}

/** After a change to the calendar commits: this process reads it again. */
async function calendarChanged<T>(ctx: ServiceContext, change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    forgetReferences(ctx.db, 'calendar');
  }
}

/**
 * After a change to the calendar of `year` (inside its transaction): every open deadline counted over that year is
 * counted again on the new calendar; each one that moves is audited on its subject's chain, and the copies a ledger
 * keeps of it follow (a case's payment due date). Returns how many moved.
 */
async function recountAfterCalendarChange(tx: Transaction, actor: Actor, year: number, reason: string, now: Date): Promise<number> {
  const moved = await recountOpenDeadlines(tx, await loadWorkCalendar(tx), `${year}-01-01`, `${year}-12-31`);
  for (const d of moved) {
    if (d.subjectType === 'case') await caseDeadlineMoved(tx, d.subjectId, d.kind, d.after);
    await appendAudit(
      tx,
      actor,
      {
        action: 'deadline.recount',
        subjectType: d.subjectType,
        subjectId: d.subjectId,
        organizationId: d.organizationId,
        change: { kind: d.kind, countedFrom: d.countedFrom, days: d.days, periodKind: d.periodKind, before: d.before, after: d.after, reason },
      },
      now,
    );
  }
  return moved.length;
}

export async function listCalendarOverrides(ctx: ServiceContext, year?: number): Promise<CalendarOverrides> {
  const where = year ? and(gte(calendarOverrides.date, `${year}-01-01`), lte(calendarOverrides.date, `${year}-12-31`)) : undefined;
  const [overrides, years] = await Promise.all([
    ctx.db.select().from(calendarOverrides).where(where).orderBy(asc(calendarOverrides.date)),
    ctx.db.select().from(calendarCompleteYears).orderBy(asc(calendarCompleteYears.year)),
  ]);
  return { overrides, completeYears: years.map((y) => y.year) };
}

/** Enters or changes one day of the official schedule (admin). */
export async function setCalendarDay(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<CalendarOverrideView> {
  assertMay(actor, adminPolicy.editCalendar, actor);
  const input = parseInput(calendarDayInput, raw);
  return calendarChanged(ctx, inTransaction(ctx, async (tx) => {
    const values = await writeDay(tx, actor, input, ctx.clock());
    await recountAfterCalendarChange(tx, actor, yearOf(input.date), `${input.date} 设为${input.kind === 'holiday' ? '放假' : '上班'}`, ctx.clock());
    return values;
  }));
}

/**
 * Enters a range of days under one name (admin): each day is written and audited as if entered alone, in one
 * transaction — a refused range changes nothing — and the open deadlines over each year it touches are counted again
 * once.
 */
export async function setCalendarRange(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<{ days: CalendarOverrideView[]; recounted: number }> {
  assertMay(actor, adminPolicy.editCalendar, actor);
  const input = parseInput(calendarRangeInput, raw);
  return calendarChanged(ctx, inTransaction(ctx, async (tx) => {
    const days: CalendarOverrideView[] = [];
    for (let date = input.from; date <= input.to; date = addDays(date, 1)) days.push(await writeDay(tx, actor, { date, kind: input.kind, name: input.name }, ctx.clock()));
    const reason = `${input.from} 至 ${input.to} 设为${input.kind === 'holiday' ? '放假' : '上班'}（${input.name}）`;
    let recounted = 0;
    for (let year = yearOf(input.from); year <= yearOf(input.to); year++) recounted += await recountAfterCalendarChange(tx, actor, year, reason, ctx.clock());
    return { days, recounted };
  }));
}

async function writeDay(tx: Transaction, actor: Actor, input: z.infer<typeof calendarDayInput>, now: Date): Promise<CalendarOverrideView> {
  const [before] = await tx.select().from(calendarOverrides).where(eq(calendarOverrides.date, input.date));
  const values = { date: input.date, kind: input.kind, name: input.name ?? null, updatedBy: actor.userId, updatedAt: now };
  await tx.insert(calendarOverrides).values(values).onConflictDoUpdate({ target: calendarOverrides.date, set: values });
  await appendAudit(
    tx,
    actor,
    {
      action: 'calendar.set',
      subjectType: 'calendar',
      subjectId: input.date.slice(0, 4),
      organizationId: null,
      change: { date: input.date, kind: input.kind, name: input.name ?? null, before: before ? { kind: before.kind, name: before.name } : null },
    },
    now,
  );
  return values;
}

export async function removeCalendarDay(ctx: ServiceContext, actor: Actor, date: string): Promise<void> {
  assertMay(actor, adminPolicy.editCalendar, actor);
  if (!isIsoDate(date)) throw validationError('日期格式应为 YYYY-MM-DD');
  await calendarChanged(ctx, inTransaction(ctx, async (tx) => {
    const [removed] = await tx.delete(calendarOverrides).where(eq(calendarOverrides.date, date)).returning();
    if (!removed) throw notFound(`${date} 的节假日设置`);
    await appendAudit(
      tx,
      actor,
      { action: 'calendar.remove', subjectType: 'calendar', subjectId: date.slice(0, 4), organizationId: null, change: { date, kind: removed.kind, name: removed.name } },
      ctx.clock(),
    );
    await recountAfterCalendarChange(tx, actor, yearOf(date), `删除 ${date} 的节假日设置`, ctx.clock());
  }));
}

/**
 * Marks (or unmarks) a year's schedule as completely entered, so the calendar stops warning about it and every open
 * deadline counted over the year is counted again on the entered arrangement (audited). Returns how many moved.
 */
export async function setYearComplete(ctx: ServiceContext, actor: Actor, year: number, complete: boolean): Promise<{ recounted: number }> {
  assertMay(actor, adminPolicy.editCalendar, actor);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw validationError('年份应在 2000–2100 之间');
  return calendarChanged(ctx, inTransaction(ctx, async (tx) => {
    if (complete) {
      await tx.insert(calendarCompleteYears).values({ year, updatedBy: actor.userId, updatedAt: ctx.clock() }).onConflictDoNothing();
    } else {
      await tx.delete(calendarCompleteYears).where(eq(calendarCompleteYears.year, year));
    }
    await appendAudit(tx, actor, { action: 'calendar.year', subjectType: 'calendar', subjectId: String(year), organizationId: null, change: { year, complete } }, ctx.clock());
    const reason = complete ? `${year}年放假安排已录入完整` : `${year}年放假安排改为未录入完整`;
    return { recounted: await recountAfterCalendarChange(tx, actor, year, reason, ctx.clock()) };
  }));
}

/** Day-by-day view of a date range (at most one year), for the calendar page. */
export async function describeDays(ctx: ServiceContext, from: string, to: string): Promise<CalendarDays> {
  if (!isIsoDate(from) || !isIsoDate(to)) throw validationError('日期格式应为 YYYY-MM-DD');
  const span = daysBetween(from, to);
  if (span < 0 || span > 366) throw validationError('日期范围应在 0–366 天之间');
  const calendar = await loadWorkCalendar(ctx.db);
  const days: CalendarDays['days'] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(calendar.dayInfo(d));
  return { days, uncoveredYears: calendar.uncoveredYearsBetween(from, to) };
}
