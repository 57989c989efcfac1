import { z } from 'zod';
import { idParams } from '../../domain/ids.ts';
import {
  consistencyReportView,
  discretionPreview,
  importReport,
  itemDetail,
  itemSummary,
  publicBenchmarks,
  publicExemptions,
  similarCases,
  versionDiff,
  versionStepResult,
  versionSummary,
} from '../../domain/discretion/views.ts';
import { todayOf } from '../../services/cases/case-store.ts';
import {
  exportBenchmarkVersion,
  getBenchmarkItem,
  getPublicBenchmarkItem,
  itemQuery,
  listBenchmarkItems,
  listBenchmarkVersions,
  listPublicBenchmarks,
  listPublicExemptions,
  listVersionsInput,
  publicBenchmarkQuery,
} from '../../services/discretion/browse-benchmarks.ts';
import { assessCaseDiscretion, assessCaseInput } from '../../services/discretion/case-discretion.ts';
import { consistencyQuery, consistencyReport, similarCasesForCase } from '../../services/discretion/consistency.ts';
import { importBenchmarks } from '../../services/discretion/import-benchmarks.ts';
import { benchmarkTemplate, templateQuery } from '../../services/discretion/template.ts';
import {
  benchmarkVersionDiff,
  confirmBenchmarkVersion,
  confirmInput,
  discardBenchmarkVersion,
  withdrawBenchmarkVersion,
  withdrawInput,
} from '../../services/discretion/version-steps.ts';
import type { ServiceContext } from '../../services/context.ts';
import { type PublicLimits, perAddress } from '../public-limits.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';
import { attachment } from '../download.ts';
import { readSingleFileUpload } from '../multipart.ts';

const tags = ['裁量基准'];
const publicTags = ['公开查询'];
// Public, unauthenticated: limited per address, as the other /api/public routes.

/** Staff endpoints: import, browse, export, assess a case, similar cases, the same-case-same-penalty report. */
export function discretionRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.post(
    '/benchmarks/import',
    {
      schema: {
        tags,
        summary: '导入裁量基准或免罚清单为草稿（multipart：file 为 CSV/XLSX；可选字段 kind、name、issuer、documentNumber、effectiveFrom、organizationId）',
        description:
          '形成草稿版本：不公布、不适用，直至负责人确认施行日期。返回前若干事项预览和与现行版本的差异（新增、删除、变更及变更的字段）；逐行报告未导入的行（行号与原因）；文件无法读取或没有可导入的行时返回 400，不导入任何内容，details.rejected 列出各行原因。',
        consumes: ['multipart/form-data'],
        response: { 201: importReport },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file, fields } = await readSingleFileUpload(request, '裁量基准文件');
      return reply.status(201).send(await importBenchmarks(ctx, actor, file, fields));
    },
  );
  app.get(
    '/benchmarks/template',
    { schema: { tags, summary: '下载导入模板（XLSX 或 CSV：应有的列和一行示例）', querystring: templateQuery } },
    async (request, reply) => {
      requireActor(request);
      const template = await benchmarkTemplate(request.query);
      return reply.header('content-type', template.contentType).header('content-disposition', attachment(template.fileName)).send(template.data);
    },
  );
  app.get(
    '/benchmarks/:id/diff',
    { schema: { tags, summary: '草稿与现行版本的差异（新增、删除、变更的事项及变更的字段）', params: idParams, response: { 200: versionDiff } } },
    async (request) => benchmarkVersionDiff(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/benchmarks/:id/confirm',
    {
      schema: {
        tags,
        summary: '负责人确认草稿生效：选择施行日期（不早于今天），自该日起公布并适用；此前作出的决定仍按原版本',
        params: idParams,
        body: confirmInput,
        response: { 200: versionStepResult },
      },
    },
    async (request) => confirmBenchmarkVersion(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/benchmarks/:id/discard',
    { schema: { tags, summary: '放弃草稿（保留记录，不再确认）', params: idParams, response: { 200: versionStepResult } } },
    async (request) => discardBenchmarkVersion(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/benchmarks/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回现行或待施行的版本（须写明理由）：现行版本自今日起停止适用，此前的版本恢复适用；待施行版本不再施行',
        params: idParams,
        body: withdrawInput,
        response: { 200: versionStepResult },
      },
    },
    async (request) => withdrawBenchmarkVersion(ctx, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/benchmarks',
    { schema: { tags, summary: '可查看的裁量基准和免罚清单版本（本单位、上级单位、下级单位及全局）', querystring: listVersionsInput, response: { 200: z.array(versionSummary) } } },
    async (request) => listBenchmarkVersions(ctx, requireActor(request), request.query),
  );
  app.get(
    '/benchmarks/:id/items',
    { schema: { tags, summary: '一个裁量基准版本的违法行为事项', params: idParams, querystring: itemQuery, response: { 200: z.array(itemSummary) } } },
    async (request) => listBenchmarkItems(ctx, requireActor(request), request.params.id, request.query),
  );
  app.get(
    '/benchmarks/:id/export',
    { schema: { tags, summary: '导出为 XLSX（导入版式，含未导入的行及原因），供法制科修改后重新导入', params: idParams } },
    async (request, reply) => {
      const exported = await exportBenchmarkVersion(ctx, requireActor(request), request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(exported.fileName))
        .send(exported.data);
    },
  );
  app.get(
    '/benchmark-items/:id',
    { schema: { tags, summary: '裁量基准事项详情（违则、罚则、法定幅度、各裁量阶次的适用条件和处罚标准）', params: idParams, response: { 200: itemDetail } } },
    async (request) => getBenchmarkItem(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/cases/:id/discretion/assess',
    {
      schema: {
        tags,
        summary: '按案件事实计算裁量阶次、幅度和说明，核对拟罚款数额，判断能否不予处罚，并列出类似案件（不修改案件）',
        params: idParams,
        body: assessCaseInput,
        response: { 200: discretionPreview },
      },
    },
    async (request) => assessCaseDiscretion(ctx, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/cases/:id/similar-cases',
    { schema: { tags, summary: '作出决定时参考的类似已决案件（同一违法行为、同一裁量阶次、数量相近）', params: idParams, response: { 200: similarCases } } },
    async (request) => similarCasesForCase(ctx, requireActor(request), request.params.id),
  );
  app.get(
    '/discretion/consistency',
    {
      schema: {
        tags,
        summary: '同案同罚分析：已决案件按违法行为和裁量阶次分组，标出超出幅度或明显偏离同类案件的案件',
        querystring: consistencyQuery,
        response: { 200: consistencyReportView },
      },
    },
    async (request) => consistencyReport(ctx, requireActor(request), request.query),
  );
}

/** `/api/public/...`: 《行政处罚法》第三十四条 — benchmarks are published; no login. */
export function publicDiscretionRoutes(app: ZodApp, ctx: ServiceContext, limits: PublicLimits): void {
  const rateLimit = perAddress(limits.searchPerAddress);
  app.get(
    '/public/benchmarks',
    {
      config: { rateLimit },
      schema: {
        tags: publicTags,
        summary: '已公布的行政处罚裁量基准及其事项（可按关键词、类别、版本筛选）',
        querystring: publicBenchmarkQuery,
        response: { 200: publicBenchmarks },
      },
    },
    async (request) => listPublicBenchmarks(ctx.db, todayOf(ctx.clock), request.query),
  );
  app.get(
    '/public/benchmarks/items/:id',
    { config: { rateLimit }, schema: { tags: publicTags, summary: '一项已公布的裁量基准（各裁量阶次的适用条件和处罚标准）', params: idParams, response: { 200: itemDetail } } },
    async (request) => getPublicBenchmarkItem(ctx.db, todayOf(ctx.clock), request.params.id),
  );
  app.get(
    '/public/exemptions',
    {
      config: { rateLimit },
      schema: {
        tags: publicTags,
        summary: '已公布的免罚清单（首违不罚、轻微免罚）',
        response: { 200: publicExemptions },
      },
    },
    async () => listPublicExemptions(ctx.db, todayOf(ctx.clock)),
  );
}
