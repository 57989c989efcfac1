/**
 * The case list with the filter contract shared by the staff list page, the dashboard's click-throughs and
 * `GET /api/cases` (docs/CASES.md "Case list"): state, deadline (overdue / due soon), officer, violation
 * (power-list code or category), registration date range or month, handling unit (with its sub-units), penalty
 * kind, and a search over numbers, act code, title and party name; paged, with the total count up to TOTAL_CAP (the
 * export counts up to its own cap).
 */
import { and, desc, eq, exists, gte, ilike, inArray, like, lt, lte, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import { idParam } from '../../domain/ids.ts';
import { z } from 'zod';
import { type Actor, isSystem } from '../../domain/access.ts';
import { addDays, chinaDateOf, type IsoDate } from '../../domain/calendar/iso-date.ts';
import { isoDateInput } from '../../domain/cases/actions.ts';
import { type DeadlineUrgency, deadlineUrgency, dueSoonUntil } from '../../domain/cases/deadline-urgency.ts';
import { caseStateKeys, caseStates, type CaseState, type DeadlineKind, deadlineKinds, penaltyKindKeys, procedures, type Procedure } from '../../domain/cases/model.ts';
import { notFound, validationError } from '../../domain/errors.ts';
import type { Executor } from '../../db/connect.ts';
import { caseDocuments, caseParties, cases, deadlines, organizations, powerItems } from '../../db/schema.ts';
import { deadlineOf, openDeadline } from '../deadlines/deadline-store.ts';
import { cachedWorkCalendar } from '../calendar.ts';
import { parseInput } from '../parse-input.ts';


export const listCasesInput = z.object({
  state: z.enum(caseStateKeys, { message: '案件状态无效' }).optional(),
  deadline: z.enum(['overdue', 'dueSoon'], { message: '期限筛选应为 overdue（已超期）或 dueSoon（三个工作日内到期）' }).optional(),
  officerId: idParam('承办人员').optional(),
  /** Power-list item code (权责清单事项编码). */
  violation: z.string().trim().min(1).max(50, '违法行为编码不超过 50 个字').optional(),
  /** Power-list item category (e.g. 市容环境). */
  category: z.string().trim().min(1).max(50, '违法行为类别不超过 50 个字').optional(),
  from: isoDateInput.optional(),
  to: isoDateInput.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional(),
  organizationId: idParam('办案单位').optional(),
  penaltyKind: z.enum(penaltyKindKeys, { message: '处罚种类无效' }).optional(),
  q: z.string().trim().max(50, '搜索内容不超过 50 个字').optional(),
  limit: pageLimitInput(500, 100),
  offset: pageOffsetInput(),
});
export type ListCasesInput = z.infer<typeof listCasesInput>;

export type { CaseSummary } from '../../domain/cases/views.ts';
import type { CaseSummary } from '../../domain/cases/views.ts';
import { pageLimitInput, pageOffsetInput } from '../../domain/input-kit.ts';

/**
 * Counting stops after this many matching cases (issue 16 item 7; docs/CASES.md "Case list"). A clerk pages 20 rows at a
 * time and narrows the filters long before the 50th page; what the count must tell is "a few" (exact) or "more than
 * you will page through" ("超过 1000 条"). Finding the 1,001st match means reading 1,001 matches: at a million cases in
 * one bureau a cap of 10,000 took 0.2–0.6 s for the common filters (round 5), a cap of 1,000 a tenth of it. The
 * export, which writes up to EXPORT_ROW_CAP rows anyway, counts up to its own cap (`countUpTo`).
 */
export const TOTAL_CAP = 1_000;

/** How far a list request counts: TOTAL_CAP for the list; the export passes EXPORT_ROW_CAP. */
export interface CountOptions {
  countUpTo?: number;
}

export interface CasePage {
  items: CaseSummary[];
  /** Cases matching the filters, over all pages — at most TOTAL_CAP (or the `countUpTo` asked for). */
  total: number;
  /** More cases match than were counted: `total` is the cap, not their number. */
  totalCapped: boolean;
}

type Ctx = { db: Executor; clock: () => Date };

/** Cases of the actor's subtree matching the filters, newest first (one page of them). */
export async function listCases(ctx: Ctx, actor: Actor, raw: unknown = {}): Promise<CaseSummary[]> {
  return (await listCasesPage(ctx, actor, raw)).items;
}

/** One page of the actor's cases matching the filters, newest first, and how many match in all. */
export async function listCasesPage(ctx: Ctx, actor: Actor, raw: unknown = {}, options: CountOptions = {}): Promise<CasePage> {
  const input = parseInput(listCasesInput, raw);
  const cap = options.countUpTo ?? TOTAL_CAP;
  if (input.from && input.to && input.from > input.to) throw validationError('起始日期不能晚于截止日期', { fields: [{ field: 'from', message: '起始日期不能晚于截止日期' }] });
  const today = chinaDateOf(ctx.clock());
  // Read before the queries below; loadWorkCalendar runs its two queries in parallel (never inside a transaction).
  const soonUntil = dueSoonUntil(await cachedWorkCalendar(ctx.db), today);
  const unitPrefix = input.organizationId ? `${await organizationPath(ctx.db, actor, input.organizationId)}%` : undefined;
  const values: Values = {
    limit: input.limit,
    offset: input.offset,
    countLimit: cap + 1,
    subtreePrefix: `${actor.organizationPath}%`,
    unitPrefix,
    state: input.state,
    today,
    soonUntil,
    officerId: input.officerId,
    violation: input.violation,
    category: input.category,
    from: input.from,
    to: input.to,
    monthStart: input.month ? `${input.month}-01` : undefined,
    monthEnd: input.month ? nextMonth(input.month) : undefined,
    penaltyKinds: input.penaltyKind ? JSON.stringify([input.penaltyKind]) : undefined,
    pattern: input.q ? `%${input.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined,
  };
  const rows = await pageQuery(ctx.db, shapeOf(actor, input)).execute(values);
  const total = Number(rows[0]?.total ?? 0);
  const items = rows
    .filter((r): r is typeof r & { id: number } => r.id !== null)
    .map((r) => ({
      id: r.id,
      version: r.version!,
      actCode: r.actCode!,
      decisionNumber: r.decisionNumber,
      procedure: r.procedure as Procedure,
      procedureLabel: procedures[r.procedure as Procedure],
      state: r.state as CaseState,
      stateLabel: caseStates[r.state as CaseState],
      title: r.title!,
      organizationName: r.organizationName!,
      party: { kind: r.partyKind!, name: r.partyName! },
      registeredOn: r.registeredOn!,
      deadlines: (r.deadlines ?? []).map((d) => {
        const urgency: DeadlineUrgency = deadlineUrgency(d, today, soonUntil);
        return { kind: d.kind, label: deadlineKinds[d.kind].label, dueOn: d.dueOn, overdue: urgency === 'overdue', dueSoon: urgency === 'dueSoon' };
      }),
    }));
  return { items, total: Math.min(total, cap), totalCapped: total > cap };
}

/** The values of one list request, bound to the placeholders of its statement (unused ones are left out by drizzle). */
type Values = Record<string, string | number | undefined>;

/** Which filters a request uses (and whether the subtree limit applies): one statement per shape. */
interface Shape {
  subtree: boolean;
  unit: boolean;
  state: boolean;
  deadline: ListCasesInput['deadline'];
  officer: boolean;
  violation: boolean;
  category: boolean;
  from: boolean;
  to: boolean;
  month: boolean;
  penaltyKind: boolean;
  q: boolean;
}

function shapeOf(actor: Actor, input: ListCasesInput): Shape {
  return {
    subtree: !isSystem(actor),
    unit: input.organizationId !== undefined,
    state: input.state !== undefined,
    deadline: input.deadline,
    officer: input.officerId !== undefined,
    violation: input.violation !== undefined,
    category: input.category !== undefined,
    from: input.from !== undefined,
    to: input.to !== undefined,
    month: input.month !== undefined,
    penaltyKind: input.penaltyKind !== undefined,
    q: input.q !== undefined && input.q !== '',
  };
}

function shapeKey(shape: Shape): string {
  return Object.entries(shape)
    .map(([k, v]) => (v === true ? k : typeof v === 'string' ? `${k}-${v}` : ''))
    .filter(Boolean)
    .join('_');
}

const placeholder = sql.placeholder;

/**
 * The list's one statement for a shape of filters (issue 16 item 5): the page, each case's open deadlines (a JSON
 * aggregate per row) and the capped count, in one round trip. The count is skipped when the first page is short —
 * then the page holds every match (`case` evaluates the count's subquery only when it is needed). Always one row at
 * least: an empty page is one row of nulls with the total.
 */
function buildPageQuery(db: Executor, shape: Shape) {
  const where = and(...conditions(db, shape, 'joined'));
  // The count joins nothing it does not filter on: every case has exactly one party (registered with it, in the same
  // transaction: register-clue, decide-on-spot), so the party is joined only to search its name; the unit is matched
  // by id among the subtree's units. Without the joins the count of a filter on the state, the registration day or the
  // unit reads only `cases_id_cover_idx`.
  const counted = db.select({ one: sql`1` }).from(cases).$dynamic();
  const matching = (shape.q ? counted.innerJoin(caseParties, eq(caseParties.caseId, cases.id)) : counted)
    .where(and(...conditions(db, shape, 'unitIds')))
    .limit(placeholder('countLimit'))
    .as('matching');
  const page = db.$with('page').as(
    db
      .select({
        id: cases.id,
        version: cases.version,
        actCode: cases.actCode,
        decisionNumber: cases.decisionNumber,
        procedure: cases.procedure,
        state: cases.state,
        title: cases.title,
        registeredOn: cases.registeredOn,
        organizationName: sql<string>`${organizations.name}`.as('organization_name'),
        partyKind: sql<string>`${caseParties.kind}`.as('party_kind'),
        partyName: sql<string>`${caseParties.name}`.as('party_name'),
        deadlines: sql<{ kind: DeadlineKind; dueOn: IsoDate; metAt: string | null }[] | null>`(select json_agg(json_build_object('kind', ${deadlines.kind}, 'dueOn', ${deadlines.dueOn}, 'metAt', ${deadlines.metAt}) order by ${deadlines.dueOn}, ${deadlines.id}) from ${deadlines} where ${and(deadlineOf('case', cases.id), openDeadline)})`.as('open_deadlines'),
      })
      .from(cases)
      .innerJoin(organizations, eq(organizations.id, cases.organizationId))
      .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
      .where(where)
      .orderBy(desc(cases.id))
      .limit(placeholder('limit'))
      .offset(placeholder('offset')),
  );
  const total = sql<string>`case when ${placeholder('offset')}::int = 0 and (select count(*) from ${page}) < ${placeholder('limit')}::int then (select count(*) from ${page}) else (select count(*) from ${matching}) end`;
  const query = db
    .with(page)
    .select({ total: total.as('total'), ...page._.selectedFields })
    .from(sql`(select 1) as one`)
    .leftJoin(page, sql`true`)
    .orderBy(sql`${page.id} desc`);
  return prepareUnnamed(query);
}

/**
 * The statement's text and result mapping built once, sent unnamed: PostgreSQL then plans it for each request's values.
 * A named (server-side) statement would switch to a generic plan after five runs, blind to how many cases a state, a
 * penalty kind or a search text matches — exactly what decides between walking the newest cases and an index here.
 * drizzle's `prepare` always names the statement; its `_prepare()` (what `execute()` itself calls) does not.
 */
function prepareUnnamed<T extends { prepare(name: string): unknown }>(query: T): ReturnType<T['prepare']> {
  return (query as unknown as { _prepare(): ReturnType<T['prepare']> })._prepare();
}

/**
 * Each shape's statement is built once per database (building it with drizzle on every request was a large part of a
 * list request's CPU), like the case view's `fazhi_case_view` — but not named on the server (prepareUnnamed). A
 * transaction builds its own.
 */
const preparedPages = new WeakMap<object, Map<string, ReturnType<typeof buildPageQuery>>>();
/** More shapes than the list's filters give in practice; past it a shape is built per request rather than kept. */
const MAX_SHAPES = 512;

function pageQuery(db: Executor, shape: Shape) {
  const key = shapeKey(shape);
  let shapes = preparedPages.get(db);
  if (!shapes) preparedPages.set(db, (shapes = new Map()));
  let query = shapes.get(key);
  if (!query) {
    query = buildPageQuery(db, shape);
    if (shapes.size < MAX_SHAPES) shapes.set(key, query);
  }
  return query;
}

/** The number of matching cases as the lists say it: "超过 10000" when counting stopped. */
export function totalText(page: Pick<CasePage, 'total' | 'totalCapped'>): string {
  return page.totalCapped ? `超过 ${page.total}` : String(page.total);
}

/**
 * The WHERE conditions of a shape of filters, over placeholders; the subtree limit always comes first — on the joined
 * `organizations` row (the page), or as the case's unit among the subtree's units (the count, which joins nothing).
 */
function conditions(db: Executor, shape: Shape, units: 'joined' | 'unitIds'): SQL[] {
  const out: SQL[] = [];
  const inUnits = (prefix: string) =>
    units === 'joined' ? like(organizations.path, placeholder(prefix)) : inArray(cases.organizationId, db.select({ id: organizations.id }).from(organizations).where(like(organizations.path, placeholder(prefix))));
  if (shape.subtree) out.push(inUnits('subtreePrefix'));
  if (shape.unit) out.push(inUnits('unitPrefix'));
  if (shape.state) out.push(eq(cases.state, placeholder('state')));
  if (shape.deadline) {
    const range = shape.deadline === 'overdue' ? lt(deadlines.dueOn, placeholder('today')) : and(gte(deadlines.dueOn, placeholder('today')), lte(deadlines.dueOn, placeholder('soonUntil')));
    out.push(exists(db.select({ one: sql`1` }).from(deadlines).where(and(deadlineOf('case', cases.id), openDeadline, range))));
  }
  // `@>` (not `= any(…)`): the form the GIN index cases_officer_ids_idx answers.
  if (shape.officer) out.push(sql`${cases.officerIds} @> array[${placeholder('officerId')}::int]`);
  if (shape.violation) out.push(inArray(cases.powerItemId, db.select({ id: powerItems.id }).from(powerItems).where(eq(powerItems.code, placeholder('violation')))));
  if (shape.category) out.push(inArray(cases.powerItemId, db.select({ id: powerItems.id }).from(powerItems).where(eq(powerItems.category, placeholder('category')))));
  if (shape.from) out.push(gte(cases.registeredOn, placeholder('from')));
  if (shape.to) out.push(lte(cases.registeredOn, placeholder('to')));
  if (shape.month) out.push(gte(cases.registeredOn, placeholder('monthStart')), lt(cases.registeredOn, placeholder('monthEnd')));
  if (shape.penaltyKind) {
    // A penalty decision that imposes this kind and still stands (a revoked one imposes nothing): `penalty_kinds` is
    // kept by PostgreSQL from the record for exactly those (migration 0024), and indexed.
    out.push(sql`${cases.penaltyKinds} @> ${placeholder('penaltyKinds')}::jsonb`);
  }
  if (shape.q) out.push(search(db, placeholder('pattern')));
  return out;
}

/**
 * Decision / document number, act code, title or party name containing the text (any letter case). The cases are
 * first found through the trigram indexes of each searched column (migration 0023: `… gin_trgm_ops`), each
 * column's matches on its own so that every one can use its index, then each row (case and party) is checked as
 * before — at a million cases an OR across the join read every case and party (17–21 s).
 */
function search(db: Executor, pattern: Placeholder): SQL {
  const found = sql`${cases.id} in (${union(
    db.select({ id: sql`c.id` }).from(sql`${cases} c`).where(sql`c.act_code ilike ${pattern}`),
    db.select({ id: sql`c.id` }).from(sql`${cases} c`).where(sql`c.decision_number ilike ${pattern}`),
    db.select({ id: sql`c.id` }).from(sql`${cases} c`).where(sql`c.title ilike ${pattern}`),
    db.select({ id: caseParties.caseId }).from(caseParties).where(ilike(caseParties.name, pattern)),
    db.select({ id: caseDocuments.caseId }).from(caseDocuments).where(ilike(caseDocuments.number, pattern)),
  )})`;
  return and(
    found,
    or(
      ilike(cases.actCode, pattern),
      ilike(cases.decisionNumber, pattern),
      ilike(cases.title, pattern),
      ilike(caseParties.name, pattern),
      exists(db.select({ one: sql`1` }).from(caseDocuments).where(and(eq(caseDocuments.caseId, cases.id), ilike(caseDocuments.number, pattern)))),
    ),
  )!;
}

/** The unit's path; a unit outside the actor's subtree is reported as not found, like any other object. */
async function organizationPath(db: Executor, actor: Actor, organizationId: number): Promise<string> {
  const [org] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, organizationId));
  if (!org || !(isSystem(actor) || org.path.startsWith(actor.organizationPath))) throw notFound('该单位', { organizationId });
  return org.path;
}

function nextMonth(month: string): IsoDate {
  return addDays(`${month}-28`, 4).slice(0, 7) + '-01';
}
