import { z } from 'zod';
import { idParam, idParams } from '../../domain/ids.ts';
import { userImportReport, userView } from '../../domain/admin/views.ts';
import { passwordSchema, userInput, userPatch } from '../../domain/people.ts';
import type { ServiceContext } from '../../services/context.ts';
import { createUser, getUser, listUsers, setPassword, unlockUser, updateUser } from '../../services/users.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';
import { attachment, xlsxHeaders } from '../download.ts';
import { readSingleFileUpload } from '../multipart.ts';
import { importUsers, userImportTemplate } from '../../services/users-import.ts';
import { exportUsers, userExportQuery } from '../../services/export/admin-lists.ts';

const tags = ['用户'];

export function userRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: '本单位及下级单位的用户',
        querystring: z.object({ organizationId: idParam('单位编号').optional() }),
        response: { 200: z.array(userView) },
      },
    },
    async (request) => listUsers(ctx, requireActor(request), request.query),
  );
  app.get(
    '/users/export',
    { schema: { tags, summary: '导出用户列表为 XLSX（筛选同用户页：organizationId 单位，q 姓名/用户名/执法证号；不含密码）', querystring: userExportQuery } },
    async (request, reply) => {
      const exported = await exportUsers(ctx, requireActor(request), request.query);
      return reply.headers(xlsxHeaders(exported)).send(exported.stream);
    },
  );
  app.post(
    '/users/import',
    {
      schema: {
        tags,
        summary: '从 XLSX/CSV 导入用户（管理员；multipart：file；列：用户名、姓名、所属单位、角色、初始密码、执法证号、执法证有效期至、电话）',
        description: '逐行校验：有误的行列出行号和中文原因，其余行导入；文件无法读取、缺少列或没有可导入的行时返回 400，不导入任何用户。初始密码经哈希后保存，不返回、不记入审计。',
        consumes: ['multipart/form-data'],
        response: { 201: userImportReport },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file } = await readSingleFileUpload(request, '用户导入文件');
      return reply.status(201).send(await importUsers(ctx, actor, file));
    },
  );
  app.get(
    '/users/import-template',
    { schema: { tags, summary: '下载用户导入模板（XLSX）' } },
    async (request, reply) => {
      const template = await userImportTemplate(ctx, requireActor(request));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(template.fileName))
        .send(template.data);
    },
  );
  app.get(
    '/users/:id',
    { schema: { tags, summary: '用户详情', params: idParams, response: { 200: userView } } },
    async (request) => getUser(ctx, requireActor(request), request.params.id),
  );
  app.post(
    '/users',
    { schema: { tags, summary: '新建用户（管理员）', body: userInput, response: { 201: userView } } },
    async (request, reply) => reply.status(201).send(await createUser(ctx, requireActor(request), request.body)),
  );
  app.patch(
    '/users/:id',
    { schema: { tags, summary: '修改用户（管理员）', params: idParams, body: userPatch, response: { 200: userView } } },
    async (request) => updateUser(ctx, requireActor(request), request.params.id, request.body),
  );
  app.put(
    '/users/:id/password',
    {
      schema: {
        tags,
        summary: '设置密码（本人修改须提供当前密码；管理员可重置他人密码）',
        params: idParams,
        body: z.object({
          password: passwordSchema,
          currentPassword: z.string().max(128).optional().describe('当前密码：本人修改密码时必填；管理员重置他人密码时不需要'),
        }),
        response: { 204: z.null().describe('已设置') },
      },
    },
    async (request, reply) => {
      await setPassword(ctx, requireActor(request), request.params.id, request.body.password, { currentPassword: request.body.currentPassword });
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/users/:id/unlock',
    { schema: { tags, summary: '解锁因多次密码错误而锁定的账号（管理员）', params: idParams, response: { 200: userView } } },
    async (request) => unlockUser(ctx, requireActor(request), request.params.id),
  );
}
