/**
 * The indicators' kept aggregates (`indicator_tallies`, migration 0025) always equal the naive queries: after writes
 * through the services (registrations, legal reviews, penalty and 不予处罚 decisions, publications, revocations,
 * closed work orders) and random writes straight to the tables (moves between units, acts moved across a year's
 * end, revocations, a penalty turned into 不予处罚, reviews appended, publications taken back, patrols, problems and
 * inspections added, rectified, cancelled and deleted, orders re-dispatched, visited again or deleted), every
 * figure of every unit's subtree and of everything, 2024–2027, read from the aggregates equals its drill-down list
 * read from the records (count = list length, amount = list sum, rate numerator = list length), every rate's
 * denominator and every "has records" equals the same count over the records. A write with the triggers off leaves a
 * difference that the check finds and `fazhi db rebuild-stats` repairs.
 *
 * Runs on PGlite; on PostgreSQL with FAZHI_TEST_DATABASE_URL (src/db/testing.ts).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPassedChecklist } from '../../domain/cases/legal-review.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { getCase } from '../cases/get-case.ts';
import { hasCasesIn } from '../cases/indicators.ts';
import { publishDecision } from '../cases/publicity.ts';
import { transitionCase } from '../cases/transition-case.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { hasRecords, rectifiableDirectly } from '../inspections/indicators.ts';
import { addInspectionItem } from '../inspections/items.ts';
import { drillDownMismatch, indicatorScope } from '../kernel/indicators.ts';
import { newCase, newPowerItem, newWorld, type World } from '../testing/factories.ts';
import { newClosedWorkOrder } from '../testing/workorder-factories.ts';
import { countOrdersDirectly, hasOrders } from '../workorders/indicators.ts';
import { indicatorSources } from './sources.ts';
import { indicatorTallyDifferences, rebuildIndicatorTallies, talliesOf } from './tallies.ts';
import { seededRandom } from '../../domain/seeded-random.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let w: World;
let today = '2025-01-02';
const YEARS = [2024, 2025, 2026, 2027];

const next = seededRandom(20261206);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const chance = (p: number) => next() < p;
/** A random day of 2024–2026, often near a year's end (where an off-by-one year would show). */
const day = () => (chance(0.4) ? pick(['2024-12-31', '2025-01-01', '2025-12-31', '2026-01-01']) : `${pick([2024, 2025, 2026])}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`);

type Rows<T> = { rows: T[] };
const rows = async <T,>(query: ReturnType<typeof sql>) => ((await handle.db.execute(query)) as unknown as Rows<T>).rows;
const ids = async (table: string) => (await rows<{ id: number }>(sql.raw(`select id from ${table} order by id`))).map((r) => Number(r.id));
const orgIds = () => Object.values(w.org).map((o) => o.id);

/** Every figure of every subtree and year, from the aggregates, against the records. Returns the mismatches. */
async function mismatches(): Promise<string[]> {
  const found: string[] = [];
  const paths = ['/', ...Object.values(w.org).map((o) => o.path)];
  for (const path of paths) {
    for (const year of YEARS) {
      const where = `${path} ${year}`;
      for (const source of indicatorSources) {
        for (const value of await source.indicators(ctx, path, year)) {
          const problem = drillDownMismatch(value, value.value === null ? [] : await source.records(ctx, path, year, value.key));
          if (problem) found.push(`${where}: ${problem}`);
        }
      }
      const kept = await talliesOf(ctx, path, year, ['cases_active', 'orders_active', 'inspections_active', 'orders_visited', 'issues_rectifiable', 'petitions_handled', 'orders_satisfied']);
      const scope = indicatorScope(ctx.clock, path, year);
      if (kept.cases_active.n > 0 !== (await hasCasesIn(ctx.db, scope))) found.push(`${where}: cases_active ${kept.cases_active.n}`);
      if (kept.orders_active.n > 0 !== (await hasOrders(ctx, path, year))) found.push(`${where}: orders_active ${kept.orders_active.n}`);
      if (kept.inspections_active.n > 0 !== (await hasRecords(ctx, scope))) found.push(`${where}: inspections_active ${kept.inspections_active.n}`);
      const orders = await countOrdersDirectly(ctx, path, year);
      if (kept.orders_visited.n !== orders.visited || kept.orders_satisfied.n !== orders.satisfied || kept.petitions_handled.n !== orders.handled)
        found.push(`${where}: orders kept ${JSON.stringify(kept.orders_visited)} / ${JSON.stringify(kept.orders_satisfied)}, counted ${JSON.stringify(orders)}`);
      const rectifiable = await rectifiableDirectly(ctx, path, year);
      if (kept.issues_rectifiable.n !== rectifiable) found.push(`${where}: issues_rectifiable kept ${kept.issues_rectifiable.n}, counted ${rectifiable}`);
    }
  }
  return found;
}

/** The figures that matter, so a test that finds nothing wrong also shows it looked at something. */
async function figuresOf(path: string, year: number) {
  return talliesOf(ctx, path, year, ['penalty_cases', 'penalty_amount', 'legal_reviews', 'penalties_published', 'non_penalty_cases', 'exempted_amount', 'petitions_handled', 'inspections', 'issues_found']);
}

let itemId = 0;
let subjectId = 0;

/** One round of random writes straight to the tables, as any write path (or a future one) might make them. */
async function randomWrites(round: number): Promise<void> {
  const orgs = orgIds();
  const caseIds = await ids('cases');
  for (let i = 0; i < 6; i++) {
    const id = pick(caseIds);
    const d = day();
    switch (Math.floor(next() * 7)) {
      case 0: // moved to another unit
        await handle.db.execute(sql`update cases set organization_id = ${pick(orgs)} where id = ${id}`);
        break;
      case 1: // the decision dated on another day (across a year's end, often)
        await handle.db.execute(sql`update cases set decided_on = ${d}, last_acted_on = greatest(last_acted_on, ${d}::date) where id = ${id} and decided_on is not null`);
        break;
      case 2: // revoked, changed, or back in force
        await handle.db.execute(sql`update cases set decision_status = ${pick(['revoked', 'changed', 'inForce'])} where id = ${id} and decision_kind is not null`);
        break;
      case 3: // a penalty turned into 不予处罚 on a ground, stating (or not) the fine it waives
        await handle.db.execute(
          sql`update cases set decision_kind = 'noPenalty', decided_on = coalesce(decided_on, ${d}::date), decision_status = coalesce(decision_status, 'inForce'),
                record = jsonb_set(jsonb_set(record, '{decision}', coalesce(record -> 'decision', '{}'::jsonb) || jsonb_build_object('ground', ${pick(['firstViolation', 'minor', 'factsNotEstablished'])}::text)),
                                   '{proposal}', jsonb_build_object('kind', 'noPenalty', 'penalty', ${chance(0.5) ? sql`jsonb_build_object('fineFen', ${(1 + Math.floor(next() * 50)) * 100})` : sql`null`}))
              where id = ${id}`,
        );
        break;
      case 4: // a legal review appended (in date order, as the review step appends them)
        await handle.db.execute(
          sql`update cases set record = jsonb_set(record, '{legalReviews}', coalesce(record -> 'legalReviews', '[]'::jsonb) || jsonb_build_array(jsonb_build_object('on', greatest(coalesce(last_review_on, ''), ${d})::text, 'passed', true)))
              where id = ${id}`,
        );
        break;
      case 5: // a confiscation and a new fine on the decision
        await handle.db.execute(
          sql`update cases set fine_fen = ${(1 + Math.floor(next() * 90)) * 100}, record = jsonb_set(record, '{decision,penalty}', jsonb_build_object('confiscationFen', ${chance(0.5) ? 500_00 : 0}::int))
              where id = ${id} and record ? 'decision' and jsonb_typeof(record -> 'decision') = 'object'`,
        );
        break;
      default: // acted upon again later, or registered earlier
        await handle.db.execute(chance(0.5) ? sql`update cases set last_acted_on = greatest(last_acted_on, ${d}::date) where id = ${id}` : sql`update cases set registered_on = least(registered_on, ${d}::date) where id = ${id}`);
    }
  }
  // Publicity: moved to another day, taken back, or its unit changed.
  for (const id of (await ids('case_publicity')).filter(() => chance(0.5))) {
    await handle.db.execute(
      pick([
        sql`update case_publicity set published_at = ${`${day()}T${pick(['01:00', '16:30', '15:59'])}:00Z`} where id = ${id}`,
        sql`update case_publicity set published_at = null where id = ${id}`,
        sql`update case_publicity set organization_id = ${pick(orgs)} where id = ${id}`,
      ]),
    );
  }
  // Work orders: re-dispatched, completed or visited on another day, the rating changed, or deleted.
  for (const id of await ids('work_orders')) {
    if (!chance(0.6)) continue;
    const d = day();
    await handle.db.execute(
      pick([
        sql`update work_orders set unit_id = ${pick([...orgs, null])} where id = ${id}`,
        sql`update work_orders set organization_id = ${pick(orgs)} where id = ${id}`,
        sql`update work_orders set completed_on = ${chance(0.8) ? d : null}, last_acted_on = greatest(last_acted_on, ${d}::date) where id = ${id}`,
        sql`update work_orders set visited_on = ${d}, last_satisfaction = ${pick(['satisfied', 'basic', 'dissatisfied', 'unsatisfied'])} where id = ${id}`,
        sql`update work_orders set received_on = ${d} where id = ${id}`,
      ]),
    );
  }
  if (round === 2) await handle.db.execute(sql`delete from work_orders where id = ${pick(await ids('work_orders'))} and case_id is null`);
  // Patrols, their problems, and inspections of subjects: added, set out, rectified, referred, cancelled, deleted.
  for (let i = 0; i < 3; i++) {
    const d = day();
    const org = pick(orgs);
    const [patrol] = await rows<{ id: number }>(sql`
      insert into patrols (organization_id, area, route, planned_on, officer_ids, state, started_at, last_acted_on, record)
      values (${org}, '湖滨路片区', '湖滨路—解放路', ${d}, ${sql.raw(`array[${Array.from({ length: 1 + Math.floor(next() * 3) }, (_, k) => k + 1).join(',')}]::int[]`)},
              ${pick(['planned', 'started', 'finished', 'cancelled'])}, ${chance(0.8) ? `${d}T${pick(['01:00', '16:30'])}:00Z` : null}, ${d}, '{}'::jsonb)
      returning id`);
    if (chance(0.7))
      await handle.db.execute(sql`
        insert into patrol_problems (patrol_id, organization_id, category_kind, category_code, place, description, state, found_on, last_acted_on, record)
        values (${patrol!.id}, ${org}, 'matter', '06001', '湖滨路12号', '占道堆放物料', ${pick(['open', 'rectifying', 'rectified', 'referred'])}, ${d}, ${d}, '{}'::jsonb)`);
    const finding = chance(0.6) ? sql`jsonb_build_object('findings', jsonb_build_object('outcome', ${pick(['rectify', 'refer', 'none'])}::text, 'on', ${d}::text, 'text', '发现占道经营。'))` : sql`'{}'::jsonb`;
    await handle.db.execute(sql`
      insert into inspections (organization_id, number, subject_id, item_id, trigger, cap_exempt, method, officers, state, registered_on, last_acted_on, inspected_on, record)
      values (${org}, ${`JC-T-${round}-${i}`}, ${subjectId}, ${itemId}, 'planned', false, 'onSite', ${JSON.stringify(Array.from({ length: Math.floor(next() * 3) }, (_, k) => ({ id: k + 1, name: `执法人员${k + 1}` })))}::jsonb,
              ${pick(['registered', 'rectifying', 'closed', 'referred', 'cancelled'])}, ${d}, ${d}, ${chance(0.8) ? d : null}, ${finding})`);
  }
  for (const id of (await ids('patrol_problems')).filter(() => chance(0.3)))
    await handle.db.execute(sql`update patrol_problems set state = ${pick(['rectified', 'referred', 'rectifying'])}, found_on = ${day()} where id = ${id}`);
  for (const id of (await ids('inspections')).filter(() => chance(0.3)))
    await handle.db.execute(
      pick([
        sql`update inspections set state = ${pick(['closed', 'referred', 'cancelled', 'rectifying'])} where id = ${id}`,
        sql`update inspections set inspected_on = ${day()}, organization_id = ${pick(orgs)} where id = ${id}`,
        sql`delete from inspections where id = ${id}`,
      ]),
    );
  for (const id of (await ids('patrols')).filter(() => chance(0.2)))
    await handle.db.execute(pick([sql`update patrols set state = 'cancelled' where id = ${id}`, sql`update patrols set officer_ids = array[7]::int[], started_at = ${`${day()}T02:00:00Z`} where id = ${id}`]));
  for (const id of (await ids('patrol_problems')).filter(() => chance(0.1))) await handle.db.execute(sql`delete from patrol_problems where id = ${id}`);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date(`${today}T01:00:00Z`), files: memoryFileStore() };
  w = await newWorld(ctx);
  const item = await addInspectionItem(ctx, w.actors['head.donghu'], w.org.district.id, {
    code: 'T-1',
    name: '城市市容和环境卫生检查',
    basis: '《城市市容和环境卫生管理条例》第十一条',
    subjectKinds: ['enterprise'],
    method: 'onSite',
    yearlyCap: 2,
    random: false,
  });
  itemId = item.id;
  const [subject] = await rows<{ id: number }>(
    sql`insert into inspection_subjects (organization_id, credit_code, name, kind, address, category, risk_class) values (${w.org.district.id}, '91530100MA00000001', '湖滨商贸有限公司', 'enterprise', '云城市', '商贸', 'B') returning id`,
  );
  subjectId = subject!.id;
}, 120_000);
afterAll(async () => handle?.close());

describe('indicator_tallies', () => {
  it('equal the records after service writes and rounds of random writes, for every subtree, year and key', async () => {
    // Through the services: decisions of two years (one at the town's item), published, one revoked, reviews across
    // a year's end, 不予处罚 decisions, closed and visited orders.
    const at = (instant: string): ServiceContext => ({ ...ctx, clock: () => new Date(instant.length === 10 ? `${instant}T01:00:00Z` : instant) });
    const c1 = await newCase(ctx, w, { state: 'decided', startOn: '2025-03-02', fineFen: 200_00 });
    await publishDecision(at('2025-03-18'), w.actors.wanglei, c1.id);
    const c2 = await newCase(ctx, w, { state: 'decided', startOn: '2025-12-18', fineFen: 1_000_00 });
    await publishDecision(at('2025-12-31T17:00:00Z'), w.actors.wanglei, c2.id);
    await newCase(ctx, w, { state: 'decided', startOn: '2026-04-06', fineFen: 150_00, officers: ['zhengyu', 'fengjie'], powerItemId: (await newPowerItem(ctx, w.org.town.id)).id });
    const c4 = await newCase(ctx, w, { state: 'decided', startOn: '2026-06-01' });
    await publishDecision(at('2026-06-16'), w.actors.wanglei, c4.id);
    today = '2026-06-20';
    const c4now = await getCase(ctx, w.actors.wanglei, c4.id, ctx.clock());
    await transitionCase(at('2026-06-20'), w.actors['head.donghu'], c4.id, { expectedVersion: c4now.version, action: 'revokeDecision', status: 'revoked', reason: '认定事实有误，依法撤销。' });
    let cR = await newCase(ctx, w, { state: 'reviewing', startOn: '2025-12-01' });
    for (const reviewedOn of ['2025-12-31', '2026-01-05']) {
      cR = await transitionCase(at(reviewedOn), w.actors['reviewer.donghu'], cR.id, { expectedVersion: cR.version, action: 'legalReview', passed: true, opinion: '事实清楚，证据确凿，同意。', checklist: allPassedChecklist() });
    }
    for (const [ground, waived] of [
      ['firstViolation', 800_00],
      ['minor', null],
      ['factsNotEstablished', null],
    ] as const) {
      const c = await newCase(ctx, w, {
        state: 'reviewing',
        startOn: '2026-07-20',
        proposal: {
          kind: 'noPenalty',
          ground,
          education: ground === 'factsNotEstablished' ? null : '向当事人宣讲市容管理规定，当事人当场改正。',
          penalty: waived === null ? null : { kinds: ['fine'], fineFen: waived, description: '拟罚款人民币800元，依法不予处罚', basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' },
        },
      });
      await transitionCase(at('2026-08-03'), w.actors['head.donghu'], c.id, { expectedVersion: c.version, action: 'decide' });
    }
    for (const [receiver, unit, head, officer, on, satisfaction] of [
      [w.org.district, w.org.brigade, w.actors['head.donghu'], w.actors.wanglei, '2025-12-30', 'satisfied'],
      [w.org.district, w.org.brigade, w.actors['head.donghu'], w.actors.wanglei, '2026-04-01', 'dissatisfied'],
      [w.org.otherDistrict, w.org.otherBrigade, w.actors['head.xishan'], w.actors.liuyang, '2026-03-02', 'satisfied'],
    ] as const) {
      today = on;
      await newClosedWorkOrder(ctx, receiver, unit, head, officer, satisfaction);
    }
    today = '2026-11-13';
    expect(await indicatorTallyDifferences(handle.db)).toEqual([]);
    expect(await mismatches()).toEqual([]);
    // What the services wrote is counted (a check that finds nothing must have looked at something).
    const city2026 = await figuresOf(w.org.city.path, 2026);
    expect(city2026.penalty_cases.n).toBe(2); // c2 decided 2026-01-01, the town's; c4 revoked
    expect(city2026.non_penalty_cases.n).toBe(2); // 首违不罚 and 轻微不罚, not 违法事实不能成立
    expect(city2026.exempted_amount).toEqual({ n: 1, fen: 800_00 });
    expect(city2026.legal_reviews.n).toBeGreaterThanOrEqual(1);

    for (let round = 1; round <= 4; round++) {
      await randomWrites(round);
      expect(await indicatorTallyDifferences(handle.db), `round ${round}`).toEqual([]);
      expect(await mismatches(), `round ${round}`).toEqual([]);
    }
    const everything = await figuresOf('/', 2025);
    expect(everything.inspections.n + everything.issues_found.n + everything.penalty_cases.n).toBeGreaterThan(0);
  }, 600_000);

  it('a write with the triggers off leaves a difference the check finds; rebuild-stats counts everything again', async () => {
    const [before] = await rows<{ n: number }>(sql`select count(*)::int as n from indicator_tallies`);
    expect(Number(before!.n)).toBeGreaterThan(0);
    await handle.db.execute(sql`alter table cases disable trigger indicator_tallies_update`);
    await handle.db.execute(sql`update cases set decided_on = '2024-06-01' where decision_kind = 'penalty'`);
    await handle.db.execute(sql`alter table cases enable trigger indicator_tallies_update`);
    const differences = await indicatorTallyDifferences(handle.db);
    expect(differences.some((d) => d.key === 'penalty_cases' && d.year === 2024 && d.counted > d.kept)).toBe(true);
    expect((await mismatches()).length).toBeGreaterThan(0);
    const rebuilt = await rebuildIndicatorTallies(handle.db);
    expect(rebuilt.rows).toBeGreaterThan(0);
    expect(await indicatorTallyDifferences(handle.db)).toEqual([]);
    expect(await mismatches()).toEqual([]);
  }, 300_000);
});
