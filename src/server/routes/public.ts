import { z } from 'zod';
import { idParams } from '../../domain/ids.ts';
import { actVerification, publicDecision, publicDecisionPage } from '../../domain/cases/views.ts';
import { getPublishedDecision, listPublishedDecisions, publicSearchInput } from '../../services/cases/publicity.ts';
import { verifyActCode } from '../../services/cases/public-lookup.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['公开查询'];
// Public, unauthenticated: limited per address so the portal cannot be scraped wholesale.
const rateLimit = { max: 120, timeWindow: '1 minute', errorResponseBuilder: () => ({ statusCode: 429, code: 'RATE_LIMITED', message: '查询过于频繁，请稍后再试' }) };

/** `/api/public/...`: no login; masked data only (no ID number, no phone, a natural person's surname only). */
export function publicRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/public/acts/:code',
    {
      config: { rateLimit },
      schema: { tags, summary: '按行政行为码核验执法文书真伪及是否有效（脱敏摘要）', params: z.object({ code: z.string().max(40) }), response: { 200: actVerification } },
    },
    async (request) => verifyActCode(ctx.db, request.params.code),
  );
  app.get(
    '/public/decisions',
    {
      config: { rateLimit },
      schema: { tags, summary: '已公示的行政处罚决定（脱敏，可按关键词检索）', querystring: publicSearchInput, response: { 200: publicDecisionPage } },
    },
    async (request) => listPublishedDecisions(ctx, request.query),
  );
  app.get(
    '/public/decisions/:id',
    { config: { rateLimit }, schema: { tags, summary: '一条已公示的行政处罚决定', params: idParams, response: { 200: publicDecision } } },
    async (request) => getPublishedDecision(ctx, request.params.id),
  );
}
