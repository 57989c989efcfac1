/**
 * The supervisor's dashboard figures (执法监督), all SQL aggregates over the actor's subtree: cases by state and by
 * registration month, open deadlines overdue and due soon, penalties by kind and by violation (counts and fines),
 * and the units below the actor compared. Every figure counts exactly what the case list shows for the matching
 * filters of `GET /api/cases` (list-cases.ts), so each chart can link to its list:
 * state → `state`, month → `month`, overdue / due soon → `deadline`, penalty kind → `penaltyKind`,
 * violation → `violation` (power-list code; its cases, with their penalties and fines), unit → `organizationId`;
 * `from` / `to` narrow everything.
 *
 * The case figures are read from the kept counters `case_tallies` (one row per unit, registration day, state, item,
 * decided, penalty in force and kinds; kept by triggers on `cases` in the transaction of every write, rebuilt by
 * `fazhi stats rebuild`): at a million cases the same aggregates over `cases` took 11–33 s (issue 16 item 7). The
 * deadline figures depend on today. The overdue cases of each unit are counted from each case's kept next due date
 * (the earliest of its open deadlines: a case is overdue exactly when that date is before today): without a
 * registration range a sum over `case_due_tallies`' dates before today, with one a count over the index of
 * `case_next_deadlines` by registration day (round 7: every overdue deadline was read, 37–60 ms at a million cases).
 * The overdue and due-soon lists, and the due-soon count, are read from the open deadlines (the partial indexes on
 * `due_on`), planned without parallel workers (db/serial-read.ts).
 * case-tallies.test.ts checks that the counters always equal the aggregates over the cases and deadlines.
 */
import { and, asc, countDistinct, eq, gte, inArray, isNull, like, lt, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, isSystem } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { addDays, chinaDateOf, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { isoDateInput } from '../../domain/cases/actions.ts';
import { dueSoonUntil } from '../../domain/cases/deadline-urgency.ts';
import { caseStateKeys, caseStates, type DeadlineKind, deadlineKinds, penaltyKindKeys, penaltyKinds } from '../../domain/cases/model.ts';
import { notFound, validationError } from '../../domain/errors.ts';
import type { Executor } from '../../db/connect.ts';
import { caseDueTallies, caseNextDeadlines, cases, caseTallies, deadlines, organizations, powerItems } from '../../db/schema.ts';
import { withoutParallelWorkers } from '../../db/serial-read.ts';
import { deadlineOf, openDeadline } from '../deadlines/deadline-store.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import { parseInput } from '../parse-input.ts';
import { withResponsible } from './responsible-officers.ts';
import type { CaseStatistics, DeadlineEntry } from '../../domain/cases/oversight-views.ts';

export const caseStatisticsInput = z.object({
  /** Registration date range (inclusive), as in the case list. */
  from: isoDateInput.optional(),
  to: isoDateInput.optional(),
  /** How many deadlines each of the overdue / due-soon lists shows (the counts are always complete). */
  listLimit: z.coerce.number().int().min(1).max(100).default(10),
});

/** The longest month series shown; a longer range shows its last months. */
export const MAX_MONTHS = 36;

// The read shapes are shared with the web app.
export type { CaseStatistics, DeadlineEntry } from '../../domain/cases/oversight-views.ts';

type Ctx = { db: Executor; clock: () => Date };

export async function caseStatistics(ctx: Ctx, actor: Actor, raw: unknown = {}): Promise<CaseStatistics> {
  assertMay(actor, casePolicy.viewStatistics);
  const input = parseInput(caseStatisticsInput, raw);
  if (input.from && input.to && input.from > input.to) throw validationError('起始日期不能晚于截止日期', { fields: [{ field: 'from', message: '起始日期不能晚于截止日期' }] });
  const today = chinaDateOf(ctx.clock());
  // The calendar as the case list reads it (kept in memory, forgotten when it changes): one round trip less.
  const soonUntil = dueSoonUntil(await cachedWorkCalendar(ctx.db), today);
  const scope = await scopeOf(ctx.db, actor);
  const inScope = scope.path === '/' ? undefined : like(organizations.path, `${scope.path}%`);
  const range: RegistrationRange = { from: input.from, to: input.to };
  const where = and(inScope, registeredWithin(cases.registeredOn, range));
  const tallied = and(inScope, input.from ? gte(caseTallies.registeredOn, input.from) : undefined, input.to ? lte(caseTallies.registeredOn, input.to) : undefined);
  const overdueRange = { deadlines: lt(deadlines.dueOn, today), nextDue: lt(caseNextDeadlines.dueOn, today) };
  const dueSoonRange = { deadlines: and(gte(deadlines.dueOn, today), lte(deadlines.dueOn, soonUntil))!, nextDue: lte(caseNextDeadlines.dueOn, soonUntil) };
  // The figures are independent reads, sent together (issue 16 item 7, round 5): on PostgreSQL they run on several
  // pooled connections at once (the dashboard took the sum of ten round trips); on PGlite, one connection, they queue.
  // Never called inside a transaction (a transaction is one connection: its statements must not overlap).
  const [byState, byMonth, [units, overdue], dueSoon, byPenaltyKind, byViolation, [penalties]] = await Promise.all([
    countByState(ctx.db, tallied),
    countByMonth(ctx.db, tallied, monthsOf(input.from ?? null, input.to ?? null, today)),
    compareUnits(ctx.db, scope, tallied, inScope, range, today).then(async (units) => {
      // Each case counts for exactly one unit (its own path's first step below the scope), so the units' overdue cases
      // add up to the scope's: the overdue cases are counted once.
      return [units, await deadlinesIn(ctx.db, where, range, overdueRange, input.listLimit, today, units.reduce((s, u) => s + u.overdue, 0))] as const;
    }),
    deadlinesIn(ctx.db, where, range, dueSoonRange, input.listLimit, today),
    penaltiesByKind(ctx.db, tallied),
    penaltiesByViolation(ctx.db, tallied),
    ctx.db
      .select({ count: sql<number>`coalesce(sum(${caseTallies.cases}) filter (where ${caseTallies.penalty}), 0)::int`, fineFen: talliedFines })
      .from(caseTallies)
      .innerJoin(organizations, eq(organizations.id, caseTallies.organizationId))
      .where(tallied),
  ]);
  return {
    today,
    dueSoonUntil: soonUntil,
    scope: { organizationId: scope.id, organizationName: scope.name },
    range: { from: input.from ?? null, to: input.to ?? null },
    totals: {
      cases: byState.reduce((s, r) => s + r.count, 0),
      decided: units.reduce((s, u) => s + u.decided, 0),
      overdue: overdue.cases,
      dueSoon: dueSoon.cases,
      penalties: penalties?.count ?? 0,
      fineFen: Number(penalties?.fineFen ?? 0),
    },
    byState,
    byMonth,
    overdue,
    dueSoon,
    byPenaltyKind,
    byViolation,
    units,
  };
}

/** Cases counted (`int`: a sum of integers is bigint, a string on `pg`). */
const talliedCases = sql<number>`coalesce(sum(${caseTallies.cases}), 0)::int`;
/**
 * Fines of the penalty decisions in force (a penalty decision that still stands, as the case list's `penaltyKind`
 * filter counts), in 分 (float8: a sum of bigint is numeric, a string on `pg`).
 */
const talliedFines = sql<number>`coalesce(sum(${caseTallies.fineFen}), 0)::float8`;

interface Scope {
  id: number | null;
  name: string;
  path: string;
}

async function scopeOf(db: Executor, actor: Actor): Promise<Scope> {
  if (isSystem(actor)) return { id: null, name: '全部单位', path: '/' };
  const [org] = await db.select({ id: organizations.id, name: organizations.name, path: organizations.path }).from(organizations).where(eq(organizations.id, actor.organizationId));
  if (!org) throw notFound('本单位', { organizationId: actor.organizationId });
  return org;
}

async function countByState(db: Executor, where: SQL | undefined): Promise<CaseStatistics['byState']> {
  const rows = await db
    .select({ state: caseTallies.state, count: talliedCases })
    .from(caseTallies)
    .innerJoin(organizations, eq(organizations.id, caseTallies.organizationId))
    .where(where)
    .groupBy(caseTallies.state);
  return caseStateKeys.flatMap((state) => {
    const n = rows.find((r) => r.state === state)?.count ?? 0;
    return n ? [{ state, label: caseStates[state], count: n }] : [];
  });
}

/** The months shown: those of the range (its last MAX_MONTHS), or the twelve months up to today's. */
export function monthsOf(from: IsoDate | null, to: IsoDate | null, today: IsoDate): string[] {
  const last = (to ?? today).slice(0, 7);
  const months = [last];
  const first = from ? from.slice(0, 7) : null;
  while (months.length < (first ? MAX_MONTHS : 12)) {
    const previous = addDays(`${months[0]!}-01`, -1).slice(0, 7);
    if (first && previous < first) break;
    months.unshift(previous);
  }
  return months;
}

async function countByMonth(db: Executor, where: SQL | undefined, months: string[]): Promise<CaseStatistics['byMonth']> {
  const month = sql<string>`to_char(${caseTallies.registeredOn}, 'YYYY-MM')`;
  const rows = await db
    .select({ month, count: talliedCases })
    .from(caseTallies)
    .innerJoin(organizations, eq(organizations.id, caseTallies.organizationId))
    .where(and(where, gte(caseTallies.registeredOn, `${months[0]!}-01`), lt(caseTallies.registeredOn, addDays(`${months.at(-1)!}-28`, 4).slice(0, 7) + '-01')))
    .groupBy(month);
  return months.map((m) => ({ month: m, count: rows.find((r) => r.month === m)?.count ?? 0 }));
}

/** A registration range of the dashboard (inclusive; either end may be open). */
interface RegistrationRange {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
}

/** `column` within the registration range, or undefined for no range. */
function registeredWithin(column: typeof cases.registeredOn | typeof caseNextDeadlines.registeredOn, range: RegistrationRange): SQL | undefined {
  return and(range.from ? gte(column, range.from) : undefined, range.to ? lte(column, range.to) : undefined);
}

/**
 * The open deadlines in `range` (their own due dates, and the bound on a case's next due date every such case meets):
 * the cases they concern (`counted` when already known) and the first `limit` of them. Planned without parallel
 * workers: at a million cases the list with a registration range was planned as a `Gather Merge`, ~50 ms of which
 * went to starting the worker.
 */
async function deadlinesIn(db: Executor, where: SQL | undefined, registration: RegistrationRange, range: { deadlines: SQL; nextDue: SQL }, limit: number, today: IsoDate, counted?: number): Promise<{ cases: number; items: DeadlineEntry[] }> {
  const open = and(where, openDeadline, range.deadlines);
  return withoutParallelWorkers(db, async (serial) => {
    const [total] =
      counted !== undefined
        ? [{ n: counted }]
        : await serial
            .select({ n: countDistinct(deadlines.subjectId) })
            .from(deadlines)
            .innerJoin(cases, deadlineOf('case', cases.id))
            .innerJoin(organizations, eq(organizations.id, cases.organizationId))
            .where(open);
    // With a registration range, the cases registered in it whose next due date can be in `range` are named first,
    // from the index of case_next_deadlines by registration day (only cases with an open deadline, not every case of
    // the range), so the deadlines are walked against that set instead of reading each overdue case's row to learn its
    // day (2 s at a million cases). A case with an open deadline in `range` always has its next due date in bound.
    const registered = registeredWithin(caseNextDeadlines.registeredOn, registration);
    const registeredIn = registered ? inArray(deadlines.subjectId, serial.select({ id: caseNextDeadlines.caseId }).from(caseNextDeadlines).where(and(registered, range.nextDue))) : undefined;
    const rows = await serial
      .select({ caseId: cases.id, actCode: cases.actCode, title: cases.title, organizationName: organizations.name, kind: deadlines.kind, dueOn: deadlines.dueOn })
      .from(deadlines)
      .innerJoin(cases, deadlineOf('case', cases.id))
      .innerJoin(organizations, eq(organizations.id, cases.organizationId))
      .where(and(open, registeredIn))
      .orderBy(asc(deadlines.dueOn), asc(deadlines.id))
      .limit(limit);
    const items = rows.map((r) => ({ ...r, kind: r.kind as DeadlineKind, label: deadlineKinds[r.kind as DeadlineKind].label }));
    return { cases: total?.n ?? 0, items: await withResponsible(serial, items, today) };
  });
}

async function penaltiesByKind(db: Executor, where: SQL | undefined): Promise<CaseStatistics['byPenaltyKind']> {
  const kind = sql<string>`k.kind`;
  const rows = await db
    .select({ kind, count: talliedCases, fineFen: talliedFines })
    .from(caseTallies)
    .innerJoin(organizations, eq(organizations.id, caseTallies.organizationId))
    .innerJoin(sql`unnest(${caseTallies.penaltyKinds}) as k(kind)`, sql`true`)
    .where(and(where, eq(caseTallies.penalty, true)))
    .groupBy(kind)
    .having(sql`sum(${caseTallies.cases}) > 0`);
  return penaltyKindKeys.flatMap((k) => {
    const r = rows.find((row) => row.kind === k);
    return r ? [{ kind: k, label: penaltyKinds[k], count: r.count, fineFen: Number(r.fineFen) }] : [];
  });
}

async function penaltiesByViolation(db: Executor, where: SQL | undefined): Promise<CaseStatistics['byViolation']> {
  const rows = await db
    .select({
      code: powerItems.code,
      name: sql<string>`min(${powerItems.name})`,
      category: sql<string>`min(${powerItems.category})`,
      cases: talliedCases,
      penalties: sql<number>`coalesce(sum(${caseTallies.cases}) filter (where ${caseTallies.penalty}), 0)::int`,
      fineFen: talliedFines,
    })
    .from(caseTallies)
    .innerJoin(organizations, eq(organizations.id, caseTallies.organizationId))
    .innerJoin(powerItems, eq(powerItems.id, caseTallies.powerItemId))
    .where(where)
    .groupBy(powerItems.code)
    .having(sql`sum(${caseTallies.cases}) > 0`)
    .orderBy(sql`sum(${caseTallies.cases}) desc`, asc(powerItems.code));
  return rows.map((r) => ({ ...r, fineFen: Number(r.fineFen) }));
}

/**
 * Each case counted for the unit directly below the actor's organization on its path (or the actor's own unit for
 * cases it handles itself), so a unit's figures include its sub-units — like the list's `organizationId` filter.
 */
async function compareUnits(db: Executor, scope: Scope, tallied: SQL | undefined, inScope: SQL | undefined, range: RegistrationRange, today: IsoDate): Promise<CaseStatistics['units']> {
  // The position is an integer of ours, inlined so that GROUP BY matches the selected expression.
  const below = sql<string>`split_part(substr(${organizations.path}, ${sql.raw(String(scope.path.length + 1))}), '/', 1)`;
  const counted = await db
    .select({
      unit: below,
      cases: talliedCases,
      decided: sql<number>`coalesce(sum(${caseTallies.cases}) filter (where ${caseTallies.decided}), 0)::int`,
      fineFen: talliedFines,
    })
    .from(caseTallies)
    .innerJoin(organizations, eq(organizations.id, caseTallies.organizationId))
    .where(tallied)
    .groupBy(below)
    .having(sql`sum(${caseTallies.cases}) > 0`);
  // Cases with an open overdue deadline: those whose next due date (the earliest of their open deadlines) is before
  // today. Without a registration range, a sum over the kept (due date, unit) counts before today — a few rows per
  // unit and day, not one per overdue deadline (at a million cases the 44,000 overdue deadlines were read and
  // counted distinct per case: 37–60 ms). With one, the cases' next due dates are counted from the index by
  // registration day (index-only: the cases of the range that have an open deadline).
  const registered = registeredWithin(caseNextDeadlines.registeredOn, range);
  const overdueRows = registered
    ? await db
        .select({ unit: below, overdue: sql<number>`count(*)::int` })
        .from(caseNextDeadlines)
        .innerJoin(organizations, eq(organizations.id, caseNextDeadlines.organizationId))
        .where(and(inScope, registered, lt(caseNextDeadlines.dueOn, today)))
        .groupBy(below)
    : await db
        .select({ unit: below, overdue: sql<number>`coalesce(sum(${caseDueTallies.cases}), 0)::int` })
        .from(caseDueTallies)
        .innerJoin(organizations, eq(organizations.id, caseDueTallies.organizationId))
        .where(and(inScope, lt(caseDueTallies.dueOn, today)))
        .groupBy(below);
  const rows = counted.map((r) => ({ ...r, overdue: overdueRows.find((o) => o.unit === r.unit)?.overdue ?? 0 }));
  const children = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(scope.id === null ? isNull(organizations.parentId) : eq(organizations.parentId, scope.id))
    .orderBy(asc(organizations.id));
  const own = rows.find((r) => r.unit === '');
  const units = children.map((c) => ({ organizationId: c.id, name: c.name, ownLevel: false, row: rows.find((r) => r.unit === String(c.id)) }));
  if (own && scope.id !== null) units.unshift({ organizationId: scope.id, name: `${scope.name}（本级）`, ownLevel: true, row: own });
  return units.map(({ organizationId, name, ownLevel, row }) => ({
    organizationId,
    name,
    ownLevel,
    cases: row?.cases ?? 0,
    decided: row?.decided ?? 0,
    overdue: row?.overdue ?? 0,
    fineFen: Number(row?.fineFen ?? 0),
  }));
}
