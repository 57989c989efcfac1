import { z } from 'zod';
import { publicBody, publicOfficerPage, publicOfficerQuery } from '../../domain/admin/views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { listPublicBodies, publicOfficersPage } from '../../services/public-disclosure.ts';
import { type PublicLimits, noStore, perAddress } from '../public-limits.ts';
import type { ZodApp } from '../zod-app.ts';

const tags = ['公开（无需登录）'];

/**
 * 事前公开 for the portal (国办发〔2018〕118号): enforcement bodies and officers, no login; limited per address so the
 * list of officers cannot be scraped wholesale, and officers' names are not stored by browsers or proxies.
 */
export function portalRoutes(app: ZodApp, ctx: ServiceContext, limits: PublicLimits): void {
  app.get(
    '/public/bodies',
    { config: { rateLimit: perAddress(limits.searchPerAddress) }, schema: { tags, summary: '执法主体（名称、类型、统一社会信用代码）', response: { 200: z.array(publicBody) } } },
    async () => listPublicBodies(ctx),
  );
  app.get(
    '/public/officers',
    {
      onRequest: noStore,
      config: { rateLimit: perAddress(limits.searchPerAddress) },
      schema: {
        tags,
        summary: '执法人员及执法证号（姓名、证号、有效期）；分页（limit 至多 100，offset）',
        querystring: publicOfficerQuery,
        response: { 200: publicOfficerPage },
      },
    },
    async (request) => publicOfficersPage(ctx, request.query),
  );
}
