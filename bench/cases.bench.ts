// The case list and case page on the demo bureau (embedded PGlite): GET /api/cases's query without filters, with
// each filter of the contract (docs/CASES.md "Case list") and with all of them at once, and the case view.
// Issue 6 asks every page to answer within a second on demo data. Called by bench/run.ts; returns one line.
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../src/domain/access.ts';
import { organizations, users } from '../src/db/schema.ts';
import { createTestDatabase } from '../src/db/testing.ts';
import { getCase } from '../src/services/cases/get-case.ts';
import { listCasesPage } from '../src/services/cases/list-cases.ts';
import { memoryFileStore } from '../src/services/file-store.ts';
import { seedDemo } from '../src/demo/index.ts';
import { DEMO_TODAY } from '../src/demo/cases.ts';

async function best(runs: number, work: () => Promise<unknown>): Promise<number> {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    ms = Math.min(ms, performance.now() - started);
  }
  return ms;
}

export async function benchCaseList(): Promise<string> {
  const handle = await createTestDatabase();
  try {
    const ctx = { db: handle.db, clock: () => new Date(`${DEMO_TODAY}T01:00:00Z`), files: memoryFileStore() };
    await seedDemo(ctx);
    const [row] = await ctx.db.select().from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(eq(users.username, 'supervisor'));
    const supervisor: Actor = { userId: row!.users.id, organizationId: row!.organizations.id, organizationPath: row!.organizations.path, roles: row!.users.roles as Role[], displayName: row!.users.displayName };
    const [unit] = await ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, '东湖区城市管理综合行政执法大队'));
    const officer = (await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'wanglei')))[0]!.id;
    const filters: Record<string, Record<string, unknown>> = {
      none: {},
      state: { state: 'enforcing' },
      overdue: { deadline: 'overdue' },
      dueSoon: { deadline: 'dueSoon' },
      officer: { officerId: officer },
      violation: { violation: 'SZ-002' },
      month: { month: '2026-06' },
      unit: { organizationId: unit!.id },
      penaltyKind: { penaltyKind: 'fine' },
      search: { q: '烧烤' },
      all: { state: 'enforcing', deadline: 'overdue', officerId: officer, violation: 'SZ-002', category: '市容环境', from: '2026-03-01', to: '2026-11-13', organizationId: unit!.id, penaltyKind: 'fine', q: '摆卖', limit: 20 },
    };
    const times: string[] = [];
    for (const [name, query] of Object.entries(filters)) times.push(`${name} ${(await best(5, () => listCasesPage(ctx, supervisor, query))).toFixed(1)}`);
    const { total } = await listCasesPage(ctx, supervisor);
    const page = (await listCasesPage(ctx, supervisor, { limit: 1 })).items[0]!;
    const view = await best(5, () => getCase(ctx, supervisor, page.id, ctx.clock()));
    return `case list (${String(total)} demo cases, ms, best of 5): ${times.join(', ')}; case view ${view.toFixed(1)} ms`;
  } finally {
    await handle.close();
  }
}
