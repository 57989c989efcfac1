import { z } from 'zod';
import { idParam } from '../../domain/ids.ts';
import { workOrderCategory, workOrderList, workOrderView } from '../../domain/workorders/views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { workOrderCategories } from '../../services/workorders/catalog.ts';
import { getWorkOrder } from '../../services/workorders/get-work-order.ts';
import { listWorkOrders, workOrderFilter } from '../../services/workorders/list-work-orders.ts';
import { registerWorkOrder } from '../../services/workorders/register-work-order.ts';
import { drillDownQuery, statisticsQuery, workOrderStatistics, workOrderStatisticsOf, workOrderStatisticsOrders } from '../../services/workorders/statistics.ts';
import { transitionWorkOrder, workOrderStepRequest } from '../../services/workorders/transition-work-order.ts';
import { workOrderInput } from '../../domain/workorders/inputs.ts';
import { requireActor } from '../auth.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['工单（热线、投诉举报、信访）'];

export function workOrderRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get('/work-orders/categories', { schema: { tags, summary: '工单类别目录（GB/T 47678.5 管理部件和事项）', response: { 200: z.array(workOrderCategory) } } }, async (request) => {
    requireActor(request);
    return workOrderCategories();
  });
  app.get('/work-orders', { schema: { tags, summary: '工单列表（超期在前，按办结期限）', querystring: workOrderFilter, response: { 200: workOrderList } } }, async (request) =>
    listWorkOrders(ctx, requireActor(request), request.query),
  );
  app.post('/work-orders', { schema: { tags, summary: '受理登记工单', body: workOrderInput, response: { 201: workOrderView } } }, async (request, reply) => {
    const view = await registerWorkOrder(ctx, requireActor(request), request.body);
    return reply.status(201).send(view);
  });
  app.get('/work-orders/:id', { schema: { tags, summary: '工单详情', params: z.object({ id: idParam('工单编号') }), response: { 200: workOrderView } } }, async (request) =>
    getWorkOrder(ctx.db, requireActor(request), request.params.id),
  );
  app.post(
    '/work-orders/:id/transitions',
    { schema: { tags, summary: '工单办理步骤（派单、签收、退单、答复、办结、回访…）', params: z.object({ id: idParam('工单编号') }), body: workOrderStepRequest, response: { 200: workOrderView } } },
    async (request) => transitionWorkOrder(ctx, requireActor(request), request.params.id, request.body),
  );

  // --- statistics and the supervisor's board (wo17web) ---
  app.get(
    '/work-orders/statistics',
    { schema: { tags, summary: '工单统计（按承办单位、渠道、类型、类别、月份、地点；热点）', querystring: statisticsQuery, response: { 200: workOrderStatistics } } },
    async (request) => workOrderStatisticsOf(ctx, requireActor(request), request.query),
  );
  app.get(
    '/work-orders/statistics/orders',
    { schema: { tags, summary: '统计数字背后的工单（下钻）', querystring: drillDownQuery, response: { 200: workOrderList } } },
    async (request) => workOrderStatisticsOrders(ctx, requireActor(request), request.query),
  );
  // --- end statistics ---
}
