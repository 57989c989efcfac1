import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, assertRole } from '../../domain/access.ts';
import { AppError } from '../../domain/errors.ts';
import { powerItems } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';

export const powerItemInput = z.object({
  organizationId: z.number().int().positive(),
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,30}$/, '事项编码为 2–30 位字母、数字或连字符'),
  name: z.string().trim().min(4, '违法行为名称至少 4 个字').max(300),
  violatedProvision: z.string().trim().min(4, '请填写违则').max(300),
  penaltyProvision: z.string().trim().min(4, '请填写罚则').max(300),
  statutoryRange: z.string().trim().min(2, '请填写法定处罚幅度').max(500),
  category: z.string().trim().min(2).max(30),
  /** The organization that delegated this power (赋权), when it is delegated. */
  delegatedFromId: z.number().int().positive().nullable().default(null),
});
export type PowerItem = typeof powerItems.$inferSelect;

/** The power list (权责清单) of an organization and of the organizations above it. */
export async function listPowerItems(ctx: ServiceContext, actor: Actor, organizationId: number): Promise<(PowerItem & { inherited: boolean })[]> {
  const org = await getOrganization(ctx, actor, organizationId);
  const ids = org.path.split('/').filter(Boolean).map(Number);
  const rows = await ctx.db
    .select()
    .from(powerItems)
    .where(and(inArray(powerItems.organizationId, ids), eq(powerItems.active, true)))
    .orderBy(asc(powerItems.code));
  return rows.map((r) => ({ ...r, inherited: r.organizationId !== org.id }));
}

export async function addPowerItem(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<PowerItem> {
  assertRole(actor, 'admin');
  const input = parseInput(powerItemInput, raw);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const org = await getOrganization({ db: tx }, actor, input.organizationId);
    if (input.delegatedFromId !== null) {
      const from = await getOrganization({ db: tx }, actor, input.delegatedFromId);
      if (!org.path.startsWith(from.path) || from.id === org.id) throw new AppError('VALIDATION', '赋权单位应为本单位的上级单位');
    }
    const [taken] = await tx.select({ id: powerItems.id }).from(powerItems).where(and(eq(powerItems.organizationId, org.id), eq(powerItems.code, input.code)));
    if (taken) throw new AppError('CONFLICT', `本单位权责清单已有编码为 ${input.code} 的事项`);
    const [item] = await tx.insert(powerItems).values(input).returning();
    await appendAudit(tx, actor, { action: 'case.powerItem', subjectType: 'organization', subjectId: org.id, organizationId: org.id, change: { ...input, id: item!.id } }, now);
    return item!;
  });
}
