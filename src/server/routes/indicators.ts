/**
 * The figures of the annual report (法治政府建设年度报告, issue #19; docs/REPORTS.md): a unit's indicator table for a
 * year, what each figure counts, and hand-entered figures (手工填报) with their supporting files.
 */
import { z } from 'zod';
import { evidenceMediaTypes, normalizeFileName } from '../../domain/cases/evidence-files.ts';
import { idParam } from '../../domain/ids.ts';
import { indicatorYearQuery, manualIndicatorInput } from '../../domain/indicators/manual.ts';
import { indicatorKey } from '../../domain/indicators/views.ts';
import { indicatorDrillDown as drillDownView, unitIndicator, unitIndicatorTable } from '../../domain/indicators/table-views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { attachManualIndicatorFile, enterManualIndicator, readManualIndicatorFile } from '../../services/indicators/manual-entries.ts';
import { indicatorDrillDown, unitIndicators } from '../../services/indicators/unit-indicators.ts';
import { requireActor } from '../auth.ts';
import { attachment } from '../download.ts';
import { readSingleFileUpload } from '../multipart.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['年度报告指标'];
const keyParams = z.object({ id: idParam('单位编号'), key: indicatorKey });

export function indicatorRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/organizations/:id/indicators',
    {
      schema: {
        tags,
        summary: '单位（含下级单位）某年度的法治政府建设指标：系统计算、手工填报或无记录，计算值优先并显示差异',
        params: z.object({ id: idParam('单位编号') }),
        querystring: indicatorYearQuery,
        response: { 200: unitIndicatorTable },
      },
    },
    async (request) => unitIndicators(ctx, requireActor(request), request.params.id, request.query.year),
  );
  app.get(
    '/organizations/:id/indicators/:key/records',
    {
      schema: {
        tags,
        summary: '指标明细：该数值统计的台账记录，以及计入的手工填报数据',
        params: keyParams,
        querystring: indicatorYearQuery,
        response: { 200: drillDownView },
      },
    },
    async (request) => indicatorDrillDown(ctx, requireActor(request), request.params.id, request.params.key, request.query.year),
  );
  app.put(
    '/organizations/:id/indicators/:key/manual',
    {
      schema: {
        tags,
        summary: '手工填报（或更正）单位某年度的指标数值及数据来源说明（负责人、法制审核员；系统计算值优先）',
        params: keyParams,
        body: manualIndicatorInput,
        response: { 200: unitIndicator },
      },
    },
    async (request) => enterManualIndicator(ctx, requireActor(request), request.params.id, request.params.key, request.body),
  );
  app.post(
    '/organizations/:id/indicators/:key/manual/attachment',
    {
      schema: {
        tags,
        summary: '上传手工填报指标的佐证材料（multipart：file 为文件，year 为年度；SM3 摘要存证，替换原材料）',
        params: keyParams,
        consumes: ['multipart/form-data'],
        response: { 201: unitIndicator },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file, fields } = await readSingleFileUpload(request, '佐证材料');
      return reply.status(201).send(await attachManualIndicatorFile(ctx, actor, request.params.id, request.params.key, file, fields));
    },
  );
  app.get(
    '/organizations/:id/indicators/:key/manual/attachment',
    { schema: { tags, summary: '下载手工填报指标的佐证材料（先校验摘要）', params: keyParams, querystring: indicatorYearQuery } },
    async (request, reply) => {
      const file = await readManualIndicatorFile(ctx, requireActor(request), request.params.id, request.params.key, request.query.year);
      return reply
        .header('content-type', evidenceMediaTypes[file.mediaType] ? file.mediaType : 'application/octet-stream')
        .header('content-disposition', attachment(normalizeFileName(file.fileName, '佐证材料')))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );
}
