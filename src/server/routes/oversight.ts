import { caseStatisticsView, reviewQueuePage, reviewQueueQuery } from '../../domain/cases/oversight-views.ts';
import { caseStatistics, caseStatisticsInput } from '../../services/cases/case-statistics.ts';
import { reviewQueuePage as readReviewQueuePage } from '../../services/cases/review-queue.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';
import { xlsxHeaders } from '../download.ts';
import { exportReviewQueue, exportStatistics, statisticsExportQuery } from '../../services/cases/export-lists.ts';

const tags = ['执法监督'];
/** Supervision: the reviewer's queue and the dashboard figures, both limited to the actor's subtree. */
export function oversightRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/legal-reviews/queue',
    {
      schema: {
        tags,
        summary: '待法制审核的案件（《行政处罚法》第五十八条及本地审核目录），按最近期限排序；分页（limit 至多 100，offset），caseId 只查一件',
        querystring: reviewQueueQuery,
        response: { 200: reviewQueuePage },
      },
    },
    async (request) => readReviewQueuePage(ctx, requireActor(request), request.query),
  );
  app.get(
    '/stats/cases',
    {
      schema: {
        tags,
        summary: '监督看板：案件按状态、登记月份，超期与即将到期，处罚种类与违法行为（件数、罚款），各单位对比',
        querystring: caseStatisticsInput,
        response: { 200: caseStatisticsView },
      },
    },
    async (request) => caseStatistics(ctx, requireActor(request), request.query),
  );
  app.get(
    '/legal-reviews/queue/export',
    { schema: { tags, summary: '导出待法制审核的案件为 XLSX' } },
    async (request, reply) => {
      const exported = await exportReviewQueue(ctx, requireActor(request));
      return reply.headers(xlsxHeaders(exported)).send(exported.stream);
    },
  );
  app.get(
    '/stats/cases/export',
    { schema: { tags, summary: '导出监督看板各表为 XLSX（每表一个工作表；登记日期范围同 GET /api/stats/cases）', querystring: statisticsExportQuery } },
    async (request, reply) => {
      const exported = await exportStatistics(ctx, requireActor(request), request.query);
      return reply.headers(xlsxHeaders(exported)).send(exported.stream);
    },
  );
}
