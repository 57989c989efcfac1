/**
 * The life of an imported version after the import (issue 15, item 7): a head confirms a draft with its effective
 * date (it is published on the portal and applied from that day), an admin or head discards a draft, a head
 * withdraws a version in force or scheduled, with a reason. Each step runs in one transaction with its audit
 * record; the version row is locked so two heads cannot confirm or withdraw the same version at once.
 *
 * Which version a case uses is unchanged (store.ts, versionInForce): the one in force on its decision date. So a
 * version confirmed today for a later date changes nothing for cases decided before it; withdrawing the version in
 * force ends it on the withdrawal day (effectiveTo) — decisions made before keep it, and from that day the version
 * before it at the same level applies again (or, if none, the superior unit's or the global one), which is what
 * the legal section expects when a revision turns out wrong: "back to the old standard".
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, isSystem } from '../../domain/access.ts';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import { isIsoDate } from '../../domain/calendar/iso-date.ts';
import type { BenchmarkItem, ExemptionItem } from '../../domain/discretion/index.ts';
import { checkEffectiveDate, diffBenchmarkItems, diffExemptionItems, versionInForce, versionState, withdrawalEnd } from '../../domain/discretion/index.ts';
import { discretionPolicy } from '../../domain/discretion/policy.ts';
import type { VersionDiffView, VersionStepResult } from '../../domain/discretion/views.ts';
import { conflict, notFound, validationError } from '../../domain/errors.ts';
import { assertMay } from '../../domain/policy.ts';
import type { Executor, Transaction } from '../../db/connect.ts';
import { benchmarkVersions, organizations } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { todayOf } from '../cases/case-store.ts';
import { type ServiceContext, inTransaction } from '../context.ts';
import { parseInput } from '../parse-input.ts';
import { itemsOfVersion, loadVisibleVersion, toDomainVersion, type VersionKind, type VersionRow, versionInForceAt } from './store.ts';

export const confirmInput = z.object({
  effectiveFrom: z.string({ message: '请选择施行日期' }).refine(isIsoDate, '施行日期格式应为 YYYY-MM-DD 且为真实日期'),
});
export const withdrawInput = z.object({
  reason: z.string({ message: '请填写撤回理由' }).trim().min(5, '撤回理由至少 5 个字').max(500, '撤回理由不超过 500 个字'),
});

const result = (row: VersionRow): VersionStepResult => ({
  id: row.id,
  status: row.status as VersionStepResult['status'],
  effectiveFrom: row.effectiveFrom,
  effectiveTo: row.effectiveTo,
  publishedOn: row.publishedOn,
});

/** Differences of a draft (or any version) from the version in force at its level on `date`. */
export async function draftDiff(db: Executor, version: Pick<VersionRow, 'id' | 'kind' | 'organizationId'>, date: IsoDate): Promise<VersionDiffView> {
  const base = await versionInForceAt(db, version.kind as VersionKind, version.organizationId, date);
  const before = base && base.id !== version.id ? await itemsOfVersion(db, base) : [];
  const after = await itemsOfVersion(db, version);
  const diff =
    version.kind === 'benchmark'
      ? diffBenchmarkItems(before as BenchmarkItem[], after as BenchmarkItem[])
      : diffExemptionItems(before as ExemptionItem[], after as ExemptionItem[]);
  return { base: base && base.id !== version.id ? { id: base.id, name: base.name, effectiveFrom: base.effectiveFrom } : null, ...diff };
}

/** GET /api/benchmarks/:id/diff: what a draft changes, for those who prepare and confirm drafts. */
export async function benchmarkVersionDiff(ctx: ServiceContext, actor: Actor, id: number): Promise<VersionDiffView> {
  assertMay(actor, discretionPolicy.seeDrafts);
  const version = await loadVisibleVersion(ctx.db, actor, id);
  return draftDiff(ctx.db, version, todayOf(ctx.clock));
}

/**
 * The version, locked, when the actor may decide on it: a version of the actor's organization or one below it
 * (a global version only by the system). Others are reported as not found, as elsewhere.
 */
async function lockInScope(tx: Transaction, actor: Actor, id: number): Promise<VersionRow> {
  const [row] = await tx.select().from(benchmarkVersions).where(eq(benchmarkVersions.id, id)).for('update');
  if (!row) throw notFound('该裁量基准版本', { id });
  if (isSystem(actor)) return row;
  if (row.organizationId === null) throw notFound('该裁量基准版本', { id });
  const [org] = await tx.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, row.organizationId));
  if (!org || !org.path.startsWith(actor.organizationPath)) throw notFound('该裁量基准版本', { id });
  return row;
}

async function peersOf(tx: Transaction, row: VersionRow): Promise<VersionRow[]> {
  return tx
    .select()
    .from(benchmarkVersions)
    .where(
      and(
        eq(benchmarkVersions.kind, row.kind),
        row.organizationId === null ? undefined : eq(benchmarkVersions.organizationId, row.organizationId),
        inArray(benchmarkVersions.status, ['confirmed', 'withdrawn']),
      ),
    )
    .then((rows) => rows.filter((r) => r.organizationId === row.organizationId));
}

const ref = (row: VersionRow | undefined) => (row ? { id: row.id, name: row.name } : null);
const auditAction = { confirm: 'benchmark.confirm', discard: 'benchmark.discard', withdraw: 'benchmark.withdraw' } as const;

/**
 * Puts a draft in force from `effectiveFrom` (today or later; the system may record a past date). It is published
 * on the portal on that day (《行政处罚法》第三十四条) and cases decided from that day use it.
 */
export async function confirmBenchmarkVersion(ctx: ServiceContext, actor: Actor, id: number, raw: unknown): Promise<VersionStepResult> {
  // The system (CLI bootstrap, demo) records versions already decided elsewhere.
  if (!isSystem(actor)) assertMay(actor, discretionPolicy.confirmBenchmarks);
  const input = parseInput(confirmInput, raw);
  const today = todayOf(ctx.clock);
  checkEffectiveDate(input.effectiveFrom, today, isSystem(actor));
  return inTransaction(ctx, async (tx) => {
    const row = await lockInScope(tx, actor, id);
    if (row.status !== 'draft') throw conflict(`该版本不是草稿（${row.status === 'confirmed' ? '已确认' : row.status === 'withdrawn' ? '已撤回' : '已放弃'}），不能再确认`);
    const peers = await peersOf(tx, row);
    const sameDay = peers.find((p) => p.status === 'confirmed' && p.effectiveFrom === input.effectiveFrom);
    if (sameDay) throw validationError(`「${sameDay.name}」已定于 ${input.effectiveFrom} 起施行，同一单位同类清单不能有两个版本同日施行；请另选日期或先撤回该版本`, { versionId: sameDay.id });
    const replaces = versionInForce(peers.map(toDomainVersion), input.effectiveFrom)?.row;
    const now = ctx.clock();
    const [updated] = await tx
      .update(benchmarkVersions)
      .set({ status: 'confirmed', effectiveFrom: input.effectiveFrom, publishedOn: input.effectiveFrom, confirmedBy: isSystem(actor) ? null : actor.userId, confirmedAt: now })
      .where(and(eq(benchmarkVersions.id, id), eq(benchmarkVersions.status, 'draft')))
      .returning();
    await appendAudit(
      tx,
      actor,
      {
        action: auditAction.confirm,
        subjectType: 'benchmarkVersion',
        subjectId: id,
        organizationId: row.organizationId,
        change: { kind: row.kind as VersionKind, name: row.name, effectiveFrom: input.effectiveFrom, publishedOn: input.effectiveFrom, replaces: ref(replaces) },
      },
      now,
    );
    return result(updated!);
  });
}

/** Discards a draft: it stays recorded (and audited) but is never confirmed. */
export async function discardBenchmarkVersion(ctx: ServiceContext, actor: Actor, id: number): Promise<VersionStepResult> {
  assertMay(actor, discretionPolicy.discardDrafts);
  return inTransaction(ctx, async (tx) => {
    const row = await lockInScope(tx, actor, id);
    if (row.status !== 'draft') throw conflict('只能放弃草稿；已确认的版本请撤回');
    const now = ctx.clock();
    const [updated] = await tx.update(benchmarkVersions).set({ status: 'discarded' }).where(eq(benchmarkVersions.id, id)).returning();
    await appendAudit(
      tx,
      actor,
      { action: auditAction.discard, subjectType: 'benchmarkVersion', subjectId: id, organizationId: row.organizationId, change: { kind: row.kind as VersionKind, name: row.name } },
      now,
    );
    return result(updated!);
  });
}

/**
 * Withdraws a version in force (it ends today; the one before it applies again) or scheduled (it never takes
 * effect), with the reason. A superseded version is history — cases were decided on it — and is not withdrawn.
 */
export async function withdrawBenchmarkVersion(ctx: ServiceContext, actor: Actor, id: number, raw: unknown): Promise<VersionStepResult> {
  if (!isSystem(actor)) assertMay(actor, discretionPolicy.confirmBenchmarks);
  const input = parseInput(withdrawInput, raw);
  const today = todayOf(ctx.clock);
  return inTransaction(ctx, async (tx) => {
    const row = await lockInScope(tx, actor, id);
    const peers = await peersOf(tx, row);
    const inForceToday = versionInForce(peers.map(toDomainVersion), today)?.row.id === row.id;
    const state = versionState({ status: row.status as 'draft', effectiveFrom: row.effectiveFrom }, today, inForceToday);
    const effectiveTo = withdrawalEnd({ status: row.status as 'confirmed', effectiveFrom: row.effectiveFrom }, state, today);
    const now = ctx.clock();
    const [updated] = await tx
      .update(benchmarkVersions)
      .set({ status: 'withdrawn', effectiveTo, withdrawnBy: isSystem(actor) ? null : actor.userId, withdrawnAt: now, withdrawalReason: input.reason })
      .where(and(eq(benchmarkVersions.id, id), ne(benchmarkVersions.status, 'withdrawn')))
      .returning();
    const restores = inForceToday ? versionInForce(peers.filter((p) => p.id !== id).map(toDomainVersion), today)?.row : undefined;
    await appendAudit(
      tx,
      actor,
      {
        action: auditAction.withdraw,
        subjectType: 'benchmarkVersion',
        subjectId: id,
        organizationId: row.organizationId,
        change: { kind: row.kind as VersionKind, name: row.name, reason: input.reason, wasInForce: inForceToday, effectiveTo, restores: ref(restores) },
      },
      now,
    );
    return result(updated!);
  });
}
