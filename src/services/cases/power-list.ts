import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { idInput } from '../../domain/ids.ts';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import type { PowerItem, PowerListEntry } from '../../domain/cases/views.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { cases, organizations, powerItems } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { diff, getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';

export const powerItemInput = z.object({
  organizationId: idInput('所属单位'),
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,30}$/, '事项编码为 2–30 位字母、数字或连字符'),
  name: z.string().trim().min(4, '违法行为名称至少 4 个字').max(300),
  violatedProvision: z.string().trim().min(4, '请填写违则').max(300),
  penaltyProvision: z.string().trim().min(4, '请填写罚则').max(300),
  statutoryRange: z.string().trim().min(2, '请填写法定处罚幅度').max(500),
  category: z.string().trim().min(2).max(30),
  /** The organization that delegated this power (赋权), when it is delegated. */
  delegatedFromId: idInput('委托单位').nullable().default(null),
});
export type { PowerItem, PowerListEntry } from '../../domain/cases/views.ts';

export const powerItemListQuery = z.object({
  /** Also the deactivated items (admins maintaining the list). */
  // A boolean, or 'true'/'false' as a query string gives it (the route has parsed it once already).
  includeInactive: z.union([z.boolean(), z.stringbool()], { error: '应为 true 或 false' }).optional(),
});


/** The power list (权责清单) of an organization and of the organizations above it. */
export async function listPowerItems(ctx: ServiceContext, actor: Actor, organizationId: number, raw: unknown = {}): Promise<PowerListEntry[]> {
  const query = parseInput(powerItemListQuery, raw);
  const org = await getOrganization(ctx, actor, organizationId);
  const ids = org.path.split('/').filter(Boolean).map(Number);
  const rows = await ctx.db
    .select()
    .from(powerItems)
    .where(and(inArray(powerItems.organizationId, ids), query.includeInactive ? undefined : eq(powerItems.active, true)))
    .orderBy(asc(powerItems.code));
  // Owners and delegators are all on the path (a delegator is above the delegate), so one lookup names them.
  const names = new Map((await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids))).map((o) => [o.id, o.name]));
  const used = rows.length
    ? await ctx.db
        .select({ id: cases.powerItemId, n: count() })
        .from(cases)
        .where(inArray(cases.powerItemId, rows.map((r) => r.id)))
        .groupBy(cases.powerItemId)
    : [];
  return rows.map((r) => ({
    ...r,
    inherited: r.organizationId !== org.id,
    organizationName: names.get(r.organizationId) ?? '',
    delegatedFromName: r.delegatedFromId === null ? null : (names.get(r.delegatedFromId) ?? null),
    caseCount: used.find((u) => u.id === r.id)?.n ?? 0,
  }));
}

export async function addPowerItem(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<PowerItem> {
  assertMay(actor, casePolicy.editPowerList);
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

/** What an admin may change on an item. The code is its identifier (case statistics filter by it) and stays. */
export const powerItemPatch = z.strictObject(
  {
    name: powerItemInput.shape.name.optional(),
    violatedProvision: powerItemInput.shape.violatedProvision.optional(),
    penaltyProvision: powerItemInput.shape.penaltyProvision.optional(),
    statutoryRange: powerItemInput.shape.statutoryRange.optional(),
    category: powerItemInput.shape.category.optional(),
    /** false: taken off the list (停用) — no new case can be filed under it; true: back on the list. */
    active: z.boolean().optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `不能修改以下项目：${issue.keys.join('、')}（事项编码不可修改，如需更换请新增事项）` : undefined) },
);

/** The wording that decides what a case was punished for. */
const legalWording = ['name', 'violatedProvision', 'penaltyProvision', 'statutoryRange'] as const;

/**
 * Edits or (de)activates an item of an organization's power list (admins of that organization or above).
 * 《行政处罚法》第三十七条: a case is judged by the provisions in force when the act was committed, and cases
 * refer to their power item, not a copy of it. So once any case uses an item, its name, 违则, 罚则 and 幅度 are
 * fixed: a changed provision is a new item, and the old one is deactivated (停用). Category and status may change.
 */
export async function updatePowerItem(ctx: ServiceContext, actor: Actor, id: number, raw: unknown): Promise<PowerItem> {
  assertMay(actor, casePolicy.editPowerList);
  const patch = parseInput(powerItemPatch, raw);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(powerItems).where(eq(powerItems.id, id));
    if (!before) throw notFound('该权责清单事项', { id });
    const org = await getOrganization({ db: tx }, actor, before.organizationId).catch(() => {
      throw notFound('该权责清单事项', { id });
    });
    const change = diff(before, patch);
    if (Object.keys(change).length === 0) return before;
    const rewording = legalWording.filter((key) => key in change);
    if (rewording.length > 0) {
      const [used] = await tx.select({ n: count() }).from(cases).where(eq(cases.powerItemId, id));
      if (used && used.n > 0) {
        throw new AppError(
          'RULE_VIOLATION',
          `已有 ${used.n} 件案件适用该事项，不能修改其违法行为名称、违则、罚则或处罚幅度（案件适用违法行为发生时的规定）；请停用该事项并新增一项`,
          { article: '《中华人民共和国行政处罚法》第三十七条', caseCount: used.n, fields: rewording.map((field) => ({ field, message: '已有案件适用，不能修改' })) },
        );
      }
    }
    const [item] = await tx.update(powerItems).set(patch).where(eq(powerItems.id, id)).returning();
    await appendAudit(
      tx,
      actor,
      { action: 'case.powerItem', subjectType: 'organization', subjectId: org.id, organizationId: org.id, change: { id, code: before.code, ...change } },
      now,
    );
    return item!;
  });
}
