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
import { workOrderCaseInput } from '../../domain/workorders/case-input.ts';
import { workOrderInput } from '../../domain/workorders/inputs.ts';
import { evidenceMediaTypes, normalizeFileName } from '../../domain/cases/evidence-files.ts';
import { dispatchRuleInput, dispatchRuleQuery } from '../../domain/workorders/dispatch.ts';
import { workOrderSettingsPatch } from '../../domain/workorders/settings.ts';
import { dispatchRuleImport, dispatchRuleView, workOrderSettingsAnswer } from '../../domain/workorders/views.ts';
import { importDispatchRules } from '../../services/workorders/import-dispatch-rules.ts';
import { addWorkOrderAttachment, readWorkOrderAttachment } from '../../services/workorders/attachments.ts';
import { listDispatchRules, removeDispatchRule, setDispatchRule } from '../../services/workorders/dispatch-rules.ts';
import { getWorkOrderSettings, setWorkOrderSettings } from '../../services/workorders/settings.ts';
import { registerCaseFromWorkOrder } from '../../services/workorders/to-case.ts';
import { requireActor } from '../auth.ts';
import { attachment } from '../download.ts';
import { readSingleFileUpload } from '../multipart.ts';
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

  // ——— wo17api: the dispatch catalog, local parameters, to a case, attachments ———
  const idParams = z.object({ id: idParam('工单编号') });
  app.get(
    '/work-orders/dispatch-rules',
    { schema: { tags, summary: '派单目录（本单位及上级单位的规则：类别 → 默认承办单位，是否局机关职责事项）', querystring: dispatchRuleQuery, response: { 200: z.array(dispatchRuleView) } } },
    async (request) => listDispatchRules(ctx, requireActor(request), request.query.organizationId),
  );
  app.put(
    '/work-orders/dispatch-rules',
    { schema: { tags, summary: '设置派单规则（管理员、负责人；局机关职责事项不得下派乡镇街道，国办函〔2025〕66号）', body: dispatchRuleInput, response: { 200: dispatchRuleView } } },
    async (request) => setDispatchRule(ctx, requireActor(request), request.body),
  );
  app.post(
    '/work-orders/dispatch-rules/import',
    {
      schema: {
        tags,
        summary: '导入派单目录（管理员、负责人；multipart：file 为 CSV/XLSX，表头含 部件/事项、类别编码、默认承办单位、局机关职责事项，可选 说明；organizationId 为导入到的单位）',
        description: '逐行校验，逐行报告未导入的行（行号与原因），其余行替换本单位同一类别的规则；没有可导入的行时返回 400，不导入任何内容。',
        consumes: ['multipart/form-data'],
        response: { 201: dispatchRuleImport },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file, fields } = await readSingleFileUpload(request, '派单目录文件');
      return reply.status(201).send(await importDispatchRules(ctx, actor, file, fields));
    },
  );
  app.delete(
    '/work-orders/dispatch-rules/:id',
    { schema: { tags, summary: '删除派单规则（管理员、负责人）', params: z.object({ id: idParam('派单规则编号') }), response: { 204: z.null().describe('已删除') } } },
    async (request, reply) => {
      await removeDispatchRule(ctx, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/organizations/:id/work-order-settings',
    { schema: { tags, summary: '工单参数（签收、办理期限等生效值及其来源）', params: z.object({ id: idParam('单位编号') }), response: { 200: workOrderSettingsAnswer } } },
    async (request) => getWorkOrderSettings(ctx, requireActor(request), request.params.id),
  );
  app.put(
    '/organizations/:id/work-order-settings',
    {
      schema: { tags, summary: '设置本单位工单参数（管理员、负责人；未设置的项继承上级或默认值）', params: z.object({ id: idParam('单位编号') }), body: workOrderSettingsPatch, response: { 200: workOrderSettingsAnswer } },
    },
    async (request) => setWorkOrderSettings(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/work-orders/:id/case',
    { schema: { tags, summary: '工单转为案件线索（预填违法事实、地点；一个工单只能转为一个案件）', params: idParams, body: workOrderCaseInput, response: { 201: workOrderView } } },
    async (request, reply) => reply.status(201).send(await registerCaseFromWorkOrder(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/work-orders/:id/attachments',
    {
      schema: {
        tags,
        summary: '上传工单附件（multipart：file 为文件，purpose 为 registration 登记材料或 result 办理结果；SM3 摘要存证）',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: workOrderView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file, fields } = await readSingleFileUpload(request, '工单附件');
      return reply.status(201).send(await addWorkOrderAttachment(ctx, actor, request.params.id, file, fields));
    },
  );
  app.get(
    '/work-orders/:id/attachments/:seq/file',
    { schema: { tags, summary: '下载工单附件（先校验摘要）', params: idParams.extend({ seq: idParam('附件序号') }) } },
    async (request, reply) => {
      const file = await readWorkOrderAttachment(ctx, requireActor(request), request.params.id, request.params.seq);
      return reply
        .header('content-type', evidenceMediaTypes[file.mediaType] ? file.mediaType : 'application/octet-stream')
        .header('content-disposition', attachment(normalizeFileName(file.fileName, `工单附件-${String(request.params.seq)}`)))
        .header('x-content-type-options', 'nosniff')
        // Photos of people and places, the requester's letters: not kept by browsers or proxies.
        .header('cache-control', 'no-store')
        .send(file.data);
    },
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
