// The supervisor's dashboard and the reviewer's queue on the demo bureau (embedded PGlite): GET /api/stats/cases's
// aggregates for the city's supervisor (all cases, and one quarter), a district head and a town team's unit, and
// GET /api/legal-reviews/queue for a reviewer. Issue 6 asks the dashboard to load within a second on demo data.
// Called by bench/run.ts; returns one line.
import { eq, inArray } from 'drizzle-orm';
import type { Actor, Role } from '../src/domain/access.ts';
import type { Executor } from '../src/db/connect.ts';
import { organizations, users } from '../src/db/schema.ts';
import { createTestDatabase } from '../src/db/testing.ts';
import { caseStatistics } from '../src/services/cases/case-statistics.ts';
import { listReviewQueue } from '../src/services/cases/review-queue.ts';
import { memoryFileStore } from '../src/services/file-store.ts';
import { seedDemo } from '../src/demo/index.ts';
import { DEMO_TODAY } from '../src/demo/cases.ts';

/** Milliseconds of the fastest of `rounds` sequential runs. */
async function fastest(rounds: number, work: () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  while (times.length < rounds) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return Math.min(...times).toFixed(1);
}

async function actors(db: Executor, usernames: string[]): Promise<Map<string, Actor>> {
  const rows = await db
    .select({ user: users, path: organizations.path })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(inArray(users.username, usernames));
  return new Map(rows.map(({ user, path }) => [user.username, { userId: user.id, organizationId: user.organizationId, organizationPath: path, roles: user.roles as Role[], displayName: user.displayName }]));
}

export async function benchOversight(): Promise<string> {
  const handle = await createTestDatabase();
  try {
    const ctx = { db: handle.db, clock: () => new Date(`${DEMO_TODAY}T01:00:00Z`), files: memoryFileStore() };
    await seedDemo(ctx);
    const who = await actors(ctx.db, ['supervisor', 'head.donghu', 'head.xishan', 'reviewer.donghu']);
    const runs: [string, () => Promise<unknown>][] = [
      ['city', () => caseStatistics(ctx, who.get('supervisor')!)],
      ['city Q3', () => caseStatistics(ctx, who.get('supervisor')!, { from: '2026-07-01', to: '2026-09-30' })],
      ['东湖', () => caseStatistics(ctx, who.get('head.donghu')!)],
      ['西山', () => caseStatistics(ctx, who.get('head.xishan')!)],
      ['review queue', () => listReviewQueue(ctx, who.get('reviewer.donghu')!)],
    ];
    const times: string[] = [];
    for (const [name, work] of runs) times.push(`${name} ${await fastest(5, work)}`);
    const { totals } = await caseStatistics(ctx, who.get('supervisor')!);
    return `dashboard figures (${String(totals.cases)} demo cases, ms, best of 5): ${times.join(', ')}`;
  } finally {
    await handle.close();
  }
}
