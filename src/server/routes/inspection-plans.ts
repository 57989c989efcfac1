import { z } from 'zod';
import { idParam } from '../../domain/ids.ts';
import { planInput } from '../../domain/inspections/plan.ts';
import { drawResultInput, planList, planVersionInput, planView, publicDrawList, publicDrawView, redrawInput } from '../../domain/inspections/plan-views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { createPlan, getPlan, listPlans, publicDraw, publicDraws, publishDrawResult, publishSeed, redrawOfficer, runDraw } from '../../services/inspections/plans.ts';
import { requireActor } from '../auth.ts';
import { perAddress, type PublicLimits } from '../public-limits.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['双随机、一公开（抽查计划、抽取、结果公示）'];
const orgParams = z.object({ id: idParam('组织机构编号') });
const idParams = z.object({ id: idParam('抽查计划编号') });

export function inspectionPlanRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get('/organizations/:id/inspection-plans', { schema: { tags, summary: '本单位的双随机抽查计划', params: orgParams, response: { 200: planList } } }, async (request) =>
    listPlans(ctx.db, requireActor(request), request.params.id),
  );
  app.post('/organizations/:id/inspection-plans', { schema: { tags, summary: '制定年度双随机抽查计划（事项、对象范围、抽查比例或数量、执法人员名录）', params: orgParams, body: planInput, response: { 201: planView } } }, async (request, reply) =>
    reply.status(201).send(await createPlan(ctx, requireActor(request), request.params.id, request.body)),
  );
  app.get('/inspection-plans/:id', { schema: { tags, summary: '抽查计划详情（种子、抽取证明、抽中对象、结果公示）', params: idParams, response: { 200: planView } } }, async (request) =>
    getPlan(ctx.db, requireActor(request), request.params.id),
  );
  app.post('/inspection-plans/:id/seed', { schema: { tags, summary: '公布抽取种子（须在抽取前公布，公布后不能更改）', params: idParams, body: planVersionInput, response: { 200: planView } } }, async (request) =>
    publishSeed(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post('/inspection-plans/:id/draw', { schema: { tags, summary: '双随机抽取（抽取检查对象和执法人员，生成检查任务）', params: idParams, body: planVersionInput, response: { 200: planView } } }, async (request) =>
    runDraw(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post('/inspection-plans/:id/redraw', { schema: { tags, summary: '执法人员回避，重新选派（记录在抽取证明中）', params: idParams, body: redrawInput, response: { 200: planView } } }, async (request) =>
    redrawOfficer(ctx, requireActor(request), request.params.id, request.body),
  );
  app.post('/inspection-plans/:id/results', { schema: { tags, summary: '公示抽查结果（检查结束后 20 个工作日内）', params: idParams, body: drawResultInput, response: { 200: planView } } }, async (request) =>
    publishDrawResult(ctx, requireActor(request), request.params.id, request.body),
  );
}

/** The portal's part: the published draws and each draw's proof, which anyone can re-run (`fazhi draw verify`). */
export function publicInspectionPlanRoutes(app: ZodApp, ctx: ServiceContext, limits: PublicLimits): void {
  app.get(
    '/public/draws',
    { config: { rateLimit: perAddress(limits.searchPerAddress) }, schema: { tags, summary: '已公布种子的双随机抽查（抽取和结果公示）', querystring: z.object({ organizationId: idParam('组织机构编号').optional() }), response: { 200: publicDrawList } } },
    async (request) => publicDraws(ctx.db, request.query.organizationId),
  );
  app.get(
    '/public/draws/:id',
    { config: { rateLimit: perAddress(limits.searchPerAddress) }, schema: { tags, summary: '抽取证明：种子、名录（统一社会信用代码）、名录摘要、算法版本、抽取结果和公示的检查结果', params: idParams, response: { 200: publicDrawView } } },
    async (request) => publicDraw(ctx.db, request.params.id),
  );
}
