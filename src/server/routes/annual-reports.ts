/**
 * The annual report (法治政府建设年度报告, issue #19; docs/REPORTS.md): a unit's draft for a year — create, read, edit,
 * refresh its figures — its workflow steps (送审 → 法制审核 → 审定 → 公开 → 报送, 退回修改), the report as a file (a
 * draft rendered on request and marked 草稿; a published report as frozen, its digest checked first), and the bureau's
 * public key that verifies published reports (public, no login).
 */
import { publicReportList, publicReportQuery, reportFileQuery, reportParams, reportPublicKey, reportView, refreshResult, saveReportInput, reportStepBody } from '../../domain/reports/views.ts';
import { idParams } from '../../domain/ids.ts';
import { listPublishedReports, publicReportFile } from '../../services/reports/public-reports.ts';
import type { ServiceContext } from '../../services/context.ts';
import { createDraft, getDraft, refreshFigures, saveDraft } from '../../services/reports/reports.ts';
import { reportFile } from '../../services/reports/report-file.ts';
import { currentPublicKey } from '../../services/reports/signing-key.ts';
import { SM2_DEFAULT_ID } from '../../services/reports/sm2.ts';
import { transitionReport } from '../../services/reports/transition-report.ts';
import { requireActor } from '../auth.ts';
import { attachment } from '../download.ts';
import type { PublicLimits } from '../public-limits.ts';
import { perAddress } from '../public-limits.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['年度报告'];

export function annualReportRoutes(app: ZodApp, ctx: ServiceContext, limits: PublicLimits): void {
  app.post(
    '/organizations/:id/reports/:year',
    { schema: { tags, summary: '起草本单位某年度的法治政府建设情况报告：按台账数据生成初稿（负责人、法制审核员）', params: reportParams, response: { 201: reportView } } },
    async (request, reply) => reply.status(201).send(await createDraft(ctx, requireActor(request), request.params.id, request.params.year)),
  );
  app.get(
    '/organizations/:id/reports/:year',
    { schema: { tags, summary: '单位某年度的法治政府建设情况报告（草稿或已公开）', params: reportParams, response: { 200: reportView } } },
    async (request) => getDraft(ctx, requireActor(request), request.params.id, request.params.year),
  );
  app.put(
    '/organizations/:id/reports/:year',
    {
      schema: {
        tags,
        summary: '保存报告草稿的修改：段落文字与顺序（数据字段不能手工修改；删去的段落不再出现），须提供所见版本号',
        params: reportParams,
        body: saveReportInput,
        response: { 200: reportView },
      },
    },
    async (request) => saveDraft(ctx, requireActor(request), request.params.id, request.params.year, request.body),
  );
  app.post(
    '/organizations/:id/reports/:year/refresh',
    { schema: { tags, summary: '按台账重新取数：更新报告中的全部数据字段，返回与撰写时不同的数据', params: reportParams, response: { 200: refreshResult } } },
    async (request) => refreshFigures(ctx, requireActor(request), request.params.id, request.params.year, request.body),
  );
  app.post(
    '/organizations/:id/reports/:year/steps',
    {
      schema: {
        tags,
        summary: '报告流程：提交法制科审核、法制审核通过、主要负责人审定、公开（生成报告文件并以SM2签名审计校验附件）、报送、退回修改（须说明理由）',
        params: reportParams,
        body: reportStepBody,
        response: { 200: reportView },
      },
    },
    async (request) => transitionReport(ctx, requireActor(request), request.params.id, request.params.year, request.body),
  );
  app.get(
    '/organizations/:id/reports/:year/file',
    { schema: { tags, summary: '下载报告：已公开的报告为公开时固定的文件（先校验摘要）；草稿即时生成并标注“草稿”', params: reportParams, querystring: reportFileQuery } },
    async (request, reply) => {
      const file = await reportFile(ctx, requireActor(request), request.params.id, request.params.year, request.query.format);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachment(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );
  app.get(
    '/public/report-key',
    {
      config: { rateLimit: perAddress(limits.searchPerAddress) },
      schema: { tags: ['公开查询'], summary: '本机关签署年度报告审计校验附件的SM2公钥（用户标识1234567812345678）；尚未公开报告时为空', response: { 200: reportPublicKey } },
    },
    async () => {
      const key = await currentPublicKey(ctx.db);
      return { algorithm: 'SM2' as const, userId: SM2_DEFAULT_ID, publicKey: key?.publicKey ?? null, createdAt: key?.createdAt ?? null };
    },
  );
  app.get(
    '/public/reports',
    {
      config: { rateLimit: perAddress(limits.searchPerAddress) },
      schema: { tags: ['公开查询'], summary: '已公开的法治政府建设情况报告（各单位、年度），含审计校验附件的摘要与签名', querystring: publicReportQuery, response: { 200: publicReportList } },
    },
    async (request) => listPublishedReports(ctx, request.query.year),
  );
  app.get(
    '/public/reports/:id/file',
    { config: { rateLimit: perAddress(limits.searchPerAddress) }, schema: { tags: ['公开查询'], summary: '下载已公开的报告（公开时固定的文件，先校验摘要）', params: idParams, querystring: reportFileQuery } },
    async (request, reply) => {
      const file = await publicReportFile(ctx, request.params.id, request.query.format);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachment(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  );
}
