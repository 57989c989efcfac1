/**
 * The case list with the filter contract shared by the staff list page, the dashboard's click-throughs and
 * `GET /api/cases` (docs/CASES.md "Case list"): state, deadline (overdue / due soon), officer, violation
 * (power-list code or category), registration date range or month, handling unit (with its sub-units), penalty
 * kind, and a search over numbers, act code, title and party name; paged, with the total count up to TOTAL_CAP.
 */
import { and, asc, count, desc, eq, exists, gte, ilike, inArray, like, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
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
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListCasesInput = z.infer<typeof listCasesInput>;

export type { CaseSummary } from '../../domain/cases/views.ts';
import type { CaseSummary } from '../../domain/cases/views.ts';

/**
 * Counting stops after this many matching cases (issue 16 item 7): counting every match took seconds at a million
 * cases in one bureau (5 s for the unfiltered list on PostgreSQL), while the first page itself is read through an
 * index in milliseconds. Past it the list says "超过 10000 件" — a number no one pages through anyway; the export
 * stops at the same number (EXPORT_ROW_CAP).
 */
export const TOTAL_CAP = 10_000;

export interface CasePage {
  items: CaseSummary[];
  /** Cases matching the filters, over all pages — at most TOTAL_CAP. */
  total: number;
  /** More than TOTAL_CAP cases match: `total` is TOTAL_CAP, not their number. */
  totalCapped: boolean;
}

type Ctx = { db: Executor; clock: () => Date };

/** Cases of the actor's subtree matching the filters, newest first (one page of them). */
export async function listCases(ctx: Ctx, actor: Actor, raw: unknown = {}): Promise<CaseSummary[]> {
  return (await listCasesPage(ctx, actor, raw)).items;
}

/** One page of the actor's cases matching the filters, newest first, and how many match in all. */
export async function listCasesPage(ctx: Ctx, actor: Actor, raw: unknown = {}): Promise<CasePage> {
  const input = parseInput(listCasesInput, raw);
  if (input.from && input.to && input.from > input.to) throw validationError('起始日期不能晚于截止日期', { fields: [{ field: 'from', message: '起始日期不能晚于截止日期' }] });
  const today = chinaDateOf(ctx.clock());
  // Read before the queries below; loadWorkCalendar runs its two queries in parallel (never inside a transaction).
  const soonUntil = dueSoonUntil(await cachedWorkCalendar(ctx.db), today);
  const where = and(...(await conditions(ctx.db, actor, input, today, soonUntil)));
  // Counts at most TOTAL_CAP + 1 matches: enough to tell "more than TOTAL_CAP" without reading them all.
  const matching = ctx.db
    .select({ one: sql`1` })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .where(where)
    .limit(TOTAL_CAP + 1)
    .as('matching');
  const [{ n: counted }] = (await ctx.db.select({ n: count() }).from(matching)) as [{ n: number }];
  const rows = await ctx.db
    .select({
      id: cases.id,
      version: cases.version,
      actCode: cases.actCode,
      decisionNumber: cases.decisionNumber,
      procedure: cases.procedure,
      state: cases.state,
      title: cases.title,
      registeredOn: cases.registeredOn,
      organizationName: organizations.name,
      partyKind: caseParties.kind,
      partyName: caseParties.name,
    })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .innerJoin(caseParties, eq(caseParties.caseId, cases.id))
    .where(where)
    .orderBy(desc(cases.id))
    .limit(input.limit)
    .offset(input.offset);
  const ids = rows.map((r) => r.id);
  const open = ids.length
    ? await ctx.db
        .select()
        .from(deadlines)
        .where(and(eq(deadlines.subjectType, 'case'), inArray(deadlines.subjectId, ids), openDeadline))
        .orderBy(asc(deadlines.dueOn))
    : [];
  const items = rows.map((r) => ({
    id: r.id,
    version: r.version,
    actCode: r.actCode,
    decisionNumber: r.decisionNumber,
    procedure: r.procedure as Procedure,
    procedureLabel: procedures[r.procedure as Procedure],
    state: r.state as CaseState,
    stateLabel: caseStates[r.state as CaseState],
    title: r.title,
    organizationName: r.organizationName,
    party: { kind: r.partyKind, name: r.partyName },
    registeredOn: r.registeredOn,
    deadlines: open
      .filter((d) => d.subjectId === r.id)
      .map((d) => {
        const urgency: DeadlineUrgency = deadlineUrgency(d, today, soonUntil);
        return { kind: d.kind as DeadlineKind, label: deadlineKinds[d.kind as DeadlineKind].label, dueOn: d.dueOn, overdue: urgency === 'overdue', dueSoon: urgency === 'dueSoon' };
      }),
  }));
  return { items, total: Math.min(counted, TOTAL_CAP), totalCapped: counted > TOTAL_CAP };
}

/** The number of matching cases as the lists say it: "超过 10000" when counting stopped. */
export function totalText(page: Pick<CasePage, 'total' | 'totalCapped'>): string {
  return page.totalCapped ? `超过 ${page.total}` : String(page.total);
}

/** The WHERE conditions of the filters; the subtree limit always comes first. */
async function conditions(db: Executor, actor: Actor, input: ListCasesInput, today: IsoDate, soonUntil: IsoDate): Promise<SQL[]> {
  const out: SQL[] = [];
  if (!isSystem(actor)) out.push(like(organizations.path, `${actor.organizationPath}%`));
  if (input.organizationId) out.push(like(organizations.path, `${await organizationPath(db, actor, input.organizationId)}%`));
  if (input.state) out.push(eq(cases.state, input.state));
  if (input.deadline) {
    const range = input.deadline === 'overdue' ? lt(deadlines.dueOn, today) : and(gte(deadlines.dueOn, today), lte(deadlines.dueOn, soonUntil));
    out.push(exists(db.select({ one: sql`1` }).from(deadlines).where(and(deadlineOf('case', cases.id), openDeadline, range))));
  }
  // `@>` (not `= any(…)`): the form the GIN index cases_officer_ids_idx answers.
  if (input.officerId) out.push(sql`${cases.officerIds} @> array[${input.officerId}::int]`);
  if (input.violation) out.push(inArray(cases.powerItemId, db.select({ id: powerItems.id }).from(powerItems).where(eq(powerItems.code, input.violation))));
  if (input.category) out.push(inArray(cases.powerItemId, db.select({ id: powerItems.id }).from(powerItems).where(eq(powerItems.category, input.category))));
  if (input.from) out.push(gte(cases.registeredOn, input.from));
  if (input.to) out.push(lte(cases.registeredOn, input.to));
  if (input.month) out.push(gte(cases.registeredOn, `${input.month}-01`), lt(cases.registeredOn, nextMonth(input.month)));
  if (input.penaltyKind) {
    // A penalty decision that imposes this kind and still stands (a revoked one imposes nothing).
    out.push(
      eq(cases.decisionKind, 'penalty'),
      ne(cases.decisionStatus, 'revoked'),
      sql`(${cases.record} -> 'decision' -> 'penalty' -> 'kinds') @> ${JSON.stringify([input.penaltyKind])}::jsonb`,
    );
  }
  if (input.q) out.push(search(db, input.q));
  return out;
}

/**
 * Decision / document number, act code, title or party name containing the text (any letter case). The cases are
 * first found through the trigram indexes of each searched column (migration 0023: `… gin_trgm_ops`), each
 * column's matches on its own so that every one can use its index, then each row (case and party) is checked as
 * before — at a million cases an OR across the join read every case and party (17–21 s).
 */
function search(db: Executor, q: string): SQL {
  const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
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
