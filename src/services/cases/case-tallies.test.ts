/**
 * The dashboard's kept counters (`case_tallies`, migration 0023) always equal the aggregate over the cases: after
 * random case writes through the services (registrations, steps to every stage, penalties of one or two kinds,
 * decisions revoked or changed), `tallyDifferences` finds nothing, and the dashboard's figures are those counted
 * from the cases. A write with the counting trigger off leaves a difference that the check finds and the rebuild
 * (`fazhi db rebuild-stats`) repairs.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/testing.ts';
import type { DatabaseHandle, Executor } from '../../db/connect.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { newCase, type NewCaseState, newPowerItem, newWorld, type World, type WorldUser } from '../testing/factories.ts';
import { caseStatistics } from './case-statistics.ts';
import { rebuildCaseTallies, tallyDifferences } from './case-tallies.ts';
import { transitionCase } from './transition-case.ts';
import { seededRandom } from '../../domain/seeded-random.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let world: World;

type Rows<T> = { rows: T[] };
const rows = async <T,>(query: ReturnType<typeof sql>) => ((await handle.db.execute(query)) as unknown as Rows<T>).rows;

const SEED = 20261206;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-12-05T02:00:00Z'), files: memoryFileStore() };
  world = await newWorld(ctx);
}, 120_000);
afterAll(async () => handle?.close());

describe('case_tallies', () => {
  it('equal the aggregate over the cases after random service writes, and the dashboard reads them', async () => {
    const next = seededRandom(SEED);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    // The brigade files for the district's items; the town team for its own (a town may only handle what it holds).
    const items = [await newPowerItem(ctx, world.org.district.id, { code: 'T-001' }), await newPowerItem(ctx, world.org.district.id, { code: 'T-002', category: '市容环境' })];
    const townItem = await newPowerItem(ctx, world.org.town.id, { code: 'T-003' });
    const states: NewCaseState[] = ['clue', 'declined', 'filed', 'withdrawn', 'investigating', 'notified', 'decided', 'enforcing', 'enforcing', 'closed'];
    const teams: [WorldUser, WorldUser][] = [
      ['wanglei', 'zhaogang'],
      ['zhengyu', 'fengjie'],
    ];
    const enforcing: Awaited<ReturnType<typeof newCase>>[] = [];
    for (let i = 0; i < 9; i++) {
      const fineFen = (1 + Math.floor(next() * 30)) * 100_00;
      const twoKinds = next() < 0.4;
      const team = pick(teams);
      const c = await newCase(ctx, world, {
        state: pick(states),
        powerItemId: team[0] === 'zhengyu' ? townItem.id : pick(items).id,
        officers: team,
        startOn: `2026-${String(1 + Math.floor(next() * 9)).padStart(2, '0')}-0${1 + Math.floor(next() * 9)}`,
        fineFen,
        ...(twoKinds
          ? { proposal: { kind: 'penalty', penalty: { kinds: ['warning', 'fine'], fineFen, description: `警告，并处罚款人民币${fineFen / 100}元`, basis: '《城市市容和环境卫生管理条例》第三十六条第（二）项' } } }
          : {}),
      });
      if (c.state === 'enforcing') enforcing.push(c);
      expect(await tallyDifferences(handle.db), `after case ${i + 1} (${c.state})`).toEqual([]);
    }
    // Two more decisions being enforced, then one revoked and one changed (the revokeDecision step).
    for (const startOn of ['2026-05-11', '2026-06-15']) enforcing.push(await newCase(ctx, world, { state: 'enforcing', startOn, powerItemId: items[1]!.id }));
    expect(await tallyDifferences(handle.db)).toEqual([]);
    const [revoked, changed] = enforcing.slice(-2);
    await transitionCase(ctx, world.actors['head.donghu'], revoked!.id, { expectedVersion: revoked!.version, action: 'revokeDecision', status: 'revoked', reason: '经行政复议，以主要事实不清为由撤销' });
    await transitionCase(ctx, world.actors['head.donghu'], changed!.id, { expectedVersion: changed!.version, action: 'revokeDecision', status: 'changed', reason: '罚款数额不当，依法变更', fineFen: 50_00 });
    expect(await tallyDifferences(handle.db)).toEqual([]);

    // The dashboard's figures are those counted from the cases themselves.
    const [all] = await rows<{ cases: number; decided: number; penalties: number; fines: number }>(sql`
      select count(*)::int as cases, (count(*) filter (where decided_on is not null))::int as decided,
             (count(*) filter (where decision_kind = 'penalty' and decision_status <> 'revoked'))::int as penalties,
             coalesce(sum(fine_fen) filter (where decision_kind = 'penalty' and decision_status <> 'revoked'), 0)::float8 as fines
      from cases`);
    const stats = await caseStatistics(ctx, world.actors['head.donghu'], {});
    expect(stats.totals).toMatchObject({ cases: all!.cases, decided: all!.decided, penalties: all!.penalties, fineFen: all!.fines });
    expect(all!.penalties).toBeGreaterThan(0);
    const byState = await rows<{ state: string; n: number }>(sql`select state, count(*)::int as n from cases group by state order by state`);
    expect(Object.fromEntries(stats.byState.map((s) => [s.state, s.count]))).toEqual(Object.fromEntries(byState.map((r) => [r.state, r.n])));
    const kinds = await rows<{ kind: string; n: number }>(sql`
      select k as kind, count(*)::int as n from cases, jsonb_array_elements_text(record -> 'decision' -> 'penalty' -> 'kinds') k
      where decision_kind = 'penalty' and decision_status <> 'revoked' group by k order by k`);
    expect(Object.fromEntries(stats.byPenaltyKind.map((k) => [k.kind, k.count]))).toEqual(Object.fromEntries(kinds.map((r) => [r.kind, r.n])));
  }, 600_000);

  it('a write with the counting trigger off is found by the check and repaired by the rebuild', async () => {
    const c = await newCase(ctx, world, { state: 'filed' });
    await handle.db.execute(sql`alter table cases disable trigger case_tallies_update`);
    try {
      await transitionCase(ctx, world.actors['wanglei'], c.id, { expectedVersion: c.version, action: 'startInvestigation' });
    } finally {
      await handle.db.execute(sql`alter table cases enable trigger case_tallies_update`);
    }
    const differences = await tallyDifferences(handle.db);
    expect(differences.map((d) => [d.state, d.counted - d.kept])).toEqual(
      expect.arrayContaining([
        ['filed', -1],
        ['investigating', 1],
      ]),
    );
    const rebuilt = await rebuildCaseTallies(handle.db);
    const [{ n }] = (await rows<{ n: number }>(sql`select count(*)::int as n from cases`)) as [{ n: number }];
    expect(rebuilt.cases).toBe(n);
    expect(await tallyDifferences(handle.db)).toEqual([]);
  }, 300_000);

  it('counts a write at its commit, not while its transaction runs (no counter row held for the rest of a write)', async () => {
    const c = await newCase(ctx, world, { state: 'filed' });
    const kept = async (db: Executor) =>
      ((await db.execute(sql`select coalesce(sum(cases), 0)::int as n from case_tallies where state = 'investigating'`)) as unknown as Rows<{ n: number }>).rows[0]!.n;
    const before = await kept(handle.db);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`update cases set state = 'investigating' where id = ${c.id}`);
      // Migration 0026: the counting triggers are deferred to COMMIT.
      expect(await kept(tx)).toBe(before);
    });
    expect(await kept(handle.db)).toBe(before + 1);
    const immediate = await rows<{ name: string }>(sql`select tgname as name from pg_trigger where tgname like '%tallies%' and not tgisinternal and not tginitdeferred order by 1`);
    expect(immediate).toEqual([]);
  }, 300_000);
});
