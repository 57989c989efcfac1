/**
 * The first draft of a unit's annual report, composed from its records (issue #19 item 2; docs/REPORTS.md): the
 * indicator table of the year and of the year before (year-on-year), and the facts “存在的不足” is seeded from,
 * counted from the ledgers — case deadlines met late or overdue, enforcement certificates expired, penalty decisions
 * published after their publication deadline. Not persisted yet (drafts, their workflow and editing come next): the
 * services that store drafts call `composeUnitDraft` to start one and `unitDraftFigures` to refresh its figures.
 */
import { and, count, eq, isNotNull, like, lt, or, sql } from 'drizzle-orm';
import type { IndicatorKey } from '../../domain/indicators/catalog.ts';
import { composeDraft } from '../../domain/reports/draft.ts';
import type { DraftFigure, DraftFigures, ReportDraft } from '../../domain/reports/model.ts';
import type { ShortcomingFacts } from '../../domain/reports/shortcomings.ts';
import type { Executor } from '../../db/connect.ts';
import { casePublicity, deadlines, organizations, users } from '../../db/schema.ts';
import { computeUnitIndicators, type IndicatorUnit } from '../indicators/unit-indicators.ts';
import { type IndicatorContext, indicatorScope } from '../kernel/indicators.ts';

async function figuresOf(ctx: IndicatorContext, unit: IndicatorUnit, year: number): Promise<Partial<Record<IndicatorKey, DraftFigure>>> {
  const table = await computeUnitIndicators(ctx, unit, year);
  return Object.fromEntries(
    table.indicators.map((r) => [r.key, { value: r.value, source: r.source, ...(r.numerator !== undefined && r.denominator !== undefined ? { numerator: r.numerator, denominator: r.denominator } : {}) }]),
  );
}

/** The figures of `year` and, when that year has begun, of the year before. */
export async function unitDraftFigures(ctx: IndicatorContext, unit: IndicatorUnit, year: number): Promise<DraftFigures> {
  return { year, current: await figuresOf(ctx, unit, year), previous: await figuresOf(ctx, unit, year - 1) };
}

const inSubtree = (path: string) => like(organizations.path, `${path}%`);
const n = (rows: { n: number }[]) => rows[0]?.n ?? 0;

/**
 * The facts of the year outside the catalog, over the unit's subtree, taken on the year's last day (today while the
 * year runs): case deadlines due in the year and those met late or still open past their day; active users holding a
 * certificate number and those whose certificate had run out; penalty decisions published in the year and those
 * published after their publication deadline (`case_publicity.due_on`).
 */
export async function shortcomingFacts(db: Executor, ctx: IndicatorContext, unit: IndicatorUnit, year: number): Promise<ShortcomingFacts> {
  const s = indicatorScope(ctx.clock, unit.path, year);
  const dueInYear = and(eq(deadlines.subjectType, 'case'), inSubtree(unit.path), sql`${deadlines.dueOn} between ${s.from} and ${s.asOf}`);
  const due = n(await db.select({ n: count() }).from(deadlines).innerJoin(organizations, eq(organizations.id, deadlines.organizationId)).where(dueInYear));
  const late = n(
    await db
      .select({ n: count() })
      .from(deadlines)
      .innerJoin(organizations, eq(organizations.id, deadlines.organizationId))
      .where(and(dueInYear, or(eq(deadlines.metLate, true), and(sql`${deadlines.metOn} is null`, lt(deadlines.dueOn, s.asOf))))),
  );
  const certified = and(inSubtree(unit.path), eq(users.active, true), isNotNull(users.certificateNo));
  const holders = n(await db.select({ n: count() }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(certified));
  const expired = n(await db.select({ n: count() }).from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(and(certified, lt(users.certificateValidUntil, s.asOf))));
  const publishedOn = sql`(${casePublicity.publishedAt} at time zone 'Asia/Shanghai')::date`;
  const publishedInYear = and(inSubtree(unit.path), isNotNull(casePublicity.publishedAt), sql`${publishedOn} between ${s.from} and ${s.to}`);
  const published = n(await db.select({ n: count() }).from(casePublicity).innerJoin(organizations, eq(organizations.id, casePublicity.organizationId)).where(publishedInYear));
  const publishedLate = n(
    await db
      .select({ n: count() })
      .from(casePublicity)
      .innerJoin(organizations, eq(organizations.id, casePublicity.organizationId))
      .where(and(publishedInYear, sql`${publishedOn} > ${casePublicity.dueOn}`)),
  );
  return {
    ...(due ? { caseDeadlines: { due, late } } : {}),
    ...(holders ? { certificates: { holders, expired } } : {}),
    ...(published ? { publicity: { published, late: publishedLate } } : {}),
  };
}

/** The first draft of `unit`'s report for `year` (no actor: the caller authorizes, as for the indicator table). */
export async function composeUnitDraft(ctx: IndicatorContext, unit: IndicatorUnit & { name: string }, year: number): Promise<ReportDraft> {
  const figures = await unitDraftFigures(ctx, unit, year);
  const facts = await shortcomingFacts(ctx.db, ctx, unit, year);
  return composeDraft({ unitName: unit.name, figures, facts });
}
