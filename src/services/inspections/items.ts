/**
 * The published list of inspection items (检查事项清单, 国办发〔2024〕54号): an organization adds items (a draft), publishes
 * each from a day (the portal shows it from then) and withdraws one with its reason. An inspection is only of an item
 * published by its organization or one above it, on the day of the inspection. Every change audited.
 */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { type Actor, assertCanSee, assertRole } from '../../domain/access.ts';
import { chinaDateOf, compareIsoDates } from '../../domain/calendar/iso-date.ts';
import { notFound, ruleViolation, validationError } from '../../domain/errors.ts';
import { dateInput, textInput } from '../../domain/input-kit.ts';
import { inspectionItemInput } from '../../domain/inspections/inputs.ts';
import type { InspectionItemView } from '../../domain/inspections/views.ts';
import { INSPECTION_BASIS } from '../../domain/inspections/workflow.ts';
import { z } from 'zod';
import { inspectionItems } from '../../db/schema.ts';
import type { Executor } from '../../db/connect.ts';
import { appendAudit } from '../audit-trail.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { itemView, loadOrg } from './store.ts';

const ITEM_EDITORS = ['admin', 'head'] as const;

export async function addInspectionItem(ctx: ServiceContext, actor: Actor, organizationId: number, raw: unknown): Promise<InspectionItemView> {
  assertRole(actor, ...ITEM_EDITORS);
  const input = parseInput(inspectionItemInput, raw);
  return inTransaction(ctx, async (tx) => {
    const org = await loadOrg(tx, organizationId);
    if (!org) throw notFound('组织机构', { id: organizationId });
    assertCanSee(actor, org.path);
    const [dup] = await tx.select({ id: inspectionItems.id }).from(inspectionItems).where(and(eq(inspectionItems.organizationId, org.id), eq(inspectionItems.code, input.code)));
    if (dup) throw validationError(`事项编码 ${input.code} 已在本单位检查事项清单中`, { fields: [{ field: 'code', message: '事项编码已存在' }] });
    const [row] = await tx.insert(inspectionItems).values({ organizationId: org.id, ...input }).returning();
    await appendAudit(tx, actor, { action: 'inspectionItem.add', subjectType: 'inspectionItem', subjectId: row!.id, organizationId: org.id, change: { id: row!.id, organizationId: org.id, ...input } }, ctx.clock());
    return itemView(row!);
  });
}

const publishInput = z.object({ publishedOn: dateInput('公布日期') });
const withdrawInput = z.object({ withdrawnOn: dateInput('撤销日期'), reason: textInput('撤销理由') });

async function editableItem(db: Executor, actor: Actor, id: number) {
  const [row] = await db.select().from(inspectionItems).where(eq(inspectionItems.id, id));
  const org = row ? await loadOrg(db, row.organizationId) : null;
  if (!row || !org || !org.path.startsWith(actor.organizationPath)) throw notFound('检查事项', { id });
  return row;
}

/** Publishes an item from a day (today or later): not before, so nothing is inspected on an item not yet public. */
export async function publishInspectionItem(ctx: ServiceContext, actor: Actor, id: number, raw: unknown): Promise<InspectionItemView> {
  assertRole(actor, ...ITEM_EDITORS);
  const { publishedOn } = parseInput(publishInput, raw);
  const today = chinaDateOf(ctx.clock());
  if (compareIsoDates(publishedOn, today) < 0) throw ruleViolation(`公布日期不能早于今天（${today}）：检查事项须先公布后实施`, INSPECTION_BASIS);
  return inTransaction(ctx, async (tx) => {
    const row = await editableItem(tx, actor, id);
    if (row.publishedOn) throw validationError(`检查事项“${row.name}”已于 ${row.publishedOn} 公布`);
    const [updated] = await tx.update(inspectionItems).set({ publishedOn }).where(eq(inspectionItems.id, id)).returning();
    await appendAudit(tx, actor, { action: 'inspectionItem.publish', subjectType: 'inspectionItem', subjectId: id, organizationId: row.organizationId, change: { id, code: row.code, publishedOn } }, ctx.clock());
    return itemView(updated!);
  });
}

/** Withdraws a published item from a day (today or later), with its reason; inspections from that day are refused. */
export async function withdrawInspectionItem(ctx: ServiceContext, actor: Actor, id: number, raw: unknown): Promise<InspectionItemView> {
  assertRole(actor, ...ITEM_EDITORS);
  const { withdrawnOn, reason } = parseInput(withdrawInput, raw);
  const today = chinaDateOf(ctx.clock());
  if (compareIsoDates(withdrawnOn, today) < 0) throw validationError(`撤销日期不能早于今天（${today}）`);
  return inTransaction(ctx, async (tx) => {
    const row = await editableItem(tx, actor, id);
    if (!row.publishedOn) throw validationError(`检查事项“${row.name}”尚未公布，无需撤销`);
    if (row.withdrawnOn) throw validationError(`检查事项“${row.name}”已于 ${row.withdrawnOn} 撤销`);
    const [updated] = await tx.update(inspectionItems).set({ withdrawnOn }).where(eq(inspectionItems.id, id)).returning();
    await appendAudit(tx, actor, { action: 'inspectionItem.publish', subjectType: 'inspectionItem', subjectId: id, organizationId: row.organizationId, change: { id, code: row.code, withdrawnOn, reason } }, ctx.clock());
    return itemView(updated!);
  });
}

/** The items an organization may inspect on: its own and those of the organizations above it. */
export async function listInspectionItems(db: Executor, actor: Actor, organizationId: number): Promise<InspectionItemView[]> {
  const org = await loadOrg(db, organizationId);
  if (!org) throw notFound('组织机构', { id: organizationId });
  assertCanSee(actor, org.path);
  const rows = await db
    .select({ item: inspectionItems })
    .from(inspectionItems)
    .where(sql`${inspectionItems.organizationId} IN (SELECT id FROM organizations WHERE ${org.path} LIKE path || '%')`)
    .orderBy(asc(inspectionItems.code));
  return rows.map((r) => itemView(r.item));
}

/** The published list as the portal shows it: items in force on `on`, of one organization and those above it. */
export async function publishedInspectionItems(db: Executor, organizationId: number, on: string): Promise<InspectionItemView[]> {
  const org = await loadOrg(db, organizationId);
  if (!org) throw notFound('组织机构', { id: organizationId });
  const rows = await db
    .select({ item: inspectionItems })
    .from(inspectionItems)
    .where(
      and(
        sql`${inspectionItems.organizationId} IN (SELECT id FROM organizations WHERE ${org.path} LIKE path || '%')`,
        isNotNull(inspectionItems.publishedOn),
        sql`${inspectionItems.publishedOn} <= ${on}`,
        sql`(${inspectionItems.withdrawnOn} IS NULL OR ${inspectionItems.withdrawnOn} > ${on})`,
      ),
    )
    .orderBy(asc(inspectionItems.code));
  return rows.map((r) => itemView(r.item));
}
