/**
 * Deadlines due soon or overdue across the actor's subtree (supervision). Both are range queries on the
 * partial index deadlines_open_due_idx (due_on where met_on is null), never scans of cases. And deadlines met late
 * (an act after the due date, with its reason): met ones, a scan of the recent rows flagged `met_late`. Planned without
 * parallel workers (db/serial-read.ts).
 */
import { and, asc, desc, eq, gt, gte, like, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { pageOffsetInput } from '../../domain/input-kit.ts';
import { type Actor, isSystem } from '../../domain/access.ts';
import { addDays, chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { type DeadlineKind, deadlineKinds } from '../../domain/cases/model.ts';
import type { Executor } from '../../db/connect.ts';
import { withoutParallelWorkers } from '../../db/serial-read.ts';
import { cases, deadlines, organizations } from '../../db/schema.ts';
import { deadlineOf, openDeadline } from '../deadlines/deadline-store.ts';
import { parseInput } from '../parse-input.ts';
import { withResponsible } from './responsible-officers.ts';
import type { DeadlineItem } from '../../domain/cases/oversight-views.ts';

export const deadlineQuery = z.object({
  /**
   * 'overdue': past due and not met; 'due': due within `days` days from today (not yet overdue); 'late': met by an act
   * after the due date within the last `days` days (supervision of late acts, with the reason given), latest first.
   */
  status: z.enum(['overdue', 'due', 'late']).default('due'),
  days: z.coerce.number().int().min(0).max(365).default(7),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  /** Rows skipped before the page (issue 16 item 7: every list is paged). */
  offset: pageOffsetInput(),
});

export type { DeadlineItem } from '../../domain/cases/oversight-views.ts';

export async function listDeadlines(ctx: { db: Executor; clock: () => Date }, actor: Actor, raw: unknown = {}): Promise<DeadlineItem[]> {
  const input = parseInput(deadlineQuery, raw);
  const today = chinaDateOf(ctx.clock());
  const range: SQL[] =
    input.status === 'late'
      ? [eq(deadlines.metLate, true), gte(deadlines.metOn, addDays(today, -input.days))]
      : input.status === 'overdue'
        ? [openDeadline, lte(deadlines.dueOn, addDays(today, -1))]
        : [openDeadline, gt(deadlines.dueOn, addDays(today, -1)), lte(deadlines.dueOn, addDays(today, input.days))];
  // Planned without parallel workers (db/serial-read.ts): at a million cases the default page of 200 overdue rows was
  // planned as a `Gather Merge`, most of its 46–94 ms spent starting the worker.
  return withoutParallelWorkers(ctx.db, async (db) => {
    const rows = await db
      .select({
        caseId: cases.id,
        actCode: cases.actCode,
        title: cases.title,
        organizationName: organizations.name,
        kind: deadlines.kind,
        article: deadlines.article,
        dueOn: deadlines.dueOn,
        metOn: deadlines.metOn,
        lateReason: deadlines.lateReason,
      })
      .from(deadlines)
      .innerJoin(cases, deadlineOf('case', cases.id))
      .innerJoin(organizations, eq(organizations.id, cases.organizationId))
      .where(and(...range, isSystem(actor) ? undefined : like(organizations.path, `${actor.organizationPath}%`)))
      .orderBy(...(input.status === 'late' ? [desc(deadlines.metOn), desc(deadlines.id)] : [asc(deadlines.dueOn), asc(deadlines.id)]))
      .limit(input.limit)
      .offset(input.offset);
    return withResponsible(
      db,
      rows.map((r) => ({ ...r, kind: r.kind as DeadlineKind, label: deadlineKinds[r.kind as DeadlineKind].label })),
      today,
    );
  });
}
