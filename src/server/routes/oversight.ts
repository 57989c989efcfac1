import { z } from 'zod';
import { caseStateKeys, type DeadlineKind, deadlineKinds, penaltyKindKeys } from '../../domain/cases/model.ts';
import { type CaseStatistics, caseStatistics, caseStatisticsInput } from '../../services/cases/case-statistics.ts';
import { listReviewQueue, type ReviewQueueItem } from '../../services/cases/review-queue.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';

const tags = ['执法监督'];
const deadlineKind = z.enum(Object.keys(deadlineKinds) as [DeadlineKind, ...DeadlineKind[]]);

const deadlineEntry = z.object({
  caseId: z.number(),
  actCode: z.string(),
  title: z.string(),
  organizationName: z.string(),
  kind: deadlineKind,
  label: z.string(),
  dueOn: z.string(),
});
const counted = { count: z.number(), fineFen: z.number() };

const statistics = z.object({
  today: z.string(),
  dueSoonUntil: z.string(),
  scope: z.object({ organizationId: z.number().nullable(), organizationName: z.string() }),
  range: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  totals: z.object({ cases: z.number(), decided: z.number(), overdue: z.number(), dueSoon: z.number(), penalties: z.number(), fineFen: z.number() }),
  byState: z.array(z.object({ state: z.enum(caseStateKeys), label: z.string(), count: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  overdue: z.object({ cases: z.number(), items: z.array(deadlineEntry) }),
  dueSoon: z.object({ cases: z.number(), items: z.array(deadlineEntry) }),
  byPenaltyKind: z.array(z.object({ kind: z.enum(penaltyKindKeys), label: z.string(), ...counted })),
  byViolation: z.array(z.object({ code: z.string(), name: z.string(), category: z.string(), cases: z.number(), penalties: z.number(), fineFen: z.number() })),
  units: z.array(
    z.object({ organizationId: z.number(), name: z.string(), ownLevel: z.boolean(), cases: z.number(), decided: z.number(), overdue: z.number(), fineFen: z.number() }),
  ),
}) satisfies z.ZodType<CaseStatistics>;

const reviewQueueItem = z.object({
  id: z.number(),
  version: z.number(),
  actCode: z.string(),
  title: z.string(),
  state: z.enum(caseStateKeys),
  stateLabel: z.string(),
  organizationName: z.string(),
  party: z.object({ kind: z.enum(['person', 'organization']), name: z.string() }),
  violation: z.string().nullable(),
  proposal: z.object({ kind: z.string(), kindLabel: z.string(), fineFen: z.number().nullable(), description: z.string().nullable() }).nullable(),
  reasons: z.array(z.string()),
  status: z.enum(['pending', 'returned', 'afterHearing']),
  statusLabel: z.string(),
  hearingPending: z.boolean(),
  lastReview: z.object({ on: z.string(), reviewerName: z.string(), passed: z.boolean(), opinion: z.string() }).nullable(),
  deadlines: z.array(z.object({ kind: deadlineKind, label: z.string(), dueOn: z.string(), overdue: z.boolean(), dueSoon: z.boolean() })),
}) satisfies z.ZodType<ReviewQueueItem>;

/** Supervision: the reviewer's queue and the dashboard figures, both limited to the actor's subtree. */
export function oversightRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/legal-reviews/queue',
    {
      schema: {
        tags,
        summary: '待法制审核的案件（《行政处罚法》第五十八条及本地审核目录），按最近期限排序',
        response: { 200: z.array(reviewQueueItem) },
      },
    },
    async (request) => listReviewQueue(ctx, requireActor(request)),
  );
  app.get(
    '/stats/cases',
    {
      schema: {
        tags,
        summary: '监督看板：案件按状态、登记月份，超期与即将到期，处罚种类与违法行为（件数、罚款），各单位对比',
        querystring: caseStatisticsInput,
        response: { 200: statistics },
      },
    },
    async (request) => caseStatistics(ctx, requireActor(request), request.query),
  );
}
