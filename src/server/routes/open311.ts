/**
 * The open interface of work orders (issue 17, docs/WORK-ORDERS.md "Open interface"):
 * - `/open311/v2/…`: Open311 GeoReport v2 (services.json, services/{code}.json, requests.json POST and GET,
 *   requests/{id}.json), JSON only, form or JSON bodies, errors as Open311's `[{ code, description }]` in Chinese;
 *   requests authenticated by the sending system's API key (`api_key`);
 * - `/api/work-orders/intake-keys`: the admin creates, lists and revokes those keys;
 * - `/api/public/work-orders/lookup`: the requester looks up their order by its number and lookup code.
 * Registered from app.ts in one call, at the root: the Open311 part has its own error shape and body parser.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { idParam } from '../../domain/ids.ts';
import type { ServiceContext } from '../../services/context.ts';
import { authenticateIntakeKey, createIntakeKey, type IntakeSender, intakeKeyInput, intakeKeyView, listIntakeKeys, revokeIntakeKey } from '../../services/workorders/intake-keys.ts';
import { getOpen311Request, listOpen311Requests, open311ServiceDefinition, open311Services, submitOpen311Request } from '../../services/workorders/open311.ts';
import { lookupQuery, lookupWorkOrder, workOrderLookupView } from '../../services/workorders/open311-lookup.ts';
import { requireActor } from '../auth.ts';
import { httpStatus, toErrorBody } from '../errors.ts';
import { type ActLookupGuard, noStore, perAddress, type PublicLimits } from '../public-limits.ts';

/** Open311 answers `.json` resources; `.xml` is not offered. */
function jsonResource(file: string): string {
  if (!file.endsWith('.json')) throw new AppError('NOT_FOUND', '仅提供 JSON 格式（请求路径以 .json 结尾）');
  // The router has decoded the path parameter already (a malformed escape is refused before this, 400).
  return file.slice(0, -'.json'.length);
}

function apiKeyOf(request: FastifyRequest): string | undefined {
  const fromBody = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>).api_key : undefined;
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.api_key;
  const header = request.headers['x-api-key'];
  const key = [fromBody, fromQuery, header].find((v) => typeof v === 'string' && v !== '');
  return key as string | undefined;
}

async function senderOf(ctx: ServiceContext, request: FastifyRequest): Promise<IntakeSender> {
  const key = apiKeyOf(request);
  if (!key) throw new AppError('UNAUTHENTICATED', '缺少 api_key（接入系统的接口密钥）');
  const sender = await authenticateIntakeKey(ctx.db, key);
  if (!sender) throw new AppError('FORBIDDEN', '接口密钥无效或已吊销');
  return sender;
}

/** Open311's error shape: a list of `{ code, description }`, the code being the HTTP status. */
function open311Errors(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const body = toErrorBody(error);
    const status = httpStatus[body.code];
    if (status >= 500) request.log.error({ err: error }, 'open311 request failed');
    else request.log.info({ code: body.code, message: body.message }, 'open311 request refused');
    void reply.status(status).send([{ code: status, description: body.message }]);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send([{ code: 404, description: `接口不存在：${request.method} ${request.url.split('?')[0] ?? ''}` }]);
  });
}

/** `application/x-www-form-urlencoded`, as Open311 clients post: repeated fields become arrays. */
function formBodies(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(body as string)) {
      const had = out[k];
      out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
    }
    done(null, out);
  });
}

const tags = ['工单开放接口'];

export async function workOrderIntakeRoutes(root: FastifyInstance, ctx: ServiceContext, limits: PublicLimits, guard: ActLookupGuard): Promise<void> {
  await root.register(
    async (app) => {
      open311Errors(app);
      formBodies(app);
      // Open311 is documented by its own specification and docs/WORK-ORDERS.md; the OpenAPI document keeps to /api.
      const hide = { schema: { hide: true } };
      app.get('/services.json', { ...hide, config: { rateLimit: perAddress(limits.searchPerAddress) } }, async () => open311Services());
      app.get<{ Params: { file: string } }>('/services/:file', { ...hide, config: { rateLimit: perAddress(limits.searchPerAddress) } }, async (request) =>
        open311ServiceDefinition(jsonResource(request.params.file)),
      );
      app.post('/requests.json', hide, async (request: FastifyRequest, reply: FastifyReply) => {
        const sender = await senderOf(ctx, request);
        return reply.status(201).send(await submitOpen311Request(ctx, sender, request.body));
      });
      app.get('/requests.json', { ...hide, onRequest: noStore }, async (request) => listOpen311Requests(ctx.db, await senderOf(ctx, request), request.query as Record<string, unknown>));
      app.get<{ Params: { file: string } }>('/requests/:file', { ...hide, onRequest: noStore }, async (request) =>
        getOpen311Request(ctx.db, await senderOf(ctx, request), jsonResource(request.params.file)),
      );
      // Before the web app's fallback (static.ts) would answer an unknown Open311 path with the page.
      app.all('/*', hide, async (_request, reply) => reply.callNotFound());
    },
    { prefix: '/open311/v2' },
  );

  await root.register(
    async (scoped) => {
      const app = scoped.withTypeProvider<ZodTypeProvider>();
      app.post(
        '/work-orders/intake-keys',
        {
          onRequest: noStore,
          schema: { tags, summary: '为接入系统创建工单接口密钥（密钥只显示这一次）', body: intakeKeyInput, response: { 201: z.object({ key: intakeKeyView, secret: z.string() }) } },
        },
        async (request, reply) => reply.status(201).send(await createIntakeKey(ctx, requireActor(request), request.body)),
      );
      app.get('/work-orders/intake-keys', { schema: { tags, summary: '工单接口密钥列表', response: { 200: z.array(intakeKeyView) } } }, async (request) => listIntakeKeys(ctx, requireActor(request)));
      app.post(
        '/work-orders/intake-keys/:id/revoke',
        { schema: { tags, summary: '吊销工单接口密钥', params: z.object({ id: idParam('密钥编号') }), response: { 200: intakeKeyView } } },
        async (request) => revokeIntakeKey(ctx, requireActor(request), request.params.id),
      );
      app.get(
        '/public/work-orders/lookup',
        {
          onRequest: noStore,
          config: { rateLimit: perAddress(limits.actLookupPerAddress) },
          schema: {
            tags: ['公开查询'],
            summary: '凭工单编号和受理时发放的查询码查询工单办理进度（不含个人信息）；同一地址多次查询未找到后，须先完成验证题（428）',
            querystring: lookupQuery,
            response: { 200: workOrderLookupView },
          },
        },
        async (request) => {
          guard.admit(request);
          try {
            return await lookupWorkOrder(ctx.db, request.query);
          } catch (error) {
            if (error instanceof AppError && error.code === 'NOT_FOUND') guard.miss(request);
            throw error;
          }
        },
      );
    },
    { prefix: '/api' },
  );
}
