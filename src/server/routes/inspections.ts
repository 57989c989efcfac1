import { z } from 'zod';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { idParam } from '../../domain/ids.ts';
import { dateInput, textInput } from '../../domain/input-kit.ts';
import { inspectionItemInput, subjectInput } from '../../domain/inspections/inputs.ts';
import { AppError } from '../../domain/errors.ts';
import { ratingInput } from '../../domain/inspections/rating.ts';
import { inspectionCodeCheck, inspectionItemView, inspectionList, inspectionLoadView, inspectionRatingView, inspectionView, subjectImportResult, subjectList, subjectView } from '../../domain/inspections/views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { getInspection } from '../../services/inspections/get-inspection.ts';
import { addInspectionItem, listInspectionItems, publishedInspectionItems, publishInspectionItem, withdrawInspectionItem } from '../../services/inspections/items.ts';
import { inspectionListQuery, inspectionLoad, inspectionLoadQuery, listInspections } from '../../services/inspections/list-inspections.ts';
import { rateInspection } from '../../services/inspections/rate-inspection.ts';
import { inspectionInput, registerInspection } from '../../services/inspections/register-inspection.ts';
import { addSubject, importSubjects, listSubjects, subjectQuery } from '../../services/inspections/subjects.ts';
import { inspectionStepRequest, transitionInspection } from '../../services/inspections/transition-inspection.ts';
import { checkInspectionCode } from '../../services/inspections/verify-code.ts';
import { requireActor } from '../auth.ts';
import { readSingleFileUpload } from '../multipart.ts';
import { type ActLookupGuard, noStore, perAddress, type PublicLimits } from '../public-limits.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['行政检查（检查事项、检查对象、检查）'];
const orgParams = z.object({ id: idParam('组织机构编号') });
const idParams = z.object({ id: idParam('编号') });

export function inspectionRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get('/organizations/:id/inspection-items', { schema: { tags, summary: '可使用的检查事项（本单位及上级单位的清单，含草稿和已撤销）', params: orgParams, response: { 200: z.array(inspectionItemView) } } }, async (request) =>
    listInspectionItems(ctx.db, requireActor(request), request.params.id),
  );
  app.post('/organizations/:id/inspection-items', { schema: { tags, summary: '新增检查事项（草稿，公布后方可检查）', params: orgParams, body: inspectionItemInput, response: { 201: inspectionItemView } } }, async (request, reply) =>
    reply.status(201).send(await addInspectionItem(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.post('/inspection-items/:id/publish', { schema: { tags, summary: '公布检查事项（自指定日期起列入检查事项清单）', params: idParams, body: z.object({ publishedOn: dateInput('公布日期') }), response: { 200: inspectionItemView } } }, async (request) =>
    publishInspectionItem(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/inspection-items/:id/withdraw',
    { schema: { tags, summary: '撤销检查事项（自指定日期起不得再检查）', params: idParams, body: z.object({ withdrawnOn: dateInput('撤销日期'), reason: textInput('撤销理由') }), response: { 200: inspectionItemView } } },
    async (request) => withdrawInspectionItem(ctx, requireActor(request), request.params.id, request.body),
  );
  app.get('/organizations/:id/inspection-subjects', { schema: { tags, summary: '检查对象库（分页，可按名称或信用代码检索）', params: orgParams, querystring: subjectQuery, response: { 200: subjectList } } }, async (request) =>
    listSubjects(ctx.db, requireActor(request), request.params.id, request.query),
  );
  app.post('/organizations/:id/inspection-subjects', { schema: { tags, summary: '录入检查对象', params: orgParams, body: subjectInput, response: { 201: subjectView } } }, async (request, reply) =>
    reply.status(201).send(await addSubject(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/organizations/:id/inspection-subjects/import',
    { schema: { tags, summary: '导入检查对象（multipart：file 为 CSV/XLSX，列：名称、统一社会信用代码、对象类型、地址、行业类别、风险等级）；逐行报告未导入的行', params: orgParams, consumes: ['multipart/form-data'], response: { 200: subjectImportResult } } },
    async (request) => {
      const actor = requireActor(request);
      const { file } = await readSingleFileUpload(request, '检查对象文件');
      return importSubjects(ctx, actor, request.params.id, file.fileName, file.data);
    },
  );
  app.get(
    '/organizations/:id/inspections',
    { schema: { tags, summary: '本单位及下级单位的行政检查（分页；state=rectifying 为整改看板，按整改期限排序；mine=true 为本人参与的检查）', params: orgParams, querystring: inspectionListQuery, response: { 200: inspectionList } } },
    async (request) => listInspections(ctx.db, requireActor(request), request.params.id, request.query),
  );
  app.get(
    '/organizations/:id/inspection-load',
    {
      schema: {
        tags,
        summary: '涉企检查频次监督：各检查对象本年度被检查次数（不含已取消），按事项列出计入年度频次上限的次数；capStatus=reached 只看已达或超过上限的对象（分页）',
        params: orgParams,
        querystring: inspectionLoadQuery,
        response: { 200: inspectionLoadView },
      },
    },
    async (request) => inspectionLoad(ctx.db, ctx.clock, requireActor(request), request.params.id, request.query),
  );
  app.post('/inspections', { schema: { tags, summary: '登记行政检查（紧急检查可事后登记）', body: inspectionInput, response: { 201: inspectionView } } }, async (request, reply) =>
    reply.status(201).send(await registerInspection(ctx, requireActor(request), request.body)),
  );
  app.get('/inspections/:id', { schema: { tags, summary: '行政检查详情', params: idParams, response: { 200: inspectionView } } }, async (request) => getInspection(ctx.db, requireActor(request), request.params.id));
  app.post(
    '/inspections/:id/transitions',
    { schema: { tags, summary: '行政检查步骤（赋码、记录、复查、移送、取消）', params: idParams, body: inspectionStepRequest, response: { 200: inspectionView } } },
    async (request) => transitionInspection(ctx, requireActor(request), request.params.id, request.body),
  );
}

/** The portal's part: the published list and the 行政检查码 check (扫码入企). */
export function publicInspectionRoutes(app: ZodApp, ctx: ServiceContext, limits: PublicLimits, guard: ActLookupGuard): void {
  app.get(
    '/public/inspection-items',
    { config: { rateLimit: perAddress(limits.searchPerAddress) }, schema: { tags, summary: '检查事项清单（已公布、现行有效）', querystring: z.object({ organizationId: idParam('组织机构编号') }), response: { 200: z.array(inspectionItemView) } } },
    async (request) => publishedInspectionItems(ctx.db, request.query.organizationId, chinaDateOf(ctx.clock())),
  );
  app.get(
    '/public/inspection-codes/:code',
    { onRequest: noStore, config: { rateLimit: perAddress(limits.actLookupPerAddress) }, schema: { tags, summary: '核验行政检查码（检查单位、事项、日期、执法人员）', params: z.object({ code: z.string().max(40) }), response: { 200: inspectionCodeCheck } } },
    async (request) => checkInspectionCode(ctx, request.params.code),
  );
  app.post(
    '/public/inspection-codes/:code/rating',
    {
      onRequest: noStore,
      config: { anonymous: true, rateLimit: perAddress(limits.actLookupPerAddress) },
      schema: {
        tags,
        summary: '企业凭行政检查码匿名评价本次检查（不收集个人信息；每个检查码评价一次，检查之日起 30 日内）；同一地址多次提交无效检查码后，须先完成验证题（428）',
        params: z.object({ code: z.string().max(40) }),
        body: ratingInput,
        response: { 201: inspectionRatingView },
      },
    },
    async (request, reply) => {
      guard.admit(request);
      try {
        return reply.status(201).send(await rateInspection(ctx, request.params.code, request.body));
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') guard.miss(request);
        throw error;
      }
    },
  );
}
