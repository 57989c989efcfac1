import { and, asc, eq, like } from 'drizzle-orm';
import { type Actor, isSystem } from '../domain/access.ts';
import { assertMay } from '../domain/policy.ts';
import { adminPolicy } from '../domain/admin/policy.ts';
import { AppError, notFound, validationError } from '../domain/errors.ts';
import { type OrganizationInput, type OrganizationPatch, organizationInput, organizationPatch } from '../domain/people.ts';
import type { Executor } from '../db/connect.ts';
import { cachedReference, forgetReferences } from '../db/reference-cache.ts';
import { organizations } from '../db/schema.ts';
import { validateCreditCode } from '../domain/validators/credit-code.ts';
import { appendAudit } from './audit-trail.ts';
import { type ServiceContext, inTransaction } from './context.ts';
import { assertSomethingToChange, parseInput } from './parse-input.ts';

export type Organization = typeof organizations.$inferSelect;

/** Loads an organization the actor may see; one outside the actor's subtree is reported as not found. */
export async function getOrganization(ctx: ServiceContext | { db: Executor }, actor: Actor, id: number): Promise<Organization> {
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, id));
  if (!org || !(isSystem(actor) || org.path.startsWith(actor.organizationPath))) throw notFound('该单位', { id });
  return org;
}

const ORGANIZATION_CACHE = 'organization:';

/**
 * `getOrganization` from the reference cache (src/db/reference-cache.ts): for the hot paths that only need the row of
 * the unit they act for (a clue registration). An organization's path never changes (moving a unit is refused), so
 * the access check is exact; its name and codes are at most REFERENCE_TTL_MS old on another app server after a change.
 */
export async function getOrganizationCached(ctx: ServiceContext, actor: Actor, id: number): Promise<Organization> {
  const org = await cachedReference(ctx.db, `${ORGANIZATION_CACHE}${id}`, async () => {
    const [row] = await ctx.db.select().from(organizations).where(eq(organizations.id, id));
    // Not kept when missing (a failed load is not cached): a unit created meanwhile is found at once.
    if (!row) throw notFound('该单位', { id });
    return row;
  });
  if (!(isSystem(actor) || org.path.startsWith(actor.organizationPath))) throw notFound('该单位', { id });
  return org;
}

/** The actor's organization and everything below it, in tree order. */
export async function listOrganizations(ctx: ServiceContext, actor: Actor): Promise<Organization[]> {
  return ctx.db
    .select()
    .from(organizations)
    .where(isSystem(actor) ? undefined : like(organizations.path, `${actor.organizationPath}%`))
    .orderBy(asc(organizations.path));
}

export async function createOrganization(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<Organization> {
  assertMay(actor, adminPolicy.manageOrganizations);
  const input: OrganizationInput = withoutBlankCode(parseInput(organizationInput, raw));
  checkCodes(input);
  return inTransaction(ctx, async (tx) => {
    let parentPath = '/';
    if (input.parentId !== null) {
      parentPath = (await getOrganization({ db: tx }, actor, input.parentId)).path;
    } else if (!isSystem(actor)) {
      // Only the system (bootstrap) creates a root; admins add units inside their own subtree.
      throw new AppError('FORBIDDEN', '只能在本单位下设立下级单位');
    }
    await assertCreditCodeFree(tx, input.creditCode ?? null, null);
    const [created] = await tx
      .insert(organizations)
      .values({ ...input, creditCode: input.creditCode ?? null, divisionCode: input.divisionCode ?? null, path: 'pending' })
      .returning();
    const path = `${parentPath}${created!.id}/`;
    const [org] = await tx.update(organizations).set({ path }).where(eq(organizations.id, created!.id)).returning();
    await appendAudit(
      tx,
      actor,
      { action: 'organization.create', subjectType: 'organization', subjectId: org!.id, organizationId: org!.id, change: { ...input } },
      ctx.clock(),
    );
    return org!;
  });
}

export async function updateOrganization(ctx: ServiceContext, actor: Actor, id: number, raw: unknown): Promise<Organization> {
  assertMay(actor, adminPolicy.manageOrganizations);
  const patch: OrganizationPatch = withoutBlankCode(parseInput(organizationPatch, raw));
  assertSomethingToChange(patch);
  checkCodes(patch);
  return inTransaction(ctx, async (tx) => {
    const before = await getOrganization({ db: tx }, actor, id);
    if (patch.parentId !== undefined && patch.parentId !== before.parentId) {
      throw validationError('暂不支持调整上级单位，请新建单位后迁移人员');
    }
    if (patch.creditCode !== undefined) await assertCreditCodeFree(tx, patch.creditCode ?? null, id);
    const [org] = await tx.update(organizations).set(patch).where(eq(organizations.id, id)).returning();
    await appendAudit(
      tx,
      actor,
      { action: 'organization.update', subjectType: 'organization', subjectId: id, organizationId: id, change: diff(before, patch) },
      ctx.clock(),
    );
    return org!;
  }).finally(() => forgetReferences(ctx.db, ORGANIZATION_CACHE));
}

/** A blank credit code (a cleared form field) means the unit has none, like null. */
function withoutBlankCode<T extends { creditCode?: string | null | undefined }>(input: T): T {
  return input.creditCode === '' ? { ...input, creditCode: null } : input;
}

function checkCodes(input: Pick<OrganizationPatch, 'creditCode'>): void {
  if (input.creditCode) {
    const result = validateCreditCode(input.creditCode);
    if (!result.ok) throw validationError(`统一社会信用代码无效：${result.reason}`, { field: 'creditCode' });
  }
}

async function assertCreditCodeFree(tx: Executor, code: string | null, exceptId: number | null) {
  if (!code) return;
  const [other] = await tx.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.creditCode, code)));
  if (other && other.id !== exceptId) throw new AppError('CONFLICT', '该统一社会信用代码已被其他单位使用', { field: 'creditCode' });
}

/** { field: { from, to } } for the fields a patch changes, for the audit record. */
export function diff<T extends Record<string, unknown>>(before: T, patch: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(patch)) {
    if (to !== undefined && before[key] !== to) out[key] = { from: before[key] ?? null, to };
  }
  return out;
}


/**
 * The organization named on a command line (`--org`): an id, an exact name, or a part of one name. No match or
 * several are refused in Chinese (the candidates listed), so a report is never made for the wrong unit.
 */
export async function findOrganization(ctx: { db: Executor }, idOrName: string): Promise<Organization> {
  const text = idOrName.trim();
  if (/^\d{1,9}$/.test(text)) {
    const [byId] = await ctx.db.select().from(organizations).where(eq(organizations.id, Number(text)));
    if (!byId) throw notFound(`编号为 ${text} 的单位`);
    return byId;
  }
  if (!text) throw validationError('请填写单位编号或名称');
  const [exact] = await ctx.db.select().from(organizations).where(eq(organizations.name, text));
  if (exact) return exact;
  const all = await ctx.db.select().from(organizations).orderBy(asc(organizations.path));
  const matches = all.filter((o) => o.name.includes(text));
  if (!matches.length) throw notFound(`名称含“${text}”的单位`);
  if (matches.length > 1) throw validationError(`名称含“${text}”的单位有 ${String(matches.length)} 个，请写全称或编号：${matches.map((o) => `${o.name}（${String(o.id)}）`).join('、')}`);
  return matches[0]!;
}
