import { assertMay } from '../../domain/policy.ts';
import { adminPolicy } from '../../domain/admin/policy.ts';
import { auditVerification } from '../../domain/admin/views.ts';
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
}
