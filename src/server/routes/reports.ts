import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { reportOutcome } from '../../domain/analyzer/views.ts';
import { validationError } from '../../domain/errors.ts';
import { type ReportOutcome, analyzeReport } from '../../services/analyze-reports.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';
import { type AnalysisGate, ANALYSES_AT_ONCE, ANALYSIS_BUSY_MESSAGE, ANALYSIS_QUEUE_LENGTH } from '../analysis-gate.ts';
import { type ReportUploadLimits, withSpooledUploads } from '../report-uploads.ts';

export interface ReportRouteOptions {
  limits: ReportUploadLimits;
  gate: AnalysisGate;
}

export function reportRoutes(app: ZodApp, options: ReportRouteOptions): void {
  const { limits, gate } = options;
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  app.post(
    '/reports/analyze',
    {
      schema: {
        tags: ['年度报告'],
        summary: '分析法治政府建设年度报告（multipart 上传一个或多个 .txt/.docx/.pdf/.html 文件）',
        description:
          `每个文件返回一项，顺序与上传顺序相同；无法读取的文件返回 error，其余文件照常分析。单个文件不超过 ${mb(limits.fileBytes)} MB，` +
          `一次合计不超过 ${mb(limits.requestBytes)} MB、${limits.files} 个文件（超出时 413）。同时最多进行 ${ANALYSES_AT_ONCE} 项分析，` +
          `另有至多 ${ANALYSIS_QUEUE_LENGTH} 项排队等候；再多时返回 503“${ANALYSIS_BUSY_MESSAGE}”。`,
        consumes: ['multipart/form-data'],
        response: { 200: z.array(reportOutcome) },
      },
    },
    async (request) => {
      requireActor(request);
      if (!request.isMultipart()) throw validationError('请以 multipart/form-data 上传报告文件');
      // Received to temporary files first (bounded), then analyzed one file at a time within the process's limit.
      const outcomes = await withSpooledUploads(request, limits, async (files) => {
        if (files.length === 0) throw validationError('请至少上传一个报告文件');
        return gate.run(async () => {
          const results: ReportOutcome[] = [];
          for (const file of files) results.push(await analyzeReport(file.fileName, await readFile(file.path)));
          return results;
        });
      });
      return outcomes.map((o) =>
        o.ok ? { ...o.analysis, file: o.file } : { file: o.file, error: { code: o.error.code, message: o.error.message } },
      );
    },
  );
}
