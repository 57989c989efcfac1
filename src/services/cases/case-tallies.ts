/**
 * The dashboard's kept counters (`case_tallies`, issue 16 item 7; each case's next due date `case_next_deadlines` and
 * the cases per unit and due date `case_due_tallies`, migration 0027): how to check them against the cases and the
 * deadlines and how to count them again. They are kept by the triggers `case_tallies_*` on `cases` (migration 0023)
 * and `case_next_deadlines_*` on `deadlines` and `cases` (migration 0027), at the commit of every write, so no service
 * has to remember them; `fazhi db rebuild-stats` runs `rebuildCaseTallies` after
 * anything that wrote cases with the triggers off (a restore of a table, a bulk load with `session_replication_role`).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connect.ts';

/** A group of cases whose kept count (or fines) differs from the count over the cases themselves. */
export interface TallyDifference {
  organizationId: number;
  registeredOn: string;
  state: string;
  powerItemId: number | null;
  decided: boolean;
  penalty: boolean;
  penaltyKinds: string[];
  counted: number;
  kept: number;
  countedFineFen: number;
  keptFineFen: number;
}

type Rows<T> = { rows: T[] };

/**
 * Every group (unit, registration day, state, item, decided, penalty in force, its kinds) whose kept counters differ
 * from the aggregate over `cases` — written here on its own, with the dashboard's definitions (a penalty in force:
 * `decision_kind = 'penalty' and decision_status <> 'revoked'`; its kinds: `record.decision.penalty.kinds`), not with
 * the functions the triggers use, so that it checks them. Empty when the counters are right.
 */
export async function tallyDifferences(db: Executor): Promise<TallyDifference[]> {
  const result = (await db.execute(sql`
    with flagged as (
      select organization_id, registered_on, state, coalesce(power_item_id, -1) as item, decided_on is not null as decided,
             coalesce(decision_kind = 'penalty' and decision_status <> 'revoked', false) as penalty, fine_fen, record
      from cases
    ), counted as (
      select organization_id, registered_on, state, item, decided, penalty,
             case when penalty and jsonb_typeof(record -> 'decision' -> 'penalty' -> 'kinds') = 'array'
                  then array(select jsonb_array_elements_text(record -> 'decision' -> 'penalty' -> 'kinds')) else '{}'::text[] end as kinds,
             count(*)::int as cases, coalesce(sum(fine_fen) filter (where penalty), 0)::float8 as fine_fen
      from flagged group by 1, 2, 3, 4, 5, 6, 7
    ), kept as (
      select organization_id, registered_on, state, coalesce(power_item_id, -1) as item, decided, penalty, penalty_kinds as kinds,
             sum(cases)::int as cases, sum(fine_fen)::float8 as fine_fen
      from case_tallies group by 1, 2, 3, 4, 5, 6, 7
    )
    select organization_id as "organizationId", registered_on::text as "registeredOn", state, nullif(item, -1) as "powerItemId", decided, penalty,
           kinds as "penaltyKinds", coalesce(c.cases, 0) as counted, coalesce(k.cases, 0) as kept,
           coalesce(c.fine_fen, 0) as "countedFineFen", coalesce(k.fine_fen, 0) as "keptFineFen"
    from counted c full join kept k using (organization_id, registered_on, state, item, decided, penalty, kinds)
    where coalesce(c.cases, 0) <> coalesce(k.cases, 0) or coalesce(c.fine_fen, 0) <> coalesce(k.fine_fen, 0)
    order by 1, 2, 3`)) as unknown as Rows<TallyDifference>;
  return result.rows;
}

/** A case whose kept next due date (`case_next_deadlines`) differs from its open deadlines', or a unit and date whose kept count differs. */
export interface NextDeadlineDifference {
  /** 'case': one case's row; 'tally': the cases counted for (unit, due date) in `case_due_tallies`. */
  kind: 'case' | 'tally';
  caseId: number | null;
  organizationId: number;
  registeredOn: string | null;
  /** The next due date counted from the deadlines (null: the case has no open deadline) and the kept one. */
  countedDueOn: string | null;
  keptDueOn: string | null;
  counted: number;
  kept: number;
}

/**
 * Every case whose kept next due date, unit or registration day differs from what its open deadlines and its row say,
 * and every (unit, due date) whose kept count differs from the cases counted — written here on its own (the earliest
 * open deadline of each case, counted with a plain aggregate), not with the triggers' function, so that it checks them.
 * Empty when the kept figures are right: the dashboard's overdue cases per unit are then exactly the cases with an open
 * deadline due before today.
 */
export async function nextDeadlineDifferences(db: Executor): Promise<NextDeadlineDifference[]> {
  const result = (await db.execute(sql`
    with counted as (
      select c.id as case_id, c.organization_id, c.registered_on, min(d.due_on) as due_on
      from deadlines d join cases c on c.id = d.subject_id
      where d.subject_type = 'case' and d.met_on is null
      group by c.id
    ), cases_apart as (
      select 'case' as kind, coalesce(c.case_id, k.case_id) as "caseId", coalesce(c.organization_id, k.organization_id) as "organizationId",
             coalesce(c.registered_on, k.registered_on)::text as "registeredOn", c.due_on::text as "countedDueOn", k.due_on::text as "keptDueOn",
             (c.case_id is not null)::int as counted, (k.case_id is not null)::int as kept
      from counted c full join case_next_deadlines k using (case_id)
      where c.due_on is distinct from k.due_on or c.organization_id is distinct from k.organization_id or c.registered_on is distinct from k.registered_on
    ), tallied as (
      select organization_id, due_on, count(*)::int as cases from counted group by 1, 2
    ), kept_tallies as (
      select organization_id, due_on, sum(cases)::int as cases, bool_or(cases = 0) as zero from case_due_tallies group by 1, 2
    ), tallies_apart as (
      select 'tally' as kind, null::int as "caseId", organization_id as "organizationId", null::text as "registeredOn",
             due_on::text as "countedDueOn", due_on::text as "keptDueOn", coalesce(c.cases, 0) as counted, coalesce(k.cases, 0) as kept
      from tallied c full join kept_tallies k using (organization_id, due_on)
      where coalesce(c.cases, 0) <> coalesce(k.cases, 0) or coalesce(k.zero, false)
    )
    select * from cases_apart union all select * from tallies_apart
    order by 1, 3, 2`)) as unknown as Rows<NextDeadlineDifference>;
  return result.rows;
}

/**
 * Counts every counter again from the cases and the deadlines (in one transaction; case and deadline writes wait
 * meanwhile): `case_tallies`, and each case's next due date with the cases per unit and due date
 * (`case_next_deadlines`, `case_due_tallies`, migration 0027). Returns the cases counted.
 */
export async function rebuildCaseTallies(db: Executor): Promise<{ cases: number; rows: number; withDeadlines: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select case_tallies_rebuild()`);
    await tx.execute(sql`select case_next_deadlines_rebuild()`);
    const result = (await tx.execute(
      sql`select coalesce(sum(cases), 0)::int as cases, count(*)::int as rows, (select count(*)::int from case_next_deadlines) as "withDeadlines" from case_tallies`,
    )) as unknown as Rows<{ cases: number; rows: number; withDeadlines: number }>;
    return result.rows[0]!;
  });
}
