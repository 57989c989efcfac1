/**
 * The dashboard's kept counters (`case_tallies`, issue 16 item 7): how to check them against the cases and how to
 * count them again. They are kept by the triggers `case_tallies_*` on `cases` (migration 0023), in the transaction
 * of every case write, so no service has to remember them; `fazhi db rebuild-stats` runs `rebuildCaseTallies` after
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

/** Counts every counter again from the cases (in one transaction; case writes wait meanwhile). Returns the cases counted. */
export async function rebuildCaseTallies(db: Executor): Promise<{ cases: number; rows: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select case_tallies_rebuild()`);
    const result = (await tx.execute(sql`select coalesce(sum(cases), 0)::int as cases, count(*)::int as rows from case_tallies`)) as unknown as Rows<{ cases: number; rows: number }>;
    return result.rows[0]!;
  });
}
