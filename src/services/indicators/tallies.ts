/**
 * The indicators' kept aggregates (`indicator_tallies`, migration 0025; docs/PERFORMANCE.md "A province"): how the
 * modules' indicator functions read a subtree's figures from them, how to check them against the records, and how to
 * count them again (`fazhi db rebuild-stats`).
 *
 * A tally key is a catalog key whose records the module's record query lists (its value is the tally's count, or its
 * amount for an amount key), or a helper the modules need besides:
 * - 'cases_active', 'orders_active', 'inspections_active': records registered (received, planned) or acted upon in
 *   the year — whether the ledger has anything for the year, so that a 0 is a real 0 and no records is "本年度无记录";
 * - 'orders_visited' / 'orders_satisfied': 群众满意度's denominator and numerator;
 * - 'issues_rectified' / 'issues_rectifiable': 整改到位率's numerator and denominator.
 * The drill-down lists stay the modules' record queries over the records themselves.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connect.ts';
import type { IndicatorContext } from '../kernel/indicators.ts';

export const tallyKeys = [
  'cases_active',
  'penalty_cases',
  'penalty_amount',
  'legal_reviews',
  'penalties_published',
  'non_penalty_cases',
  'exempted_amount',
  'orders_active',
  'petitions_handled',
  'orders_visited',
  'orders_satisfied',
  'inspections_active',
  'inspections',
  'inspection_staff_trips',
  'issues_found',
  'issues_rectified',
  'issues_rectifiable',
] as const;
export type TallyKey = (typeof tallyKeys)[number];

/** A tally: how many records, and their amount in 分. */
export interface Tally {
  n: number;
  fen: number;
}

type Rows<T> = { rows: T[] };

const zeros = (): Record<TallyKey, Tally> => Object.fromEntries(tallyKeys.map((k) => [k, { n: 0, fen: 0 }])) as Record<TallyKey, Tally>;

/** Tallies read ahead for many subtrees at once (`prefetchTallies`), by the context they were read for. */
const prefetched = new WeakMap<IndicatorContext, Map<string, Record<TallyKey, Tally>>>();

/**
 * The tallies of a subtree (materialized path; '/' is everything) for a year: one statement over the kept rows of
 * the subtree's units — a work order's row counts when its receiving or its handling unit is in the subtree (one
 * row per order's pair of units, so an order inside on both sides counts once). Keys without rows are 0. Read from
 * the context's prefetched tallies when `prefetchTallies` made it for this subtree and year.
 */
export async function talliesOf(ctx: IndicatorContext, orgPath: string, year: number, keys: readonly TallyKey[]): Promise<Record<TallyKey, Tally>> {
  const ahead = prefetched.get(ctx)?.get(`${orgPath}|${String(year)}`);
  if (ahead) return ahead;
  const wanted = sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  );
  const subtree =
    orgPath === '/'
      ? sql`true`
      : sql`(t.organization_id in (select id from organizations where path like ${`${orgPath}%`}) or t.unit_id in (select id from organizations where path like ${`${orgPath}%`}))`;
  const result = (await ctx.db.execute(sql`
    select t.key, coalesce(sum(t.n), 0)::float8 as n, coalesce(sum(t.amount_fen), 0)::float8 as fen
    from indicator_tallies t
    where t.year = ${year} and t.key in (${wanted}) and ${subtree}
    group by t.key`)) as unknown as Rows<{ key: TallyKey; n: number | string; fen: number | string }>;
  const tallies = zeros();
  for (const row of result.rows) tallies[row.key] = { n: Number(row.n), fen: Number(row.fen) };
  return tallies;
}

/**
 * A context whose `talliesOf` answers for each of `paths` and `year` without a statement: the year's kept rows are
 * read once, summed by unit (and handling unit), and added up per subtree here. For the roll-up, which computes the
 * tables of a hundred units in a row: one read instead of three per unit. The context is for one read-only
 * computation (what it answers is the tallies as they were when it was made).
 */
export async function prefetchTallies(ctx: IndicatorContext, paths: readonly string[], year: number): Promise<IndicatorContext> {
  const result = (await ctx.db.execute(sql`
    select t.key, o.path as org_path, u.path as unit_path, sum(t.n)::float8 as n, sum(t.amount_fen)::float8 as fen
    from indicator_tallies t join organizations o on o.id = t.organization_id left join organizations u on u.id = t.unit_id
    where t.year = ${year}
    group by 1, 2, 3`)) as unknown as Rows<{ key: string; org_path: string; unit_path: string | null; n: number | string; fen: number | string }>;
  const known = new Set<string>(tallyKeys);
  const bySubtree = new Map<string, Record<TallyKey, Tally>>();
  for (const path of new Set(paths)) {
    const tallies = zeros();
    for (const row of result.rows) {
      if (!known.has(row.key) || !(row.org_path.startsWith(path) || row.unit_path?.startsWith(path))) continue;
      const t = tallies[row.key as TallyKey];
      t.n += Number(row.n);
      t.fen += Number(row.fen);
    }
    bySubtree.set(`${path}|${String(year)}`, tallies);
  }
  const scoped: IndicatorContext = { ...ctx };
  prefetched.set(scoped, bySubtree);
  return scoped;
}

/** A kept row whose count or amount differs from the same parts summed over the records now. */
export interface IndicatorTallyDifference {
  organizationId: number;
  unitId: number | null;
  year: number;
  key: string;
  counted: number;
  kept: number;
  countedFen: number;
  keptFen: number;
}

/**
 * Every (unit, handling unit, year, key) whose kept sums differ from the parts of the records as they are now.
 * Empty when the tallies are right. (That the parts mean what the indicators' record queries mean is the property
 * test's business: tallies.test.ts compares every figure with its drill-down list.)
 */
export async function indicatorTallyDifferences(db: Executor): Promise<IndicatorTallyDifference[]> {
  const result = (await db.execute(sql`
    with counted as (
      select p.organization_id, coalesce(p.unit_id, 0) as unit_id, p.year, p.key, sum(p.n)::float8 as n, sum(p.amount_fen)::float8 as fen
      from (select x.* from cases c, lateral indicator_parts_case(c) x
            union all select x.* from case_publicity p, lateral indicator_parts_publicity(p) x
            union all select x.* from work_orders o, lateral indicator_parts_work_order(o) x
            union all select x.* from patrols p, lateral indicator_parts_patrol(p) x
            union all select x.* from patrol_problems pp, lateral indicator_parts_patrol_problem(pp) x
            union all select x.* from inspections i, lateral indicator_parts_inspection(i) x) p
      group by 1, 2, 3, 4
    ), kept as (
      select organization_id, coalesce(unit_id, 0) as unit_id, year, key, sum(n)::float8 as n, sum(amount_fen)::float8 as fen from indicator_tallies group by 1, 2, 3, 4
    )
    select organization_id as "organizationId", nullif(unit_id, 0) as "unitId", year, key,
           coalesce(c.n, 0) as counted, coalesce(k.n, 0) as kept, coalesce(c.fen, 0) as "countedFen", coalesce(k.fen, 0) as "keptFen"
    from counted c full join kept k using (organization_id, unit_id, year, key)
    where coalesce(c.n, 0) <> coalesce(k.n, 0) or coalesce(c.fen, 0) <> coalesce(k.fen, 0)
    order by 1, 2, 3, 4`)) as unknown as Rows<IndicatorTallyDifference>;
  return result.rows.map((r) => ({ ...r, counted: Number(r.counted), kept: Number(r.kept), countedFen: Number(r.countedFen), keptFen: Number(r.keptFen) }));
}

/** Counts every kept aggregate again from the records (one transaction; writes of those ledgers wait meanwhile). */
export async function rebuildIndicatorTallies(db: Executor): Promise<{ rows: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select indicator_tallies_rebuild()`);
    const result = (await tx.execute(sql`select count(*)::int as rows from indicator_tallies`)) as unknown as Rows<{ rows: number | string }>;
    return { rows: Number(result.rows[0]!.rows) };
  });
}
