/**
 * The supervisor's roll-up of the annual reports (issue #19 item 5; docs/REPORTS.md "汇总与晾晒"): uploaded reports of
 * units that do not use Fazhi, the roll-up table with report status and ranking, its weights and XLSX, and the
 * side-by-side comparison.
 */
import { z } from 'zod';
import { normalizeFileName } from '../../domain/cases/evidence-files.ts';
import {
  comparisonQuery,
  organizationIdParams,
  rankingWeightsInput,
  rankingWeightsView,
  reportComparison,
  reportRollup as reportRollupView,
  reportUploadsQuery,
  reportUploadView,
  rollupQuery,
  uploadParams,
} from '../../domain/rollup/views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { compareReports, exportReportRollup, reportRollup, setRankingWeights } from '../../services/rollup/report-rollup.ts';
import { listReportUploads, readReportUploadFile, reportUploadTypes, uploadReport } from '../../services/rollup/report-uploads.ts';
import type { AnalysisGate } from '../analysis-gate.ts';
import { requireActor } from '../auth.ts';
import { attachment, xlsxHeaders } from '../download.ts';
import { readSingleFileUpload } from '../multipart.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['年度报告汇总'];

export function reportRollupRoutes(app: ZodApp, ctx: ServiceContext, gate: AnalysisGate): void {
  app.post(
    '/organizations/:id/report-uploads',
    {
      schema: {
        tags,
        summary: '上传单位的年度报告（multipart：file 为 .docx/.pdf/.txt，year 为年度，publishedOn 为公开日期，可选）；上传即分析，重新上传替换原报告',
        params: organizationIdParams,
        consumes: ['multipart/form-data'],
        response: { 201: reportUploadView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file, fields } = await readSingleFileUpload(request, '年度报告文件');
      // Reading a .docx or .pdf is heavy: within the process's analysis limit, like POST /api/reports/analyze.
      const saved = await gate.run(() => uploadReport(ctx, actor, request.params.id, file, fields));
      return reply.status(201).send(saved);
    },
  );
  app.get(
    '/organizations/:id/report-uploads',
    { schema: { tags, summary: '单位及下级单位上传的年度报告（含分析结果）', params: organizationIdParams, querystring: reportUploadsQuery, response: { 200: z.array(reportUploadView) } } },
    async (request) => listReportUploads(ctx, requireActor(request), request.params.id, request.query.year),
  );
  app.get(
    '/organizations/:id/report-uploads/:uploadId/file',
    { schema: { tags, summary: '下载上传的年度报告文件（先校验摘要）', params: uploadParams } },
    async (request, reply) => {
      const file = await readReportUploadFile(ctx, requireActor(request), request.params.id, request.params.uploadId);
      return reply
        .header('content-type', Object.values(reportUploadTypes).includes(file.mediaType) ? file.mediaType : 'application/octet-stream')
        .header('content-disposition', attachment(normalizeFileName(file.fileName, '年度报告')))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );
  app.get(
    '/organizations/:id/report-rollup',
    {
      schema: {
        tags,
        summary: '年度报告汇总：下级单位的报告状态、指标汇总表（合计：件数金额相加，比率按分子分母之和计算）与晾晒排名（监督员）',
        params: organizationIdParams,
        querystring: rollupQuery,
        response: { 200: reportRollupView },
      },
    },
    async (request) => reportRollup(ctx, requireActor(request), request.params.id, request.query.year, request.query.depth),
  );
  app.put(
    '/organizations/:id/report-rollup/weights',
    { schema: { tags, summary: '设置本单位某年度汇总的晾晒权重（监督员；每项 0–100）', params: organizationIdParams, body: rankingWeightsInput, response: { 200: rankingWeightsView } } },
    async (request) => setRankingWeights(ctx, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/organizations/:id/report-rollup/export',
    { schema: { tags, summary: '导出年度报告汇总为 XLSX（指标汇总、数据来源、报告状态、晾晒排名）', params: organizationIdParams, querystring: rollupQuery } },
    async (request, reply) => {
      const exported = await exportReportRollup(ctx, requireActor(request), request.params.id, request.query.year, request.query.depth);
      return reply.headers(xlsxHeaders(exported)).send(exported.stream);
    },
  );
  app.get(
    '/organizations/:id/report-comparison',
    {
      schema: {
        tags,
        summary: '年度报告对比：所选下级单位的报告各部分是否齐全、指标并列（监督员）',
        params: organizationIdParams,
        querystring: comparisonQuery,
        response: { 200: reportComparison },
      },
    },
    async (request) => compareReports(ctx, requireActor(request), request.params.id, request.query.year, request.query.units),
  );
}

