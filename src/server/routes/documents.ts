import { z } from 'zod';
import { idParam, idParams } from '../../domain/ids.ts';
import { documentTemplates } from '../../domain/documents/catalog.ts';
import { documentType, generatedDocument } from '../../domain/documents/views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { generateCaseDocument, listGeneratedDocuments, readGeneratedDocument } from '../../services/documents/generated-documents.ts';
import { CASE_FILE_TYPE } from '../../services/documents/render-for-case.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';
import { attachment } from '../download.ts';

const tags = ['执法文书'];
const caseParams = idParams;
export function documentRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/document-types',
    {
      schema: {
        tags,
        summary: '可生成的执法文书种类（含“案卷”：整本案卷 PDF）',
        response: { 200: z.array(documentType) },
      },
    },
    async (request) => {
      requireActor(request);
      return [
        ...documentTemplates.map((t) => ({ id: t.id, name: t.name, stage: t.stage, basis: t.basis })),
        { id: 'caseFile', name: CASE_FILE_TYPE, stage: '归档', basis: '按卷内目录顺序装订的整本案卷' },
      ];
    },
  );
  app.get(
    '/cases/:id/documents',
    { schema: { tags, summary: '案件已生成的执法文书', params: caseParams, response: { 200: z.array(generatedDocument) } } },
    async (request) => listGeneratedDocuments(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/cases/:id/documents',
    {
      schema: {
        tags,
        summary: '生成执法文书并存档（执法机关信息取自案件所属单位的办案参数；缺少必填内容时返回错误并列出缺少的字段）',
        params: caseParams,
        body: z.object({
          type: z.string().min(1, '请选择文书种类'),
          format: z.enum(['docx', 'pdf']).default('docx'),
          instance: z.number().int().min(0).optional(),
        }),
        response: { 201: generatedDocument },
      },
    },
    async (request, reply) => reply.status(201).send(await generateCaseDocument(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/cases/:id/documents/:documentId/file',
    {
      schema: {
        tags,
        summary: '下载已生成的文书（读取时重新校验 SM3 摘要）',
        params: caseParams.extend({ documentId: idParam('文书编号') }),
      },
    },
    async (request, reply) => {
      const { document, data, mimeType } = await readGeneratedDocument(ctx, requireActor(request), request.params.id, request.params.documentId);
      return reply
        .header('content-type', mimeType)
        .header('content-disposition', attachment(document.fileName))
        // A document names the party: not kept by browsers or proxies.
        .header('cache-control', 'no-store')
        .header('x-content-sm3', document.digest)
        .send(data);
    },
  );
}
