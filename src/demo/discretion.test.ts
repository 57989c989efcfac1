import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../domain/access.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import { caseParties, cases, organizations, users } from '../db/schema.ts';
import type { ServiceContext } from '../services/context.ts';
import { demoDatabase } from './testing.ts';
import { verifyAudit } from '../services/verify-audit.ts';
import { listBenchmarkVersions } from '../services/discretion/browse-benchmarks.ts';
import { consistencyReport, similarCasesForCase } from '../services/discretion/consistency.ts';
import { DEMO_BENCHMARK_NAME, DEMO_EXEMPTION_LIST_NAME, DEMO_INCONSISTENT_PARTY } from './discretion.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;

async function actor(username: string): Promise<Actor> {
  const [row] = await ctx.db.select().from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(eq(users.username, username));
  return { userId: row!.users.id, organizationId: row!.organizations.id, organizationPath: row!.organizations.path, roles: row!.users.roles as Role[], displayName: row!.users.displayName };
}

async function casesOf(partyName: string) {
  return ctx.db.select({ id: cases.id, state: cases.state, fineFen: cases.fineFen }).from(cases).innerJoin(caseParties, eq(caseParties.caseId, cases.id)).where(eq(caseParties.name, partyName));
}

beforeAll(async () => {
  // The demo bureau, seeded once per test run (a copy of its own).
  const { handle: demo, files } = await demoDatabase();
  handle = demo;
  ctx = { db: handle.db, clock: () => new Date('2026-11-13T01:00:00Z'), files };
}, 180_000);
afterAll(() => handle.close());

describe('demo discretion data', () => {
  it('imports the bundled benchmark as the city bureau’s version (≥190 rules) and its exemption list, both in force', async () => {
    const versions = await listBenchmarkVersions(ctx, await actor('wanglei'));
    expect(versions.map((v) => v.name).sort()).toEqual([DEMO_BENCHMARK_NAME, DEMO_EXEMPTION_LIST_NAME].sort());
    const benchmark = versions.find((v) => v.kind === 'benchmark')!;
    expect(benchmark).toMatchObject({ organization: { name: '云城市城市管理局' }, effectiveFrom: '2026-03-01', inForce: true, ruleCount: 10 });
  });

  it('the same-case-same-penalty report flags exactly the seeded inconsistent case', async () => {
    const report = await consistencyReport(ctx, await actor('supervisor'));
    const [odd] = await casesOf(DEMO_INCONSISTENT_PARTY);
    expect(odd).toMatchObject({ fineFen: 300_000 });
    expect(new Set(report.flags.map((f) => f.caseId))).toEqual(new Set([odd!.id]));
    expect(report.flags.map((f) => f.kind).sort()).toEqual(['outsideRange', 'peerOutlier']);
    const group = report.groups.find((g) => g.cases.some((c) => c.caseId === odd!.id))!;
    expect(group).toMatchObject({ tierName: '情节较轻', caseCount: 4, compared: true, medianFineFen: 100_000 });
    // The repeat offender's 3,000元 is in its own tier (情节较重), so it is not flagged.
    expect(report.groups.some((g) => g.tierName === '情节较重' && g.cases.every((c) => c.fineFen === 300_000 && c.flags.length === 0))).toBe(true);
  });

  it('suggests the peers of the case being decided, and the audit trail verifies', async () => {
    const [reviewing] = await casesOf('彭永强');
    expect(reviewing!.state).toBe('reviewing');
    const similar = await similarCasesForCase(ctx, await actor('head.donghu'), reviewing!.id);
    expect(similar.cases.slice(0, 4).every((c) => c.tierName === '情节较轻')).toBe(true);
    expect((await verifyAudit(ctx.db)).problem).toBeNull();
  });
});
