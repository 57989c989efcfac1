import { z } from 'zod';
import { reportOutcome } from '../../domain/analyzer/views.ts';
import { validationError } from '../../domain/errors.ts';
import { type ReportFile, analyzeReports } from '../../services/analyze-reports.ts';
import { REPORT_UPLOAD_LIMITS, type ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';


export function reportRoutes(app: ZodApp): void {
  app.post(
    '/reports/analyze',
    {
      schema: {
        tags: ['年度报告'],
        summary: '分析法治政府建设年度报告（multipart 上传一个或多个 .txt/.docx/.pdf/.html 文件）',
        description: '每个文件返回一项，顺序与上传顺序相同；无法读取的文件返回 error，其余文件照常分析。',
        consumes: ['multipart/form-data'],
        response: { 200: z.array(reportOutcome) },
      },
    },
    async (request) => {
      requireActor(request);
      if (!request.isMultipart()) throw validationError('请以 multipart/form-data 上传报告文件');
      const files: ReportFile[] = [];
      for await (const part of request.files()) {
        const data = await part.toBuffer();
        if (part.file.truncated) throw validationError(`文件 ${part.filename} 超过 ${REPORT_UPLOAD_LIMITS.fileSize / 1024 / 1024} MB`);
        files.push({ fileName: part.filename, data });
      }
      if (files.length === 0) throw validationError('请至少上传一个报告文件');
      const outcomes = await analyzeReports(files);
      return outcomes.map((o) =>
        o.ok ? { ...o.analysis, file: o.file } : { file: o.file, error: { code: o.error.code, message: o.error.message } },
      );
    },
  );
}
