import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../domain/calendar/iso-date.ts';
import { verifyProof } from '../domain/inspections/plan.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { createTestDatabase } from '../db/testing.ts';
import { publicDraw, publicDraws } from '../services/inspections/plans.ts';
import { verifyAudit } from '../services/verify-audit.ts';
import { DEMO_TODAY, demoShiftDays } from './clock.ts';
import { seedDemoInspections } from './inspections.ts';
import { seedDemoOrganizations } from './organizations.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  const ctx = { db: handle.db, clock: () => new Date() };
  await seedDemoOrganizations(ctx, 0);
  await seedDemoInspections(ctx, 0, DEMO_TODAY);
}, 300_000);
afterAll(() => handle.close());

const rows = async (query: string) => ((await handle.db.execute(query as never)) as unknown as { rows: Record<string, unknown>[] }).rows;
const states = async (table: string) => Object.fromEntries((await rows(`SELECT state, count(*)::int AS n FROM ${table} GROUP BY state`)).map((r) => [r.state, r.n]));

describe('demo patrols, inspections and the 双随机 plan', () => {
  it('a year of patrols with rectifications in every state, inspections in every state but referred, all audited', async () => {
    expect(Object.keys(await states('patrols')).sort()).toEqual(['cancelled', 'finished', 'planned', 'underway']);
    expect(Object.keys(await states('patrol_problems')).sort()).toEqual(['found', 'rectified', 'rectifying']);
    // Rectifications past their due date on the demo's today, and one rectified only after a second period.
    expect((await rows(`SELECT id FROM patrol_problems WHERE state = 'rectifying' AND due_on < '${DEMO_TODAY}'`)).length).toBeGreaterThan(0);
    expect((await rows(`SELECT id FROM patrol_problems WHERE state = 'rectified' AND jsonb_array_length(record->'verifications') = 2`)).length).toBeGreaterThan(0);
    expect(Object.keys(await states('inspections')).sort()).toEqual(['cancelled', 'closed', 'coded', 'rectifying', 'registered']);
    expect((await rows("SELECT DISTINCT trigger FROM inspections ORDER BY 1")).map((r) => r.trigger)).toEqual(['complaint', 'planned', 'random']);
    expect((await rows(`SELECT id FROM patrols WHERE planned_on > '${DEMO_TODAY}'`)).length).toBe(2);
    expect((await verifyAudit(handle.db)).problem).toBeNull();
  });

  it('东湖区’s plan: seed, draw, a recorded re-draw, results published; its public proof re-runs', async () => {
    const [listed] = await publicDraws(handle.db, undefined);
    expect(listed).toMatchObject({ year: 2026, drawnCount: 6, publishedCount: 5 });
    const draw = await publicDraw(handle.db, listed!.id);
    expect(draw.seed).toBe('3f9a1c7e5b2d48a6917c0e4f2b8d6a15');
    expect(draw.proof!.items.map((i) => [i.itemCode, i.drawn.length])).toEqual([['DH-JC-01', 4], ['DH-JC-03', 2]]);
    expect(draw.proof!.items[0]!.officers[0]!.setAside).toHaveLength(1);
    expect(verifyProof(draw.proof!)).toEqual([]);
    expect(draw.results).toHaveLength(5);
  });

  it('moved to a later today, the same demo is seeded on the moved dates', async () => {
    const moved = await createTestDatabase();
    try {
      const ctx = { db: moved.db, clock: () => new Date() };
      const today = '2027-03-10';
      await seedDemoOrganizations(ctx, demoShiftDays(today));
      await seedDemoInspections(ctx, demoShiftDays(today), today);
      const [first] = ((await moved.db.execute('SELECT min(planned_on)::text AS d FROM patrols' as never)) as unknown as { rows: { d: string }[] }).rows;
      expect(first!.d).toBe(addDays('2026-01-10', demoShiftDays(today)));
    } finally {
      await moved.close();
    }
  }, 300_000);
});
