import { z } from 'zod';
import { idParams } from '../../domain/ids.ts';
import { organizationView } from '../../domain/admin/views.ts';
import { organizationInput, organizationPatch } from '../../domain/people.ts';
import type { ServiceContext } from '../../services/context.ts';
import { createOrganization, getOrganization, listOrganizations, updateOrganization } from '../../services/organizations.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';
import { xlsxHeaders } from '../download.ts';
import { exportOrganizations, exportPowerItems, powerItemExportQuery } from '../../services/export/admin-lists.ts';

const tags = ['组织机构'];

export function organizationRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/organizations',
    { schema: { tags, summary: '本单位及下级单位', response: { 200: z.array(organizationView) } } },
    async (request) => listOrganizations(ctx, requireActor(request)),
  );
  app.get(
    '/organizations/export',
    { schema: { tags, summary: '导出组织机构为 XLSX（本单位及下级单位）' } },
    async (request, reply) => {
      const exported = await exportOrganizations(ctx, requireActor(request));
      return reply.headers(xlsxHeaders(exported)).send(exported.stream);
    },
  );
  app.get(
    '/organizations/:id/power-items/export',
    {
      schema: {
        tags,
        summary: '导出权责清单为 XLSX（含上级单位事项；筛选同权责清单页：includeInactive 含已停用，q 关键词）',
        params: idParams,
        querystring: powerItemExportQuery,
      },
    },
    async (request, reply) => {
      const exported = await exportPowerItems(ctx, requireActor(request), request.params.id, request.query);
      return reply.headers(xlsxHeaders(exported)).send(exported.stream);
    },
  );
  app.get(
    '/organizations/:id',
    { schema: { tags, summary: '单位详情', params: idParams, response: { 200: organizationView } } },
    async (request) => getOrganization(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/organizations',
    { schema: { tags, summary: '新建下级单位（管理员）', body: organizationInput, response: { 201: organizationView } } },
    async (request, reply) => reply.status(201).send(await createOrganization(ctx, requireActor(request), request.body)),
  );
  app.patch(
    '/organizations/:id',
    { schema: { tags, summary: '修改单位（管理员）', params: idParams, body: organizationPatch, response: { 200: organizationView } } },
    async (request) => updateOrganization(ctx, requireActor(request), request.params.id, request.body),
  );
}
