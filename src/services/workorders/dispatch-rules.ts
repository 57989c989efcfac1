/**
 * The dispatch catalog (派单目录, domain/workorders/dispatch.ts): list, set and remove an organization's rules
 * (category → default unit, bureau's own item), each change audited on the organization's chain
 * (`workOrder.dispatchRule`); and the rule in force for an order — its receiving organization's, or the nearest
 * organization's above it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../domain/access.ts';
import { assertMay } from '../../domain/policy.ts';
import { workOrderPolicy } from '../../domain/workorders/policy.ts';
import { notFound } from '../../domain/errors.ts';
import { type CategoryKind, findCategory } from '../../domain/workorders/catalog.ts';
import { checkRuleUnit, type DispatchRule, dispatchRuleInput } from '../../domain/workorders/dispatch.ts';
import type { Executor } from '../../db/connect.ts';
import { organizations, workOrderDispatchRules } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { getOrganization } from '../organizations.ts';
import { parseInput } from '../parse-input.ts';
import { workOrderCategories } from './catalog.ts';
import { loadOrg } from './store.ts';

export interface DispatchRuleView {
  id: number;
  organization: { id: number; name: string };
  category: { kind: string; code: string; group: string; name: string };
  unit: { id: number; name: string } | null;
  reservedToBureau: boolean;
  note: string | null;
  /** Set by an organization above the one asked about (in force for it unless it sets its own). */
  inherited: boolean;
}

const ids = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The rules in force for an organization: its own, and those of the organizations above for the other categories. */
export async function listDispatchRules(ctx: ServiceContext, actor: Actor, organizationId: number): Promise<DispatchRuleView[]> {
  const org = await getOrganization(ctx, actor, organizationId);
  const owner = alias(organizations, 'owner');
  const unit = alias(organizations, 'unit');
  const rows = await ctx.db
    .select({ r: workOrderDispatchRules, ownerName: owner.name, ownerPath: owner.path, unitName: unit.name })
    .from(workOrderDispatchRules)
    .innerJoin(owner, eq(owner.id, workOrderDispatchRules.organizationId))
    .leftJoin(unit, eq(unit.id, workOrderDispatchRules.unitId))
    .where(inArray(workOrderDispatchRules.organizationId, ids(org.path)));
  const catalog = await workOrderCategories();
  // The nearest owner wins per category.
  rows.sort((a, b) => b.ownerPath.length - a.ownerPath.length);
  const seen = new Set<string>();
  const views: DispatchRuleView[] = [];
  for (const { r, ownerName, unitName } of rows) {
    const key = `${r.categoryKind}:${r.categoryCode}`;
    if (seen.has(key)) continue;
    seen.add(key);
    views.push({
      id: r.id,
      organization: { id: r.organizationId, name: ownerName },
      category: findCategory(catalog, r.categoryKind as CategoryKind, r.categoryCode),
      unit: r.unitId !== null && unitName !== null ? { id: r.unitId, name: unitName } : null,
      reservedToBureau: r.reservedToBureau,
      note: r.note,
      inherited: r.organizationId !== org.id,
    });
  }
  return views.sort((a, b) => a.category.kind.localeCompare(b.category.kind) || a.category.code.localeCompare(b.category.code));
}

const auditedRule = (r: { unitId: number | null; reservedToBureau: boolean; note: string | null }) => ({ unitId: r.unitId, reservedToBureau: r.reservedToBureau, note: r.note });

/** Sets (adds or replaces) an organization's rule for a category (admins and heads). */
export async function setDispatchRule(ctx: ServiceContext, actor: Actor, raw: unknown): Promise<DispatchRuleView> {
  assertMay(actor, workOrderPolicy.editDispatchRules);
  const input = parseInput(dispatchRuleInput, raw);
  const category = findCategory(await workOrderCategories(), input.category.kind, input.category.code);
  const now = ctx.clock();
  const id = await inTransaction(ctx, async (tx) => {
    const org = await getOrganization({ db: tx }, actor, input.organizationId);
    if (input.unitId !== null) {
      const unit = await loadOrg(tx, input.unitId);
      if (!unit) throw notFound('默认承办单位', { id: input.unitId });
      checkRuleUnit(org, unit, input.reservedToBureau, category.name);
    }
    const where = and(eq(workOrderDispatchRules.organizationId, org.id), eq(workOrderDispatchRules.categoryKind, category.kind), eq(workOrderDispatchRules.categoryCode, category.code));
    const [before] = await tx.select().from(workOrderDispatchRules).where(where);
    const values = { organizationId: org.id, categoryKind: category.kind, categoryCode: category.code, unitId: input.unitId, reservedToBureau: input.reservedToBureau, note: input.note, updatedBy: actor.userId || null, updatedAt: now };
    const [row] = await tx
      .insert(workOrderDispatchRules)
      .values(values)
      .onConflictDoUpdate({ target: [workOrderDispatchRules.organizationId, workOrderDispatchRules.categoryKind, workOrderDispatchRules.categoryCode], set: values })
      .returning({ id: workOrderDispatchRules.id });
    await appendAudit(
      tx,
      actor,
      {
        action: 'workOrder.dispatchRule',
        subjectType: 'organization',
        subjectId: org.id,
        organizationId: org.id,
        change: { category: { kind: category.kind, code: category.code }, from: before ? auditedRule(before) : null, to: auditedRule(values) },
      },
      now,
    );
    return row!.id;
  });
  const views = await listDispatchRules(ctx, actor, input.organizationId);
  return views.find((v) => v.id === id)!;
}

/** Removes one of an organization's rules (admins and heads); the category then follows the rule above, if any. */
export async function removeDispatchRule(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  assertMay(actor, workOrderPolicy.editDispatchRules);
  const now = ctx.clock();
  await inTransaction(ctx, async (tx) => {
    const [rule] = await tx.select().from(workOrderDispatchRules).where(eq(workOrderDispatchRules.id, id));
    if (!rule) throw notFound('派单规则', { id });
    // NOT_FOUND too for a rule of an organization outside the actor's.
    const org = await getOrganization({ db: tx }, actor, rule.organizationId).catch(() => {
      throw notFound('派单规则', { id });
    });
    await tx.delete(workOrderDispatchRules).where(eq(workOrderDispatchRules.id, id));
    await appendAudit(
      tx,
      actor,
      {
        action: 'workOrder.dispatchRule',
        subjectType: 'organization',
        subjectId: org.id,
        organizationId: org.id,
        change: { category: { kind: rule.categoryKind as CategoryKind, code: rule.categoryCode }, from: auditedRule(rule), to: null },
      },
      now,
    );
  });
}

/** The rule in force for a category of an order received by the organization at `path` (null: none). */
export async function dispatchRuleFor(db: Executor, path: string, category: { kind: CategoryKind; code: string; name: string }): Promise<DispatchRule | null> {
  const unit = alias(organizations, 'unit');
  const owner = alias(organizations, 'owner');
  const rows = await db
    .select({ r: workOrderDispatchRules, ownerPath: owner.path, unit: { id: unit.id, path: unit.path, kind: unit.kind, name: unit.name } })
    .from(workOrderDispatchRules)
    .innerJoin(owner, eq(owner.id, workOrderDispatchRules.organizationId))
    .leftJoin(unit, eq(unit.id, workOrderDispatchRules.unitId))
    .where(and(inArray(workOrderDispatchRules.organizationId, ids(path)), eq(workOrderDispatchRules.categoryKind, category.kind), eq(workOrderDispatchRules.categoryCode, category.code)));
  const nearest = rows.sort((a, b) => b.ownerPath.length - a.ownerPath.length)[0];
  if (!nearest) return null;
  return { category: category.name, reservedToBureau: nearest.r.reservedToBureau, unit: nearest.unit?.id ? nearest.unit : null };
}
