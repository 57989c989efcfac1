/**
 * The read shapes of supervision (执法监督) as the server sends them: the dashboard figures (GET /api/stats/cases,
 * services/cases/case-statistics.ts), open deadlines (GET /api/case-deadlines, list-deadlines.ts) and the reviewer's
 * queue (GET /api/legal-reviews/queue, review-queue.ts). Zod schemas: the routes' `response:`, `z.infer`'d by the
 * services that build them and the web app that reads them.
 */
import { z } from 'zod';
import { idParam } from '../ids.ts';
import { pageLimitInput, pageOffsetInput } from '../input-kit.ts';
import { isoDay, keyOf } from '../view-kit.ts';
import { caseStates, deadlineKinds, penaltyKinds } from './model.ts';
import { deadlineMark } from './views.ts';

const deadlineKind = keyOf(deadlineKinds);

/** An open deadline of a case, as the supervision lists show it. */
export const deadlineEntry = z.object({
  caseId: z.number(),
  actCode: z.string(),
  title: z.string(),
  organizationName: z.string(),
  kind: deadlineKind,
  label: z.string(),
  dueOn: isoDay,
  /** The officers responsible (named on the case, not recused), for 督办. */
  officers: z.array(z.string()),
  /** Calendar days past `dueOn` today (0 when not past). */
  daysOverdue: z.number(),
});
export type DeadlineEntry = z.infer<typeof deadlineEntry>;

/**
 * A deadline of GET /api/case-deadlines, with the article that sets it; for `status=late` (met after its due date)
 * the date it was met and the reason the step gave.
 */
export const deadlineItem = deadlineEntry.extend({ article: z.string(), metOn: isoDay.nullable(), lateReason: z.string().nullable() });
export type DeadlineItem = z.infer<typeof deadlineItem>;

/**
 * A unit directly below the actor's, with its sub-units (the case list's `organizationId` filter counts the same);
 * `ownLevel`: the actor's own unit alone (its list would include the units below it: no click-through).
 */
export const unitFigures = z.object({
  organizationId: z.number(),
  name: z.string(),
  ownLevel: z.boolean(),
  cases: z.number(),
  decided: z.number(),
  overdue: z.number(),
  fineFen: z.number(),
});
export type UnitFigures = z.infer<typeof unitFigures>;

export const caseStatisticsView = z.object({
  today: isoDay,
  /** The last day counted as "due soon" (three working days ahead). */
  dueSoonUntil: isoDay,
  scope: z.object({ organizationId: z.number().nullable(), organizationName: z.string() }),
  range: z.object({ from: isoDay.nullable(), to: isoDay.nullable() }),
  totals: z.object({ cases: z.number(), decided: z.number(), overdue: z.number(), dueSoon: z.number(), penalties: z.number(), fineFen: z.number() }),
  byState: z.array(z.object({ state: keyOf(caseStates), label: z.string(), count: z.number() })),
  /** Cases registered per month, oldest first, months without cases included. */
  byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  /** Cases with an open deadline already past / within the due-soon window; the earliest deadlines listed. */
  overdue: z.object({ cases: z.number(), items: z.array(deadlineEntry) }),
  dueSoon: z.object({ cases: z.number(), items: z.array(deadlineEntry) }),
  /** Penalty decisions in force (or changed; a revoked one imposes nothing) per kind they impose. */
  byPenaltyKind: z.array(z.object({ kind: keyOf(penaltyKinds), label: z.string(), count: z.number(), fineFen: z.number() })),
  /**
   * Per violation (power-list code), most cases first: its cases (what the list shows for `violation`), and of
   * them the penalty decisions in force and their fines.
   */
  byViolation: z.array(z.object({ code: z.string(), name: z.string(), category: z.string(), cases: z.number(), penalties: z.number(), fineFen: z.number() })),
  /** First, when it handles cases itself, the actor's own unit alone; then each unit directly below. */
  units: z.array(unitFigures),
});
export type CaseStatistics = z.infer<typeof caseStatisticsView>;

export const reviewQueueStatus = z.enum(['pending', 'returned', 'afterHearing']);
export type ReviewQueueStatus = z.infer<typeof reviewQueueStatus>;

export const reviewQueueItem = z.object({
  id: z.number(),
  version: z.number(),
  actCode: z.string(),
  title: z.string(),
  state: keyOf(caseStates),
  stateLabel: z.string(),
  organizationName: z.string(),
  party: z.object({ kind: z.enum(['person', 'organization']), name: z.string() }),
  violation: z.string().nullable(),
  proposal: z.object({ kind: z.string(), kindLabel: z.string(), fineFen: z.number().nullable(), description: z.string().nullable() }).nullable(),
  /** Why the decision needs review (《行政处罚法》第五十八条 and the local catalog). */
  reasons: z.array(z.string()),
  status: reviewQueueStatus,
  statusLabel: z.string(),
  /** A hearing was requested and is not held yet: the review that counts comes after it. */
  hearingPending: z.boolean(),
  lastReview: z.object({ on: isoDay, reviewerName: z.string(), passed: z.boolean(), opinion: z.string() }).nullable(),
  /** Open deadlines, earliest first, marked as the case list marks them. */
  deadlines: z.array(deadlineMark),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItem>;

/** GET /api/legal-reviews/queue: one page of the queue (issue 16 item 7: no list unbounded), or one case's entry. */
export const reviewQueueQuery = z.object({
  /** Only this case's entry (the review page of one case): an empty page when it does not await review. */
  caseId: idParam('案件编号').optional(),
  limit: pageLimitInput(),
  offset: pageOffsetInput(),
});
export type ReviewQueueQuery = z.input<typeof reviewQueueQuery>;

export const reviewQueuePage = z.object({ items: z.array(reviewQueueItem), total: z.number() });
export type ReviewQueuePage = z.infer<typeof reviewQueuePage>;
