/**
 * The reviewer's desk (法制审核): cases of the actor's subtree whose decision needs legal review
 * (《行政处罚法》第五十八条 and the local catalog, domain/cases/workflow.ts legalReviewReasons) and that have no
 * passed review the decision could rest on yet — never reviewed, returned (the latest review did not pass), or
 * reviewed before a hearing that has since been held. Most urgent first: by the earliest open deadline. The endpoint
 * answers a page of it (`reviewQueuePage`, issue 16 item 7); the export takes the whole queue.
 */
import { and, asc, eq, inArray, like, type SQL } from 'drizzle-orm';
import { type Actor, isSystem } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { deadlineUrgency, dueSoonUntil } from '../../domain/cases/deadline-urgency.ts';
import { type CaseState, caseStates, type DeadlineKind, deadlineKinds, decisionKinds, type PartyKind, type Procedure } from '../../domain/cases/model.ts';
import type { CaseRecord } from '../../domain/cases/snapshot.ts';
import { currentLegalReview, legalReviewReasons } from '../../domain/cases/workflow.ts';
import type { Executor } from '../../db/connect.ts';
import { caseParties, cases, deadlines, organizations, powerItems } from '../../db/schema.ts';
import { openDeadline } from '../deadlines/deadline-store.ts';
import { loadWorkCalendar } from '../calendar.ts';
import { type Organization, type ResolvedSettings, settingsFor } from './case-store.ts';
import { type ReviewQueueItem, type ReviewQueuePage, reviewQueueQuery, type ReviewQueueStatus } from '../../domain/cases/oversight-views.ts';
import { parseInput } from '../parse-input.ts';

/** States in which a legal review may be recorded (workflow.ts `transitions.legalReview.from`). */
const REVIEW_STATES: readonly CaseState[] = ['reviewing', 'notified', 'hearing'];

export const reviewQueueStatusLabels: Record<ReviewQueueStatus, string> = {
  pending: '待审核',
  returned: '已退回，待重新审核',
  afterHearing: '听证后须重新审核',
};

export type { ReviewQueueItem, ReviewQueuePage, ReviewQueueStatus } from '../../domain/cases/oversight-views.ts';

/**
 * One page of the queue, most urgent first, and how many cases wait in all; with `caseId`, only that case's entry
 * (none when it does not await review). A bad page (a limit over 100, a negative offset) is refused with its reason.
 */
export async function reviewQueuePage(ctx: { db: Executor; clock: () => Date }, actor: Actor, raw: unknown = {}): Promise<ReviewQueuePage> {
  assertMay(actor, casePolicy.reviewQueue);
  const input = parseInput(reviewQueueQuery, raw);
  const queue = await listReviewQueue(ctx, actor, input.caseId);
  return { items: queue.slice(input.offset, input.offset + input.limit), total: queue.length };
}

/** The whole queue (the export; the endpoint pages it through `reviewQueuePage`), or only `caseId`'s entry. */
export async function listReviewQueue(ctx: { db: Executor; clock: () => Date }, actor: Actor, caseId?: number): Promise<ReviewQueueItem[]> {
  assertMay(actor, casePolicy.reviewQueue);
  const scope: SQL | undefined = isSystem(actor) ? undefined : like(organizations.path, `${actor.organizationPath}%`);
  const rows = await ctx.db
    .select({ row: cases, org: organizations, violation: powerItems.name })
    .from(cases)
    .innerJoin(organizations, eq(organizations.id, cases.organizationId))
    .leftJoin(powerItems, eq(powerItems.id, cases.powerItemId))
    .where(and(inArray(cases.state, [...REVIEW_STATES]), scope, caseId === undefined ? undefined : eq(cases.id, caseId)));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.row.id);
  const parties = await ctx.db.select().from(caseParties).where(inArray(caseParties.caseId, ids)).orderBy(asc(caseParties.id));
  const open = await ctx.db
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.subjectType, 'case'), inArray(deadlines.subjectId, ids), openDeadline))
    .orderBy(asc(deadlines.dueOn));
  const settings = await settingsByOrganization(ctx.db, rows.map((r) => r.org));
  const today = chinaDateOf(ctx.clock());
  const soonUntil = dueSoonUntil(await loadWorkCalendar(ctx.db), today);
  const items = rows.flatMap(({ row, org, violation }) => {
    const record = row.record as CaseRecord;
    const party = parties.find((p) => p.caseId === row.id);
    if (!party) return [];
    const facts = { procedure: row.procedure as Procedure, record, party: { kind: party.kind as PartyKind } };
    const reasons = legalReviewReasons(facts, { settings: settings.get(org.id)!.settings });
    const current = currentLegalReview(facts);
    if (!reasons.length || current?.passed) return [];
    const last = record.legalReviews.at(-1) ?? null;
    // Without a current review, an earlier one can only predate a hearing held since.
    const status: ReviewQueueStatus = current ? 'returned' : last ? 'afterHearing' : 'pending';
    const proposal = record.proposal;
    const item: ReviewQueueItem = {
      id: row.id,
      version: row.version,
      actCode: row.actCode,
      title: row.title,
      state: row.state as CaseState,
      stateLabel: caseStates[row.state as CaseState],
      organizationName: org.name,
      party: { kind: party.kind as PartyKind, name: party.name },
      violation,
      proposal: proposal
        ? { kind: proposal.kind, kindLabel: decisionKinds[proposal.kind], fineFen: proposal.penalty?.fineFen ?? null, description: proposal.penalty?.description ?? null }
        : null,
      reasons,
      status,
      statusLabel: reviewQueueStatusLabels[status],
      hearingPending: record.hearing !== null && !record.hearing.heldOn,
      lastReview: last ? { on: last.on, reviewerName: last.reviewerName, passed: last.passed, opinion: last.opinion } : null,
      deadlines: open
        .filter((d) => d.subjectId === row.id)
        .map((d) => {
          const urgency = deadlineUrgency(d, today, soonUntil);
          return { kind: d.kind as DeadlineKind, label: deadlineKinds[d.kind as DeadlineKind].label, dueOn: d.dueOn, overdue: urgency === 'overdue', dueSoon: urgency === 'dueSoon' };
        }),
    };
    return [item];
  });
  return items.sort(byUrgency);
}

/** Earliest open deadline first (cases without one last), then the older case first. */
function byUrgency(a: ReviewQueueItem, b: ReviewQueueItem): number {
  const da = a.deadlines[0]?.dueOn ?? '9999-12-31';
  const db = b.deadlines[0]?.dueOn ?? '9999-12-31';
  return da === db ? a.id - b.id : da < db ? -1 : 1;
}

/** Local case settings of each organization (inherited down the tree), loaded once per organization. */
async function settingsByOrganization(db: Executor, orgs: readonly Organization[]): Promise<Map<number, ResolvedSettings>> {
  const map = new Map<number, ResolvedSettings>();
  // Sequential on purpose: `db` may be one connection.
  for (const org of orgs) if (!map.has(org.id)) map.set(org.id, await settingsFor(db, org));
  return map;
}
