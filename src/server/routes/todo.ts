import { z } from 'zod';
import { idParams } from '../../domain/ids.ts';
import { closingApprovalsInput, closingApprovalsResult, donePage, pageQuery, todoDigest, todoPage } from '../../domain/todo/views.ts';
import type { ServiceContext } from '../../services/context.ts';
import { approveClosings, digestTodo, listDone, listTodo } from '../../services/todo/todo.ts';
import { urgeCase, urgeInput } from '../../services/todo/urge-case.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';

const tags = ['待办'];

/** The to-do centre (待办/已办) of the logged-in user, batch closing approval, and 督办 of a case. */
export function todoRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/todo',
    { schema: { tags, summary: '我的待办：等待本人办理的步骤（按期限排序，分页；counts 为各类合计）', querystring: pageQuery, response: { 200: todoPage } } },
    async (request) => listTodo(ctx, requireActor(request), request.query),
  );
  app.get(
    '/todo/digest',
    { schema: { tags, summary: '今日摘要：昨日以来新增、今日和明日到期、已超期的本人待办', response: { 200: todoDigest } } },
    async (request) => digestTodo(ctx, requireActor(request)),
  );
  app.get(
    '/todo/done',
    { schema: { tags, summary: '我的已办：本人在案件上办理的步骤（审计记录，最近的在前，分页）', querystring: pageQuery, response: { 200: donePage } } },
    async (request) => listDone(ctx, requireActor(request), request.query),
  );
  app.post(
    '/todo/closing-approvals',
    {
      schema: {
        tags,
        summary: '批量结案审批：负责人以本人名义对已满足结案条件的多件案件签署同一审批意见（逐案核验，逐案记录）',
        body: closingApprovalsInput,
        response: { 200: closingApprovalsResult },
      },
    },
    async (request) => approveClosings(ctx, requireActor(request), request.body),
  );
  app.post(
    '/cases/:id/urge',
    {
      schema: {
        tags,
        summary: '督办案件：监督人员或负责人填写督办意见（记入审计，承办人员的待办中显示）',
        params: idParams,
        body: urgeInput,
        response: { 200: z.object({ caseId: z.number(), at: z.string(), note: z.string() }) },
      },
    },
    async (request) => urgeCase(ctx, requireActor(request), request.params.id, request.body),
  );
}
