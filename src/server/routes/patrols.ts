import { z } from 'zod';
import { evidenceMediaTypes, normalizeFileName } from '../../domain/cases/evidence-files.ts';
import { idParam } from '../../domain/ids.ts';
import { patrolInput, patrolList, patrolListQuery, patrolView, problemInput, problemView } from '../../domain/inspections/patrol-views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { getPatrol, getProblem, listPatrols } from '../../services/inspections/patrol-store.ts';
import { addProblemPhoto, createPatrol, patrolStepRequest, problemStepRequest, readProblemPhoto, recordProblem, transitionPatrol, transitionProblem } from '../../services/inspections/patrols.ts';
import { requireActor } from '../auth.ts';
import { attachment } from '../download.ts';
import { readSingleFileUpload } from '../multipart.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['巡查（巡查任务、发现问题、整改）'];
const idParams = z.object({ id: idParam('编号') });

export function patrolRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get('/patrols', { schema: { tags, summary: '巡查任务列表（按巡查日期，新的在前）', querystring: patrolListQuery, response: { 200: patrolList } } }, async (request) => listPatrols(ctx.db, requireActor(request), request.query));
  app.post('/patrols', { schema: { tags, summary: '下达巡查任务（区域、路线、日期、两名以上执法人员）', body: patrolInput, response: { 201: patrolView } } }, async (request, reply) =>
    reply.status(201).send(await createPatrol(ctx, requireActor(request), request.body)),
  );
  app.get('/patrols/:id', { schema: { tags, summary: '巡查任务详情（含发现的问题）', params: idParams, response: { 200: patrolView } } }, async (request) => getPatrol(ctx.db, requireActor(request), request.params.id));
  app.post('/patrols/:id/transitions', { schema: { tags, summary: '巡查步骤（开始、结束、取消）', params: idParams, body: patrolStepRequest, response: { 200: patrolView } } }, async (request) =>
    transitionPatrol(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post('/patrols/:id/problems', { schema: { tags, summary: '记录巡查发现的问题（类别取自管理部件和事项目录）', params: idParams, body: problemInput, response: { 201: problemView } } }, async (request, reply) =>
    reply.status(201).send(await recordProblem(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.get('/patrol-problems/:id', { schema: { tags, summary: '巡查问题详情', params: idParams, response: { 200: problemView } } }, async (request) => getProblem(ctx.db, requireActor(request), request.params.id));
  app.post('/patrol-problems/:id/transitions', { schema: { tags, summary: '问题处置（责令整改、整改核查、移送立案）', params: idParams, body: problemStepRequest, response: { 200: problemView } } }, async (request) =>
    transitionProblem(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/patrol-problems/:id/photos',
    { schema: { tags, summary: '上传问题照片（multipart：file；SM3 摘要存证）', params: idParams, consumes: ['multipart/form-data'], response: { 201: problemView } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file } = await readSingleFileUpload(request, '问题照片');
      return reply.status(201).send(await addProblemPhoto(ctx, actor, request.params.id, file));
    },
  );
  app.get('/patrol-problems/:id/photos/:seq/file', { schema: { tags, summary: '下载问题照片（先校验摘要）', params: idParams.extend({ seq: idParam('照片序号') }) } }, async (request, reply) => {
    const file = await readProblemPhoto(ctx, requireActor(request), request.params.id, request.params.seq);
    return reply
      .header('content-type', evidenceMediaTypes[file.mediaType] ? file.mediaType : 'application/octet-stream')
      .header('content-disposition', attachment(normalizeFileName(file.fileName, `巡查照片-${String(request.params.seq)}`)))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-store')
      .send(file.data);
  });
}
