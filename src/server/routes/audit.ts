import { assertMay } from '../../domain/policy.ts';
import { adminPolicy } from '../../domain/admin/policy.ts';
import { auditTrailPage, auditVerification } from '../../domain/admin/views.ts';
import { auditRecordsQuery, browseAudit } from '../../services/audit-browse.ts';
import { describeProblem } from '../../domain/audit/chain.ts';
import type { ServiceContext } from '../../services/context.ts';
import { verifyAudit } from '../../services/verify-audit.ts';
import type { ZodApp } from '../zod-app.ts';
import { requireActor } from '../auth.ts';

export function auditRoutes(app: ZodApp, ctx: ServiceContext): void {
  app.get(
    '/audit/verify',
    {
      schema: {
        tags: ['审计'],
        summary: '重新计算全部审计记录的摘要链（监督员、管理员）',
        response: { 200: auditVerification },
      },
    },
    async (request) => {
      assertMay(requireActor(request), adminPolicy.verifyAudit);
      const result = await verifyAudit(ctx.db);
      return { ok: result.problem === null, ...result, problem: result.problem ? describeProblem(result.problem) : null };
    },
  );
  app.get(
    '/audit/records',
    {
      schema: {
        tags: ['审计'],
        summary: '按对象查看审计记录（案件可用编号或行政行为码、用户、组织机构、法定日历年份；最新在前，分页；监督员、管理员，限本单位及下级单位）',
        querystring: auditRecordsQuery,
        response: { 200: auditTrailPage },
      },
    },
    async (request) => browseAudit(ctx, requireActor(request), request.query),
  );
}
