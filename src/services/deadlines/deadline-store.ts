/**
 * The SQL of the generic deadlines table (db/schema/deadlines.ts), for every ledger: a ledger names its subject
 * (`{ type: 'case', id, organizationId }`) and the kind; the ledger's own module (e.g. services/cases/case-store.ts)
 * knows which kinds exist and which article sets each.
 */
import { and, eq, inArray, isNull, lt, notInArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { IsoDate } from '../../domain/calendar/iso-date.ts';
import type { CountedDeadline } from '../../domain/calendar/periods.ts';
import type { Transaction } from '../../db/connect.ts';
import { later } from '../../db/later.ts';
import { deadlines } from '../../db/schema.ts';

/** The record a deadline belongs to: one row of a ledger. */
export interface DeadlineSubject {
  type: string;
  id: number;
  organizationId: number;
  /** Created in this transaction: it has no deadline yet, so the open one is not looked for (one statement less). */
  created?: boolean;
}

/**
 * When a deadline was met: `on` is the date of the act that met it (the step's act date, which may be earlier than
 * the day it is entered — 案卷评查 compares that date with the due date), `at` the moment it was recorded.
 */
export interface DeadlineMet {
  on: IsoDate;
  at: Date;
  /** Why the act comes after a deadline's due date; kept on the rows it meets late. */
  lateReason?: string | null;
  /** false: a row met after its due date is not flagged (a deadline the party keeps, e.g. a payment). Default true. */
  flagLate?: boolean;
}

/** An open deadline an act on `on` would meet after its due date. */
export interface LateDeadline {
  kind: string;
  dueOn: IsoDate;
  article: string;
}

/** Open (not yet met) deadlines: the rows of the partial index deadlines_open_due_idx. */
export const openDeadline: SQL = isNull(deadlines.metOn);

/** The deadlines of the subject row `id` of ledger `type`, e.g. `deadlineOf('case', cases.id)` in a join or EXISTS. */
export function deadlineOf(type: string, id: AnyPgColumn | number): SQL {
  return and(eq(deadlines.subjectType, type), eq(deadlines.subjectId, id))!;
}

/**
 * Sets (or moves) the subject's open deadline of `kind` — a date, or a date counted by a period (kept with it, so
 * the deadline is counted again when a year's holiday arrangement is entered); a met deadline stays as history.
 */
export async function setDeadline(tx: Transaction, subject: DeadlineSubject, kind: string, due: IsoDate | CountedDeadline, article: string): Promise<void> {
  const { dueOn, counting } = typeof due === 'string' ? { dueOn: due, counting: null } : due;
  const values = { dueOn, countedFrom: counting?.from ?? null, periodDays: counting?.days ?? null, periodKind: counting?.kind ?? null };
  const [open] = subject.created
    ? []
    : await tx
        .select({ id: deadlines.id })
        .from(deadlines)
        .where(and(deadlineOf(subject.type, subject.id), eq(deadlines.kind, kind), openDeadline));
  // Written `later` (src/db/later.ts): nothing waits for a deadline's row.
  if (open) await later(tx, tx.update(deadlines).set(values).where(eq(deadlines.id, open.id)));
  else await later(tx, tx.insert(deadlines).values({ subjectType: subject.type, subjectId: subject.id, organizationId: subject.organizationId, kind, article, ...values }));
}

/** The subject's open deadlines of these kinds whose due date is before `on`: an act on `on` meets them late. */
export async function lateDeadlines(tx: Transaction, type: string, id: number, kinds: readonly string[], on: IsoDate): Promise<LateDeadline[]> {
  if (!kinds.length) return [];
  return tx
    .select({ kind: deadlines.kind, dueOn: deadlines.dueOn, article: deadlines.article })
    .from(deadlines)
    .where(and(deadlineOf(type, id), inArray(deadlines.kind, [...kinds]), openDeadline, lt(deadlines.dueOn, on)));
}

/**
 * Marks the subject's open deadlines of these kinds met on `met.on`; one due before that is marked met late
 * (`met_late`, unless `met.flagLate` is false), with `met.lateReason`.
 */
export async function meetDeadlines(tx: Transaction, type: string, id: number, kinds: readonly string[], met: DeadlineMet): Promise<void> {
  if (!kinds.length) return;
  const late = met.flagLate === false ? sql`false` : sql`${deadlines.dueOn} < ${met.on}::date`;
  await later(
    tx,
    tx
      .update(deadlines)
      .set({ metOn: met.on, metAt: met.at.toISOString(), metLate: late, lateReason: met.lateReason ? sql`case when ${late} then ${met.lateReason} end` : null })
      .where(and(deadlineOf(type, id), inArray(deadlines.kind, [...kinds]), openDeadline)),
  );
}

/** Marks every open deadline of the subject met (moot), except those of the kinds in `except`. */
export async function closeAllDeadlines(tx: Transaction, type: string, id: number, met: DeadlineMet, except: readonly string[] = []): Promise<void> {
  await later(
    tx,
    tx
      .update(deadlines)
      .set({ metOn: met.on, metAt: met.at.toISOString() })
      .where(and(deadlineOf(type, id), openDeadline, except.length ? notInArray(deadlines.kind, [...except]) : undefined)),
  );
}
