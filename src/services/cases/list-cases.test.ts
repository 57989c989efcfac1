/**
 * The case-list filter contract (docs/CASES.md "Case list") on the demo bureau: each filter's answer is checked
 * against what the case views themselves say, and must be a proper, non-empty part of the whole list.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../domain/access.ts';
import { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { dueSoonUntil } from '../../domain/cases/deadline-urgency.ts';
import { AppError } from '../../domain/errors.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import { organizations, powerItems, users } from '../../db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { demoDatabase } from '../../demo/testing.ts';
import { DEMO_TODAY } from '../../demo/cases.ts';
import { type CaseView, getCase } from './get-case.ts';
import { type CaseSummary, listCases, listCasesPage } from './list-cases.ts';
import { transitionCase } from './transition-case.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let supervisor: Actor;
/** Every demo case as the city-level supervisor sees it: the list row and the full view. */
let all: { summary: CaseSummary; view: CaseView }[];

async function actor(username: string): Promise<Actor> {
  const [row] = await ctx.db.select().from(users).innerJoin(organizations, eq(organizations.id, users.organizationId)).where(eq(users.username, username));
  return { userId: row!.users.id, organizationId: row!.organizations.id, organizationPath: row!.organizations.path, roles: row!.users.roles as Role[], displayName: row!.users.displayName };
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
const idsWhere = (keep: (c: { summary: CaseSummary; view: CaseView }) => boolean) => all.filter(keep).map((c) => c.summary.id);

/** The filter's cases as the supervisor sees them; checks they are some, not all, and that the total agrees. */
async function filtered(query: Record<string, unknown>, who: Actor = supervisor): Promise<number[]> {
  const page = await listCasesPage(ctx, who, { ...query, limit: 500 });
  expect(page.total).toBe(page.items.length);
  expect(page.items.length).toBeGreaterThan(0);
  expect(page.items.length).toBeLessThan(all.length);
  return ids(page.items);
}

async function orgId(name: string): Promise<number> {
  const [row] = await ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
  return row!.id;
}

beforeAll(async () => {
  // The demo bureau, seeded once per test run (a copy of its own).
  const { handle: demo, files } = await demoDatabase();
  handle = demo;
  ctx = { db: handle.db, clock: () => new Date(`${DEMO_TODAY}T01:00:00Z`), files };
  supervisor = await actor('supervisor');
  const summaries = await listCases(ctx, supervisor, { limit: 500 });
  all = [];
  for (const summary of summaries) all.push({ summary, view: await getCase(ctx, supervisor, summary.id, ctx.clock()) });
}, 240_000);
afterAll(() => handle.close());

describe('case list filters', () => {
  it('without filters: every case of the subtree, newest first, the total over all pages, pages of it by limit/offset', async () => {
    expect(all.length).toBeGreaterThan(20);
    expect(ids(all.map((c) => c.summary))).toEqual([...ids(all.map((c) => c.summary))].sort((a, b) => b - a));
    const page = await listCasesPage(ctx, supervisor, { limit: 5, offset: 5 });
    expect(page.total).toBe(all.length);
    expect(ids(page.items)).toEqual(ids(all.slice(5, 10).map((c) => c.summary)));
  });

  it('state: only cases in that state', async () => {
    expect(await filtered({ state: 'enforcing' })).toEqual(idsWhere((c) => c.view.state === 'enforcing'));
  });

  it('deadline=overdue: cases with an open deadline already past', async () => {
    const expected = idsWhere((c) => c.view.deadlines.some((d) => d.metAt === null && d.dueOn < DEMO_TODAY));
    expect(await filtered({ deadline: 'overdue' })).toEqual(expected);
  });

  it('deadline=dueSoon: cases with an open deadline within the next 3 working days (counted from tomorrow, 第八十五条 style)', async () => {
    const until = dueSoonUntil(new WorkCalendar(), DEMO_TODAY);
    expect(until).toBe('2026-11-18'); // Fri 13 → Mon 16, Tue 17, Wed 18
    const expected = idsWhere((c) => c.view.deadlines.some((d) => d.metAt === null && d.dueOn >= DEMO_TODAY && d.dueOn <= until));
    const rows = await listCasesPage(ctx, supervisor, { deadline: 'dueSoon' });
    expect(ids(rows.items)).toEqual(expected);
    expect(rows.items.length).toBeGreaterThan(0);
    expect(rows.items.every((r) => r.deadlines.some((d) => d.dueSoon && !d.overdue))).toBe(true);
  });

  it('officerId: cases the officer handles', async () => {
    const wanglei = await actor('wanglei');
    expect(await filtered({ officerId: wanglei.userId })).toEqual(idsWhere((c) => c.view.officers.some((o) => o.userId === wanglei.userId)));
  });

  it('violation: cases of that power-list item code, in every unit that has it', async () => {
    const rows = await filtered({ violation: 'SR-001' });
    expect(rows).toEqual(idsWhere((c) => c.view.violation?.code === 'SR-001'));
    expect(new Set(all.filter((c) => rows.includes(c.summary.id)).map((c) => c.view.organization.name)).size).toBeGreaterThan(1);
  });

  it('category: cases whose power-list item is of that category', async () => {
    const items = await ctx.db.select({ id: powerItems.id, category: powerItems.category }).from(powerItems).where(inArray(powerItems.code, ['YC-002']));
    const category = items[0]!.category;
    const inCategory = new Set((await ctx.db.select({ id: powerItems.id }).from(powerItems).where(eq(powerItems.category, category))).map((i) => i.id));
    expect(await filtered({ category })).toEqual(idsWhere((c) => c.view.violation !== null && inCategory.has(c.view.violation.id)));
  });

  it('from/to: registration dates within the range, both ends included; month: registered in that month', async () => {
    expect(await filtered({ from: '2026-09-07', to: '2026-10-12' })).toEqual(idsWhere((c) => c.view.registeredOn >= '2026-09-07' && c.view.registeredOn <= '2026-10-12'));
    expect(await filtered({ month: '2026-06' })).toEqual(idsWhere((c) => c.view.registeredOn.startsWith('2026-06-')));
    expect((await listCasesPage(ctx, supervisor, { month: '2026-12' })).total).toBe(0); // nothing registered in December
  });

  it('organizationId: the unit and its sub-units; a unit outside the subtree is not found', async () => {
    const nanhu = await orgId('东湖区南湖街道综合行政执法队');
    expect(await filtered({ organizationId: nanhu })).toEqual(idsWhere((c) => c.view.organization.id === nanhu));
    const donghuBureau = await orgId('云城市东湖区城市管理和综合行政执法局');
    const donghu = await filtered({ organizationId: donghuBureau });
    expect(donghu).toEqual(idsWhere((c) => c.view.actCode.startsWith('539902')));
    expect(donghu).toEqual(expect.arrayContaining(idsWhere((c) => c.view.organization.id === nanhu)));
    const outsider = await actor('liuyang');
    await expect(listCasesPage(ctx, outsider, { organizationId: nanhu })).rejects.toMatchObject({ code: 'NOT_FOUND', message: '未找到该单位' });
  });

  it('penaltyKind: penalty decisions imposing that kind; a revoked decision no longer counts', async () => {
    const decision = (c: { view: CaseView }) => (c.view.record.decision?.kind === 'penalty' ? c.view.record.decision : null);
    const kinds = (c: { view: CaseView }) => (decision(c) && decision(c)!.status !== 'revoked' ? (decision(c)!.penalty?.kinds ?? []) : []);
    const fined = await filtered({ penaltyKind: 'fine' });
    expect(fined).toEqual(idsWhere((c) => kinds(c).includes('fine')));
    // The demo has a fine revoked after reconsideration: not listed.
    const revoked = all.find((c) => decision(c)?.status === 'revoked' && decision(c)!.penalty?.kinds.includes('fine'))!;
    expect(fined).not.toContain(revoked.summary.id);
    expect(await filtered({ penaltyKind: 'confiscateProperty' })).toEqual(idsWhere((c) => kinds(c).includes('confiscateProperty')));
    const closed = all.find((c) => c.view.state === 'closed' && kinds(c).includes('fine'))!;
    const head = await actor(closed.view.actCode.startsWith('539903') ? 'head.xishan' : 'head.donghu');
    await transitionCase(ctx, head, closed.summary.id, { expectedVersion: closed.view.version, action: 'revokeDecision', status: 'revoked', reason: '复核发现认定事实不清，依法撤销。' });
    try {
      expect(await filtered({ penaltyKind: 'fine' })).toEqual(fined.filter((id) => id !== closed.summary.id));
    } finally {
      // Later tests compare with the cases as they were loaded.
      const now = await getCase(ctx, supervisor, closed.summary.id, ctx.clock());
      closed.view = now;
      closed.summary = { ...closed.summary, version: now.version };
    }
  });

  it('q: party name, act code (any letter case), decision number, a document number, or title', async () => {
    const party = all.find((c) => c.view.party.kind === 'person' && all.filter((o) => o.view.party.name === c.view.party.name).length > 1)!.view.party.name;
    expect(await filtered({ q: party })).toEqual(idsWhere((c) => c.view.party.name === party));
    const one = all.find((c) => c.view.state === 'reviewing')!;
    expect(await filtered({ q: one.view.actCode.toLowerCase() })).toEqual([one.summary.id]);
    const decided = all.find((c) => c.view.decision?.number)!;
    expect(await filtered({ q: decided.view.decision!.number! })).toEqual([decided.summary.id]);
    // A prior-notice number: the case has no decision yet, only the notice.
    const notified = all.find((c) => c.view.state === 'notified')!;
    const notice = notified.view.documents.find((d) => d.number.includes('罚告'))!;
    expect(await filtered({ q: notice.number })).toEqual([notified.summary.id]);
    expect(await filtered({ q: '烧烤' })).toEqual(idsWhere((c) => c.view.title.includes('烧烤') || c.view.party.name.includes('烧烤')));
    // LIKE wildcards are searched for literally.
    expect((await listCasesPage(ctx, supervisor, { q: '%' })).total).toBe(0);
  });

  it('filters combine, and never reach past the actor’s subtree', async () => {
    const liuyang = await actor('liuyang');
    const xishan = await listCasesPage(ctx, liuyang, { limit: 500 });
    expect(xishan.items.length).toBeGreaterThan(0);
    expect(xishan.items.every((c) => c.actCode.startsWith('539903'))).toBe(true);
    expect(ids((await listCasesPage(ctx, liuyang, { violation: 'SR-001' })).items)).toEqual(idsWhere((c) => c.view.actCode.startsWith('539903') && c.view.violation?.code === 'SR-001'));
    const both = await filtered({ state: 'enforcing', deadline: 'overdue', violation: 'YC-002' });
    expect(both).toEqual(idsWhere((c) => c.view.state === 'enforcing' && c.view.violation?.code === 'YC-002' && c.view.deadlines.some((d) => d.metAt === null && d.dueOn < DEMO_TODAY)));
  });

  it('bad filters get a clear Chinese error', async () => {
    const refusal = async (query: Record<string, unknown>) => {
      const error = await listCasesPage(ctx, supervisor, query).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('VALIDATION');
      return (error as AppError).message;
    };
    expect(await refusal({ state: 'nonsense' })).toContain('案件状态无效');
    expect(await refusal({ deadline: 'soon' })).toContain('期限筛选');
    expect(await refusal({ month: '2026-13' })).toContain('月份格式应为 YYYY-MM');
    expect(await refusal({ from: '2026-02-30' })).toContain('日期格式');
    expect(await refusal({ from: '2026-10-01', to: '2026-09-01' })).toBe('起始日期不能晚于截止日期');
    expect(await refusal({ penaltyKind: 'jail' })).toContain('处罚种类无效');
    expect(await refusal({ officerId: 'abc' })).toContain('承办人员');
  });
});
