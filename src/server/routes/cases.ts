import { listCasePeople } from '../../services/cases/case-people.ts';
import { idParam, idParams } from '../../domain/ids.ts';
import { z } from 'zod';
import { caseActionInput } from '../../domain/cases/actions.ts';
import { evidenceMediaTypes, MAX_EVIDENCE_VIDEO_BYTES, normalizeFileName } from '../../domain/cases/evidence-files.ts';
import { deadlineItem } from '../../domain/cases/oversight-views.ts';
import { caseSettingsPatch } from '../../domain/cases/settings.ts';
import {
  caseSettingsAnswer,
  caseSummary,
  caseTimelinePage,
  caseView,
  casePerson,
  evidenceAdded,
  evidenceCheck,
  powerItem,
  powerListEntry,
  powerListImport,
  publication,
} from '../../domain/cases/views.ts';
import { addEvidence, addEvidenceStream, evidenceInput, MAX_EVIDENCE_BYTES } from '../../services/cases/add-evidence.ts';
import { findCaseIdByCode } from '../../services/cases/case-store.ts';
import { getCaseSettings, setCaseSettings } from '../../services/cases/case-settings.ts';
import { decideOnSpot, onSpotInput } from '../../services/cases/decide-on-spot.ts';
import { getCase } from '../../services/cases/get-case.ts';
import { caseTimelineQuery, getCaseTimeline } from '../../services/cases/case-timeline.ts';
import { listCasesInput, listCasesPage } from '../../services/cases/list-cases.ts';
import { deadlineQuery, listDeadlines } from '../../services/cases/list-deadlines.ts';
import { importPowerItems } from '../../services/cases/import-power-items.ts';
import { addPowerItem, listPowerItems, powerItemInput, powerItemListQuery, powerItemPatch, updatePowerItem } from '../../services/cases/power-list.ts';
import { publishDecision } from '../../services/cases/publicity.ts';
import { clueInput, registerClue } from '../../services/cases/register-clue.ts';
import { transitionCase, transitionRequest } from '../../services/cases/transition-case.ts';
import { readEvidenceFile, verifyEvidence } from '../../services/cases/verify-evidence.ts';
import { addPartySignature, partySignatureAdded, partySignatureInput, readPartySignature } from '../../services/cases/party-signature.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';
import { attachment, xlsxHeaders } from '../download.ts';
import { caseExportQuery, deadlineExportQuery, exportCaseList, exportDeadlines } from '../../services/cases/export-lists.ts';
import { readSingleFileUpload, readStreamedUpload } from '../multipart.ts';
import { AppError } from '../../domain/errors.ts';

const tags = ['行政处罚案件'];

export function caseRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: '本单位及下级单位的案件（筛选见 docs/CASES.md；符合条件的总数在响应头 x-total-count，最多数到 1000：超过时为 1000，并有响应头 x-total-capped: true）',
        querystring: listCasesInput,
        response: { 200: z.array(caseSummary) },
      },
    },
    async (request, reply) => {
      const page = await listCasesPage(ctx, requireActor(request), request.query);
      reply.header('x-total-count', String(page.total));
      if (page.totalCapped) reply.header('x-total-capped', 'true');
      return reply.send(page.items);
    },
  );
  app.get(
    '/cases/export',
    {
      schema: {
        tags,
        summary: '导出案件列表为 XLSX（筛选条件同 GET /api/cases，不分页；最多 10000 件，超出时“说明”表注明）',
        querystring: caseExportQuery,
      },
    },
    async (request, reply) => {
      const exported = await exportCaseList(ctx, requireActor(request), request.query);
      return reply.headers(xlsxHeaders(exported)).send(exported.stream);
    },
  );
  app.post(
    '/cases',
    { schema: { tags, summary: '登记案件线索（生成行政行为码）', body: clueInput, response: { 201: caseView } } },
    async (request, reply) => reply.status(201).send(await registerClue(ctx, requireActor(request), request.body)),
  );
  app.post(
    '/cases/on-spot',
    { schema: { tags, summary: '简易程序当场处罚（《行政处罚法》第五十一条）', body: onSpotInput, response: { 201: caseView } } },
    async (request, reply) => reply.status(201).send(await decideOnSpot(ctx, requireActor(request), request.body)),
  );
  app.get(
    '/cases/by-code/:code',
    { schema: { tags, summary: '按行政行为码查看案件', params: z.object({ code: z.string().max(40) }), response: { 200: caseView } } },
    async (request) => {
      const actor = requireActor(request);
      return getCase(ctx, actor, await findCaseIdByCode(ctx.db, actor, request.params.code), ctx.clock());
    },
  );
  app.get(
    '/cases/:id',
    { schema: { tags, summary: '案件详情（当事人、事实、依据、处罚、承办人员、文书、期限、证据；办理记录见 /timeline）', params: idParams, response: { 200: caseView } } },
    async (request) => getCase(ctx, requireActor(request), request.params.id, ctx.clock()),
  );
  app.get(
    '/cases/:id/timeline',
    {
      schema: {
        tags,
        summary: '案件办理记录（审计链，新的在前，分页：limit 每页条数，默认 50，最多 200；下一页以上一页的 nextCursor 作 before）',
        params: idParams,
        querystring: caseTimelineQuery,
        response: { 200: caseTimelinePage },
      },
    },
    async (request) => getCaseTimeline(ctx, requireActor(request), request.params.id, request.query),
  );
  app.get(
    '/cases/:id/people',
    { schema: { tags, summary: '本案表单可选的人员：案件所属单位及下级单位的在职人员，上级单位负责人', params: idParams, response: { 200: z.array(casePerson) } } },
    async (request) => listCasePeople(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/cases/:id/transitions',
    {
      schema: {
        tags,
        summary: '办理一个步骤（须带 expectedVersion；版本已变时返回 409）',
        params: idParams,
        body: transitionRequest.and(caseActionInput),
        response: { 200: caseView },
      },
    },
    async (request) => transitionCase(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/cases/:id/evidence',
    {
      // base64 grows the file by a third.
      bodyLimit: Math.ceil((MAX_EVIDENCE_BYTES * 4) / 3) + 64 * 1024,
      schema: { tags, summary: '登记证据（文件以 base64 上传，SM3 摘要存证）', params: idParams, body: evidenceInput, response: { 201: evidenceAdded } },
    },
    async (request, reply) => reply.status(201).send(await addEvidence(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.post(
    '/cases/:id/evidence/stream',
    {
      schema: {
        tags,
        summary:
          '登记证据，文件流式上传（multipart：先 expectedVersion、kind、act、title、place、note、collectorIds（逗号分隔）、可选 recordedOn、mediaType 字段，最后为文件 file；视频最大 2 GB，其他文件 8 MB；边写入边计算 SM3 摘要，文件完整存入后才登记）',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: evidenceAdded },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // Refused before a byte is read when the whole request is larger than any evidence file may be.
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > MAX_EVIDENCE_VIDEO_BYTES + 1024 * 1024) throw new AppError('TOO_LARGE', '视频证据文件不超过 2 GB');
      const added = await readStreamedUpload(request, '证据文件', MAX_EVIDENCE_VIDEO_BYTES, (fields, file) =>
        addEvidenceStream(ctx, actor, request.params.id, { ...fields, fileName: file.fileName, mediaType: fields.mediaType ?? file.mimeType }, file.stream),
      );
      return reply.status(201).send(added);
    },
  );
  app.post(
    '/cases/:id/party-signatures',
    {
      schema: { tags, summary: '当事人在屏幕上签名（送达回证、询问笔录、现场检查笔录；PNG 以 base64 上传，SM3 摘要存证，不可替换）', params: idParams, body: partySignatureInput, response: { 201: partySignatureAdded } },
    },
    async (request, reply) => reply.status(201).send(await addPartySignature(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    '/cases/:id/party-signatures/:target/image',
    { schema: { tags, summary: '当事人签名图片（先校验摘要）', params: idParams.extend({ target: z.string().regex(/^(services|inquiries|inspections)\.\d{1,3}$/, '签名对象无效') }) } },
    async (request, reply) => {
      const png = await readPartySignature(ctx, requireActor(request), request.params.id, request.params.target);
      return reply.header('content-type', 'image/png').header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(png);
    },
  );
  app.get(
    '/cases/:id/evidence/verify',
    { schema: { tags, summary: '重新计算全部证据文件的 SM3 摘要，检查是否被篡改', params: idParams, response: { 200: evidenceCheck } } },
    async (request) => verifyEvidence(ctx, requireActor(request), request.params.id),
  );
  app.get(
    '/cases/:id/evidence/:seq/file',
    { schema: { tags, summary: '下载证据文件（先校验摘要）', params: idParams.extend({ seq: idParam('证据序号') }) } },
    async (request, reply) => {
      const file = await readEvidenceFile(ctx, requireActor(request), request.params.id, request.params.seq);
      // Always a download, never rendered: an accepted type as recorded (older records may carry others: sent as
      // bytes), the name normalized again, and no sniffing.
      return reply
        .header('content-type', evidenceMediaTypes[file.mediaType] ? file.mediaType : 'application/octet-stream')
        .header('content-disposition', attachment(normalizeFileName(file.fileName, `证据-${request.params.seq}`)))
        .header('x-content-type-options', 'nosniff')
        // Evidence (photos, records of inquiry) is personal data: not kept by browsers or proxies.
        .header('cache-control', 'no-store')
        .header('content-length', String(file.size))
        .send(file.stream);
    },
  );
  app.post(
    '/cases/:id/publicity/publish',
    { schema: { tags, summary: '公示处罚决定（《行政处罚法》第四十八条）', params: idParams, response: { 200: publication } } },
    async (request) => publishDecision(ctx, requireActor(request), request.params.id),
  );
  app.get(
    '/case-deadlines',
    { schema: { tags, summary: '即将到期、已超期或逾期办理的办案期限', querystring: deadlineQuery, response: { 200: z.array(deadlineItem) } } },
    async (request) => listDeadlines(ctx, requireActor(request), request.query),
  );
  app.get(
    '/case-deadlines/export',
    { schema: { tags, summary: '导出办案期限为 XLSX（筛选条件同 GET /api/case-deadlines；最多 1000 条）', querystring: deadlineExportQuery } },
    async (request, reply) => {
      const exported = await exportDeadlines(ctx, requireActor(request), request.query);
      return reply.headers(xlsxHeaders(exported)).send(exported.stream);
    },
  );
  app.get(
    '/organizations/:id/case-settings',
    { schema: { tags, summary: '办案参数（生效值与本单位设置）', params: idParams, response: { 200: caseSettingsAnswer } } },
    async (request) => getCaseSettings(ctx, requireActor(request), request.params.id),
  );
  app.put(
    '/organizations/:id/case-settings',
    { schema: { tags, summary: '设置本单位办案参数（管理员；未设置的项继承上级或法定默认值）', params: idParams, body: caseSettingsPatch, response: { 200: caseSettingsAnswer } } },
    async (request) => setCaseSettings(ctx, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/organizations/:id/power-items',
    { schema: { tags, summary: '权责清单（含上级单位事项；includeInactive=true 时含已停用事项）', params: idParams, querystring: powerItemListQuery, response: { 200: z.array(powerListEntry) } } },
    async (request) => listPowerItems(ctx, requireActor(request), request.params.id, request.query),
  );
  app.post(
    '/power-items',
    { schema: { tags, summary: '新增权责清单事项（管理员）', body: powerItemInput, response: { 201: powerItem } } },
    async (request, reply) => reply.status(201).send(await addPowerItem(ctx, requireActor(request), request.body)),
  );
  app.post(
    '/power-items/import',
    {
      schema: {
        tags,
        summary: '导入权责清单（管理员；multipart：file 为 CSV/XLSX，表头含 事项编码、违法行为、违则、罚则、法定处罚幅度、类别；organizationId 为导入到的单位）',
        description: '逐行校验，逐行报告未导入的行（行号与原因）；没有可导入的行时返回 400，不导入任何内容，details.rejected 列出各行原因。',
        consumes: ['multipart/form-data'],
        response: { 201: powerListImport },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file, fields } = await readSingleFileUpload(request, '权责清单文件');
      return reply.status(201).send(await importPowerItems(ctx, actor, file, fields));
    },
  );
  app.patch(
    '/power-items/:id',
    {
      schema: {
        tags,
        summary: '修改或停用/启用权责清单事项（管理员；已有案件适用的事项不能修改名称、违则、罚则和幅度，《行政处罚法》第三十七条）',
        params: idParams,
        body: powerItemPatch,
        response: { 200: powerItem },
      },
    },
    async (request) => updatePowerItem(ctx, requireActor(request), request.params.id, request.body),
  );
}
