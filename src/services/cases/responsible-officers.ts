/**
 * Supervision lists (deadlines overdue and due soon): each case with the officers responsible for it — the officers
 * named on the case who were not recused — and how many calendar days a deadline is past, so a supervisor knows whom
 * to urge (督办) and how late the case is.
 */
import { inArray, sql } from 'drizzle-orm';
import { daysBetween, type IsoDate } from '../../domain/calendar/iso-date.ts';
import type { Executor } from '../../db/connect.ts';
import { cases, users } from '../../db/schema.ts';
import type { CaseRecord } from '../../domain/cases/snapshot.ts';

/** `rows` with `officers` (display names of the case's non-recused officers) and `daysOverdue` (0 unless past due). */
export async function withResponsible<R extends { caseId: number; dueOn: IsoDate }>(db: Executor, rows: readonly R[], today: IsoDate): Promise<(R & { officers: string[]; daysOverdue: number })[]> {
  const caseIds = [...new Set(rows.map((r) => r.caseId))];
  // Only the recusals of each record are sent (a page of 200 deadlines read and parsed 200 whole records).
  const found = caseIds.length
    ? await db
        .select({ id: cases.id, officerIds: cases.officerIds, recusals: sql<CaseRecord['recusals'] | null>`${cases.record} -> 'recusals'` })
        .from(cases)
        .where(inArray(cases.id, caseIds))
    : [];
  const userIds = [...new Set(found.flatMap((c) => c.officerIds))];
  const names = userIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [];
  const officersOf = new Map(
    found.map((c) => {
      const recused = new Set((c.recusals ?? []).filter((r) => r.granted).map((r) => r.officerId));
      return [c.id, c.officerIds.filter((id) => !recused.has(id)).map((id) => names.find((n) => n.id === id)?.name ?? `用户 ${id}`)];
    }),
  );
  return rows.map((r) => ({ ...r, officers: officersOf.get(r.caseId) ?? [], daysOverdue: Math.max(0, daysBetween(r.dueOn, today)) }));
}
