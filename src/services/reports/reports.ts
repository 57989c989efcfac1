/**
 * The annual report's draft, persisted (issue #19 items 2–3; docs/REPORTS.md): one row per unit and year in
 * `report_drafts`. `createDraft` composes the first draft from the unit's records; `saveDraft` applies the author's
 * edits on the version they saw (words only: figure fields are never edited by hand); `refreshFigures` sets the figure
 * fields from the records again and answers which changed; `getDraft` reads it; `listReportStates` answers the
 * supervisor's roll-up. Every write is one transaction with its audit record on the report's chain (`report:<id>`).
 * The workflow's steps are in transition-report.ts.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf, yearOf } from '../../domain/calendar/iso-date.ts';
import { conflict, notFound, ruleViolation, validationError } from '../../domain/errors.ts';
import { composeDraft } from '../../domain/reports/draft.ts';
import { applyDraftEdits } from '../../domain/reports/edit.ts';
import type { DraftFigures, ReportDraft } from '../../domain/reports/model.ts';
import { reportPolicy } from '../../domain/reports/policy.ts';
import { refreshDraft } from '../../domain/reports/refresh.ts';
import { type RefreshResult, type ReportStateRow, type ReportView, saveReportInput, type SignedReportSeal } from '../../domain/reports/views.ts';
import { isReportLate, REPORT_RULE, reportActionsFor, reportDueOn, type ReportState, reportStates } from '../../domain/reports/workflow.ts';
import { expectedVersionInput } from '../../domain/input-kit.ts';
import { assertMay } from '../../domain/policy.ts';
import type { Executor } from '../../db/connect.ts';
import { reportDrafts } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { getOrganization, type Organization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { shortcomingFacts, unitDraftFigures } from './compose-draft.ts';
import { reportPdfAvailable } from './report-pdf.ts';
import { z } from 'zod';

export type ReportRow = typeof reportDrafts.$inferSelect;

/** The unit (in the actor's subtree, else not found) and its report of `year` (not found when not started). */
export async function loadReport(db: Executor, actor: Actor, organizationId: number, year: number, lock = false): Promise<{ org: Organization; row: ReportRow }> {
  const org = await getOrganization({ db }, actor, organizationId);
  const query = db
    .select()
    .from(reportDrafts)
    .where(and(eq(reportDrafts.organizationId, org.id), eq(reportDrafts.year, year)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound(`${org.name}${String(year)}年度的法治政府建设报告（尚未起草）`, { organizationId, year });
  return { org, row };
}

/** Whether a report of `year` not yet published is late today, or a published one was published late. */
const lateNow = (row: Pick<ReportRow, 'year' | 'publishedAt' | 'late'>, now: Date) => (row.publishedAt ? row.late : isReportLate(row.year, chinaDateOf(now)));

export function reportViewOf(row: ReportRow, org: Pick<Organization, 'name'>, actor: Actor, now: Date): ReportView {
  const state = row.state as ReportState;
  const seal = row.seal as SignedReportSeal | null;
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: org.name,
    year: row.year,
    state,
    stateLabel: reportStates[state],
    version: row.version,
    draft: row.draft as ReportDraft,
    figuresRefreshedAt: row.figuresRefreshedAt,
    authorId: row.authorId,
    returnReason: row.returnReason,
    dueOn: reportDueOn(row.year),
    late: lateNow(row, now),
    publishedAt: row.publishedAt,
    published: seal && row.docxDigest && row.contentDigest ? { docxDigest: row.docxDigest, pdfDigest: row.pdfDigest, pdfAvailable: reportPdfAvailable(row), contentDigest: row.contentDigest, seal } : null,
    actions: actor.organizationId === row.organizationId ? reportActionsFor(actor.roles, state) : [],
  };
}

function assertAuthorOf(actor: Actor, org: Organization): void {
  assertMay(actor, reportPolicy.editReport, { organizationId: org.id, actorOrganizationId: actor.organizationId });
}

function assertDrafting(row: ReportRow): void {
  if (row.state !== 'drafting') {
    throw ruleViolation(`报告当前处于“${reportStates[row.state as ReportState]}”状态，不能修改；退回修改后方可编辑`, REPORT_RULE, { state: row.state });
  }
}

/** `POST /api/organizations/:id/reports/:year`: the first draft, composed from the unit's records (201). */
export async function createDraft(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<ReportView> {
  assertMay(actor, reportPolicy.editReport);
  const org = await getOrganization(ctx, actor, organizationId);
  assertAuthorOf(actor, org);
  const now = ctx.clock();
  if (year > yearOf(chinaDateOf(now))) throw validationError(`${String(year)}年尚未开始，不能起草该年度的报告`);
  const unit = { id: org.id, name: org.name, path: org.path };
  const figures = await unitDraftFigures(ctx, unit, year);
  const facts = await shortcomingFacts(ctx.db, ctx, unit, year);
  const draft = composeDraft({ unitName: org.name, figures, facts });
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(reportDrafts)
      .values({ organizationId: org.id, year, draft, figures, figuresRefreshedAt: now, createdBy: actor.userId, lastActedOn: chinaDateOf(now) })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`${org.name}${String(year)}年度的报告已经起草，请打开已有的草稿`, { organizationId, year });
    const paragraphs = draft.parts.reduce((n, p) => n + p.sections.reduce((m, s) => m + s.paragraphs.length, 0), 0);
    await appendAudit(tx, actor, { action: 'report.create', subjectType: 'report', subjectId: row.id, organizationId: org.id, change: { organizationId: org.id, year, paragraphs } }, now);
    return reportViewOf(row, org, actor, now);
  });
}

/** `GET /api/organizations/:id/reports/:year`: the report, draft or published. */
export async function getDraft(ctx: ServiceContext, actor: Actor, organizationId: number, year: number): Promise<ReportView> {
  assertMay(actor, reportPolicy.viewReport);
  const { org, row } = await loadReport(ctx.db, actor, organizationId, year);
  return reportViewOf(row, org, actor, ctx.clock());
}

/** `PUT /api/organizations/:id/reports/:year`: the author's edits (words and order), on the version they saw. */
export async function saveDraft(ctx: ServiceContext, actor: Actor, organizationId: number, year: number, raw: unknown): Promise<ReportView> {
  assertMay(actor, reportPolicy.editReport);
  const input = parseInput(saveReportInput, raw);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const { org, row } = await loadReport(tx, actor, organizationId, year, true);
    assertAuthorOf(actor, org);
    if (row.version !== input.expectedVersion) throw conflict('报告已被他人修改，请刷新后重试', { expectedVersion: input.expectedVersion, currentVersion: row.version });
    assertDrafting(row);
    const result = applyDraftEdits(row.draft as ReportDraft, input);
    const [saved] = await tx
      .update(reportDrafts)
      .set({ draft: result.draft, version: row.version + 1 })
      .where(eq(reportDrafts.id, row.id))
      .returning();
    await appendAudit(
      tx,
      actor,
      { action: 'report.edit', subjectType: 'report', subjectId: row.id, organizationId: org.id, change: { version: row.version + 1, edited: result.edited, removed: result.removed, reordered: result.reordered } },
      now,
    );
    return reportViewOf(saved!, org, actor, now);
  });
}

const refreshInput = z.strictObject({ expectedVersion: expectedVersionInput('报告') });

/**
 * `POST /api/organizations/:id/reports/:year/refresh`: every figure field set from the records now (the author's words
 * untouched); answers the figures that changed since the text was written, for the page to highlight.
 */
export async function refreshFigures(ctx: ServiceContext, actor: Actor, organizationId: number, year: number, raw: unknown): Promise<RefreshResult> {
  assertMay(actor, reportPolicy.editReport);
  const input = parseInput(refreshInput, raw);
  const { org } = await loadReport(ctx.db, actor, organizationId, year);
  assertAuthorOf(actor, org);
  const figures: DraftFigures = await unitDraftFigures(ctx, { id: org.id, name: org.name, path: org.path }, year);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadReport(tx, actor, organizationId, year, true);
    if (row.version !== input.expectedVersion) throw conflict('报告已被他人修改，请刷新后重试', { expectedVersion: input.expectedVersion, currentVersion: row.version });
    assertDrafting(row);
    const { draft, changes } = refreshDraft(row.draft as ReportDraft, figures);
    const [saved] = await tx
      .update(reportDrafts)
      .set({ draft, figures, figuresRefreshedAt: now, version: row.version + 1 })
      .where(eq(reportDrafts.id, row.id))
      .returning();
    await appendAudit(tx, actor, { action: 'report.refresh', subjectType: 'report', subjectId: row.id, organizationId: org.id, change: { version: row.version + 1, changes } }, now);
    return { report: reportViewOf(saved!, org, actor, now), changes };
  });
}

/**
 * The report state of each unit of `organizationIds` for `year` (the supervisor's roll-up, item 5): `notStarted` when
 * no draft exists; `late` when published after 31 March of the year after, or not published and that day has passed
 * (`today`). No actor: the caller authorizes the units (as for the indicator table).
 */
export async function listReportStates(ctx: { db: Executor; clock: () => Date }, organizationIds: readonly number[], year: number): Promise<ReportStateRow[]> {
  if (!organizationIds.length) return [];
  const rows = await ctx.db
    .select({ organizationId: reportDrafts.organizationId, state: reportDrafts.state, publishedAt: reportDrafts.publishedAt, late: reportDrafts.late, year: reportDrafts.year })
    .from(reportDrafts)
    .where(and(eq(reportDrafts.year, year), inArray(reportDrafts.organizationId, [...organizationIds])));
  const byOrg = new Map(rows.map((r) => [r.organizationId, r]));
  const now = ctx.clock();
  return organizationIds.map((organizationId) => {
    const r = byOrg.get(organizationId);
    return {
      organizationId,
      state: r ? (r.state as ReportState) : 'notStarted',
      publishedAt: r?.publishedAt ?? null,
      dueOn: reportDueOn(year),
      late: r ? lateNow(r, now) : isReportLate(year, chinaDateOf(now)),
    };
  });
}

