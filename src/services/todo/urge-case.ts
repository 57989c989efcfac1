/**
 * 督办: a supervisor (or a head) urges the officers of a case of their subtree to act, with a note. Supervision, not a
 * step of the procedure: the case's state, version and dates do not change (an urge must not block an officer from
 * recording an earlier act); the note is written to the case's audit chain (`case.urge`), which the timeline shows
 * and the officers' to-do lists read until one of them next acts on the case.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { caseStates, type CaseState } from '../../domain/cases/model.ts';
import { casePolicy } from '../../domain/cases/policy.ts';
import { ruleViolation } from '../../domain/errors.ts';
import { assertMay } from '../../domain/policy.ts';
import type { Executor } from '../../db/connect.ts';
import { auditRecords, users } from '../../db/schema.ts';
import { appendAudit } from '../audit-trail.ts';
import { loadCase } from '../cases/case-store.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { parseInput } from '../parse-input.ts';

export const urgeInput = z.object({
  note: z.string({ error: '请填写督办意见' }).trim().min(2, '督办意见至少 2 个字').max(500, '督办意见最多 500 字'),
});

/** States in which there is nothing left to urge. */
const FINISHED: readonly CaseState[] = ['closed', 'archived', 'declined', 'withdrawn', 'transferred', 'terminated'];

export async function urgeCase(ctx: ServiceContext, actor: Actor, caseId: number, raw: unknown): Promise<{ caseId: number; at: string; note: string }> {
  assertMay(actor, casePolicy.urgeCase);
  const { note } = parseInput(urgeInput, raw);
  const now = ctx.clock();
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(tx, actor, caseId);
    const state = row.state as CaseState;
    if (FINISHED.includes(state)) throw ruleViolation(`本案已${caseStates[state]}，无需督办`, '执法监督');
    await appendAudit(tx, actor, { action: 'case.urge', subjectType: 'case', subjectId: row.id, organizationId: row.organizationId, change: { note } }, now);
    return { caseId: row.id, at: now.toISOString(), note };
  });
}

export interface OpenUrge {
  caseId: number;
  on: string;
  note: string;
  byName: string;
}

/**
 * 督办 notes of `caseIds` still open: made after the last step any officer of the case took (an officer acting on the
 * case answers it). Read from the case audit chains (index on subject).
 */
export async function openUrges(db: Executor, cases: readonly { id: number; officerIds: readonly number[] }[]): Promise<OpenUrge[]> {
  if (!cases.length) return [];
  const ids = cases.map((c) => String(c.id));
  const urges = await db
    .select({ subjectId: auditRecords.subjectId, seq: auditRecords.seq, at: auditRecords.at, change: auditRecords.change, byName: users.displayName })
    .from(auditRecords)
    .leftJoin(users, eq(users.id, auditRecords.actorId))
    .where(and(eq(auditRecords.subjectType, 'case'), inArray(auditRecords.subjectId, ids), eq(auditRecords.action, 'case.urge')))
    .orderBy(asc(auditRecords.seq));
  if (!urges.length) return [];
  const urged = [...new Set(urges.map((u) => u.subjectId))];
  const acts = await db
    .select({ subjectId: auditRecords.subjectId, seq: auditRecords.seq, actorId: auditRecords.actorId })
    .from(auditRecords)
    .where(and(eq(auditRecords.subjectType, 'case'), inArray(auditRecords.subjectId, urged), inArray(auditRecords.action, ['case.transition', 'case.evidence'])))
    .orderBy(desc(auditRecords.seq));
  return urges.flatMap((u) => {
    const officers = cases.find((c) => String(c.id) === u.subjectId)?.officerIds ?? [];
    const answered = acts.some((a) => a.subjectId === u.subjectId && a.seq > u.seq && a.actorId !== null && officers.includes(a.actorId));
    if (answered) return [];
    return [{ caseId: Number(u.subjectId), on: chinaDateOf(new Date(u.at)), note: (u.change as { note: string }).note, byName: u.byName ?? '系统' }];
  });
}
