import { z } from 'zod';
import { idParams } from '../../domain/ids.ts';
import { actVerification, publicDecision, publicDecisionPage } from '../../domain/cases/views.ts';
import { getPublishedDecision, listPublishedDecisions, publicSearchInput } from '../../services/cases/publicity.ts';
import { verifyActCode } from '../../services/cases/public-lookup.ts';
import type { ServiceContext } from '../../services/context.ts';
import { AppError } from '../../domain/errors.ts';
import { type ActLookupGuard, type PublicLimits, noStore, perAddress } from '../public-limits.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['公开查询'];

/**
 * `/api/public/...`: no login; masked data only (no ID number, no phone, a natural person's surname only). Limited
 * per address so the portal cannot be scraped wholesale; the act-code lookup also globally and, after repeated
 * misses, by a proof of work (public-limits.ts). Answers naming parties are not stored by browsers or proxies.
 */
export function publicRoutes(app: ZodApp, ctx: ServiceContext, limits: PublicLimits, guard: ActLookupGuard): void {
  app.get(
    '/public/acts/challenge',
    {
      onRequest: noStore,
      config: { rateLimit: perAddress(limits.searchPerAddress) },
      schema: {
        tags,
        summary: '行政行为码核验的验证题：找出 nonce 使 SHA-256(challenge + nonce) 以 difficulty 个 0 比特开头，随核验请求在 x-proof-challenge、x-proof-nonce 头中提交',
        response: { 200: z.object({ challenge: z.string(), difficulty: z.number().int() }) },
      },
    },
    async () => guard.challenge(),
  );
  app.get(
    '/public/acts/:code',
    {
      onRequest: noStore,
      config: { rateLimit: perAddress(limits.actLookupPerAddress) },
      schema: {
        tags,
        summary: '按行政行为码核验已作出的处罚决定、不予处罚决定真伪及是否有效（脱敏摘要）；同一地址多次查询未找到后，须先完成验证题（428）',
        params: z.object({ code: z.string().max(40) }),
        response: { 200: actVerification },
      },
    },
    async (request) => {
      guard.admit(request);
      try {
        return await verifyActCode(ctx.db, request.params.code);
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') guard.miss(request);
        throw error;
      }
    },
  );
  app.get(
    '/public/decisions',
    {
      onRequest: noStore,
      config: { rateLimit: perAddress(limits.searchPerAddress) },
      schema: { tags, summary: '已公示的行政处罚决定（脱敏，可按关键词检索）', querystring: publicSearchInput, response: { 200: publicDecisionPage } },
    },
    async (request) => listPublishedDecisions(ctx, request.query),
  );
  app.get(
    '/public/decisions/:id',
    {
      onRequest: noStore,
      config: { rateLimit: perAddress(limits.searchPerAddress) },
      schema: { tags, summary: '一条已公示的行政处罚决定', params: idParams, response: { 200: publicDecision } },
    },
    async (request) => getPublishedDecision(ctx, request.params.id),
  );
}
