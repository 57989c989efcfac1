/**
 * The case list's common filters are answered from indexes (issue 16 item 7; migration list-indexes): on a generated
 * table of cases, the page query the list service runs for each filter is EXPLAINed and its plan must not read the
 * cases table whole (no `Seq Scan on cases`); a rare state and a week of registrations use indexes on those columns.
 * The planner is left with its defaults (no `enable_seqscan = off`): a plan that scans is a plan the app would run.
 * Round 4 (migration 0023): the text search uses the trigram indexes, the deadline lists the open deadlines by (due_on, id).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementTap } from '../../db/statements.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { ServiceContext } from '../context.ts';
import { memoryFileStore } from '../file-store.ts';
import { generateCases, type GeneratedCases } from '../testing/generated-cases.ts';
import { EXPORT_ROW_CAP } from '../../domain/export/table.ts';
import { listCasesPage, TOTAL_CAP, totalText } from './list-cases.ts';
import { listDeadlines } from './list-deadlines.ts';
import { caseStatistics } from './case-statistics.ts';

let handle: DatabaseHandle;
let ctx: ServiceContext;
let generated: GeneratedCases;

beforeAll(async () => {
  handle = await createTestDatabase();
  ctx = { db: handle.db, clock: () => new Date('2026-12-05T02:00:00Z'), files: memoryFileStore() };
  generated = await generateCases(ctx, 20_000);
  // A rare state (one case in 400): found through an index on the state (per unit, or cases_state_id_idx). For a common state
  // (a tenth of the cases) the planner rightly walks the primary key backwards and stops after a few hundred rows.
  await handle.db.execute(sql`update cases set state = 'suspended' where id % 400 = 0`);
  await handle.db.execute(sql`analyze cases`);
}, 300_000);
afterAll(async () => handle?.close());

/**
 * The plan of the page (the part ordered newest first) of the statement `listCasesPage` runs for `query`: the list
 * runs one statement (issue 16 item 5), whose CTE `page` is the page; its capped count is planned apart (InitPlans).
 */
async function pagePlan(query: Record<string, unknown>): Promise<string> {
  return cteOf(await planOf(() => listCasesPage(ctx, generated.world.actors['head.donghu'], { ...query, limit: 20 }), /order by "cases"\."id" desc/), 'page');
}

/** The lines of the plan of the CTE `name`: from "CTE name" to the next line indented no deeper. */
function cteOf(plan: string, name: string): string {
  const lines = plan.split('\n');
  const start = lines.findIndex((l) => l.trim() === `CTE ${name}`);
  if (start < 0) throw new Error(`no CTE ${name} in the plan:\n${plan}`);
  const depth = lines[start]!.search(/\S/);
  const end = lines.findIndex((l, i) => i > start && l.search(/\S/) <= depth);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The lines of the plan of the capped count: the statement's last InitPlan (the page's two counts come before it). */
function countOf(plan: string): string {
  const lines = plan.split('\n');
  const start = lines.findLastIndex((l) => /^\s*InitPlan/.test(l));
  if (start < 0) throw new Error(`no InitPlan in the plan:\n${plan}`);
  const depth = lines[start]!.search(/\S/);
  const end = lines.findIndex((l, i) => i > start && l.search(/\S/) <= depth);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The plan of the statement matching `pattern` that `work` runs. */
async function planOf(work: () => Promise<unknown>, pattern: RegExp): Promise<string> {
  const tap = statementTap(handle.db);
  tap.recordedWithParams = [];
  try {
    await work();
    const page = tap.recordedWithParams.find((s) => pattern.test(s.query));
    if (!page) throw new Error(`the page query was not run: ${tap.recordedWithParams.map((s) => s.query.slice(-120)).join('\n')}`);
    const client = (handle.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }> } }).$client;
    const { rows } = await client.query(`explain ${page.query}`, page.params);
    return rows.map((r) => String(Object.values(r)[0])).join('\n');
  } finally {
    tap.recordedWithParams = null;
  }
}

describe('case list indexes', () => {
  it.each([
    ['state (rare)', { state: 'suspended' }, /cases_state_id_idx|cases_org_state_idx/],
    ['state (common)', { state: 'hearing' }, null],
    ['from/to (one week)', { from: '2025-03-03', to: '2025-03-09' }, /cases_registered_on_id_idx/],
    ['month', { month: '2024-06' }, null],
    ['deadline=overdue', { deadline: 'overdue' }, null],
    ['no filter', {}, null],
    // Round 5: every filter of docs/CASES.md (issue 16 item 7). The penalty kinds are a column kept from the record
    // (migration 0024): a kind no case has is looked up in its index rather than by reading every penalty case.
    ['deadline=dueSoon', { deadline: 'dueSoon' }, null],
    ['violation', { violation: 'SZ-002' }, null],
    ['category', { category: '市容环境' }, null],
    ['organizationId', { organizationId: 'town' }, null],
    ['penaltyKind (common)', { penaltyKind: 'fine' }, null],
    ['penaltyKind (a kind no case has)', { penaltyKind: 'warning' }, /cases_penalty_kinds_idx/],
  ])('the %s filter reads cases through an index', async (_, query, index) => {
    const plan = await pagePlan('organizationId' in query ? { organizationId: generated.world.org.town.id } : query);
    expect(plan).not.toMatch(/Seq Scan on cases\b/);
    if (index) expect(plan).toMatch(index);
    // Round 6: the capped count (the last InitPlan) stops at TOTAL_CAP + 1 matches and joins no party: it reads the cases
    // (by an index, or in table order until the cap when most cases match) and the deadlines it filters on, nothing more.
    const count = countOf(await planOf(() => listCasesPage(ctx, generated.world.actors['head.donghu'], { ...('organizationId' in query ? { organizationId: generated.world.org.town.id } : query), limit: 20 }), /order by "cases"\."id" desc/));
    expect(count).toMatch(/^\s+-> {2}Limit/m);
    expect(count).not.toContain('case_parties');
  });

  // Round 4 (migration 0023): the text search through trigram indexes — at a million cases a scan took 17–21 s. The
  // cases' columns are read through their trigram indexes, never the whole table; the party names' index is used at
  // scale (bench: 12 ms at a million parties on PostgreSQL), while on 20,000 embedded rows the planner rightly reads
  // the small parties table instead.
  it.each([
    ['a decision number', '〕300号'],
    ['a party name', '李某500'],
    ['an act code', 'BENCH000012'],
  ])('the text search for %s reads the cases through trigram indexes', async (_, q) => {
    const plan = await pagePlan({ q });
    expect(plan).not.toMatch(/Seq Scan on cases\b/);
    for (const index of ['cases_act_code_trgm_idx', 'cases_decision_number_trgm_idx', 'cases_title_trgm_idx']) expect(plan).toContain(index);
  });

  it('the overdue and due deadline lists read the open deadlines in their order (deadlines_open_due_id_idx)', async () => {
    for (const status of ['overdue', 'due'] as const) {
      const plan = await planOf(() => listDeadlines(ctx, generated.world.actors['head.donghu'], { status, days: 30 }), /order by "deadlines"\."due_on" asc, "deadlines"\."id" asc/);
      expect(plan, status).toMatch(/deadlines_open_due_id_idx/);
      expect(plan, status).not.toMatch(/Seq Scan on (cases|deadlines)\b/);
    }
  });

  it('the deadline lists are paged: offset continues where the first page stopped; a bad offset is refused', async () => {
    const head = generated.world.actors['head.donghu'];
    const key = (d: { caseId: number; kind: string }) => `${d.caseId}:${d.kind}`;
    const both = (await listDeadlines(ctx, head, { status: 'due', days: 90, limit: 40 })).map(key);
    expect(both).toHaveLength(40);
    const first = (await listDeadlines(ctx, head, { status: 'due', days: 90, limit: 20 })).map(key);
    const second = (await listDeadlines(ctx, head, { status: 'due', days: 90, limit: 20, offset: 20 })).map(key);
    expect([...first, ...second]).toEqual(both);
    await expect(listDeadlines(ctx, head, { offset: -1 })).rejects.toThrow('起始位置不能为负');
  });

  // The deadlines' own plans are checked at scale by the bench (on 20,000 cases their table is small enough to read).
  it('the dashboard reads the kept counters and the open deadlines, never the cases table whole', async () => {
    const tap = statementTap(handle.db);
    const client = (handle.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }> } }).$client;
    for (const range of [{}, { from: '2026-11-01', to: '2026-11-30' }]) {
      tap.recordedWithParams = [];
      try {
        await caseStatistics(ctx, generated.world.actors['head.donghu'], range);
      } finally {
        const statements = tap.recordedWithParams ?? [];
        tap.recordedWithParams = null;
        const plans = await Promise.all(statements.map(async (s) => (await client.query(`explain ${s.query}`, s.params)).rows.map((r) => String(Object.values(r)[0])).join('\n')));
        expect(plans.length).toBeGreaterThan(5);
        expect(plans.join('\n')).toMatch(/on case_tallies\b/);
        for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on cases\b/);
      }
    }
  });

  it('the dashboard counts the overdue cases from the kept next due dates, not from the overdue deadlines', async () => {
    const tap = statementTap(handle.db);
    const client = (handle.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }> } }).$client;
    const explain = async (s: { query: string; params: unknown[] }) => (await client.query(`explain ${s.query}`, s.params)).rows.map((r) => String(Object.values(r)[0])).join('\n');
    for (const [range, kept, index] of [
      [{}, /from "case_due_tallies"/, /case_due_tallies/],
      [{ from: '2026-11-01', to: '2026-11-30' }, /from "case_next_deadlines"/, /case_next_deadlines_registered_idx/],
    ] as const) {
      tap.recordedWithParams = [];
      let statements: { query: string; params: unknown[] }[];
      try {
        await caseStatistics(ctx, generated.world.actors['head.donghu'], range);
      } finally {
        statements = tap.recordedWithParams ?? [];
        tap.recordedWithParams = null;
      }
      // The units' overdue cases: one statement over the kept figures, whose plan reads no deadline.
      const overdue = statements.filter((s) => kept.test(s.query) && !/"deadlines"/.test(s.query));
      expect(overdue, JSON.stringify(range)).toHaveLength(1);
      const plan = await explain(overdue[0]!);
      expect(plan, JSON.stringify(range)).toMatch(index);
      expect(plan, JSON.stringify(range)).not.toMatch(/\bdeadlines\b|Seq Scan on cases\b/);
      // Nothing the dashboard runs counts the overdue deadlines any more: what reads `deadlines` is a first page
      // (under a Limit) or the due-soon count (its own, short, range of dates).
      const reading = statements.filter((s) => /from "deadlines"/.test(s.query));
      for (const s of reading) {
        const isCount = /count\(distinct/.test(s.query);
        if (isCount) expect(s.query, 'only the due-soon count counts deadlines').toMatch(/"deadlines"\."due_on" >= /);
        else expect(await explain(s), s.query).toMatch(/^Limit/);
      }
      // The overdue list with a range walks the deadlines of the range's cases named by the kept next due dates.
      if ('from' in range) expect(reading.some((s) => /"deadlines"\."subject_id" in \(select "case_id" from "case_next_deadlines"/.test(s.query))).toBe(true);
    }
  });

  it('the officer filter is the form the GIN index answers (officer_ids @> array[id])', async () => {
    const plan = await pagePlan({ officerId: generated.officers[0] });
    expect(plan).not.toMatch(/Seq Scan on cases\b/);
    expect(plan).toMatch(/officer_ids @> /);
  });
});

describe('the case list total at scale', () => {
  const head = () => generated.world.actors['head.donghu'];

  it(`stops counting after ${TOTAL_CAP} matching cases and says so (totalCapped)`, async () => {
    const page = await listCasesPage(ctx, head(), { limit: 20 });
    expect(page.items).toHaveLength(20);
    expect(page).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(totalText(page)).toBe('超过 1000');
  });

  it(`the export counts further (up to EXPORT_ROW_CAP): a filter past the list's ${TOTAL_CAP} is counted exactly there`, async () => {
    const hearing = (await handle.db.execute(sql`select count(*)::int as n from cases where state = 'hearing'`)) as unknown as { rows: { n: number }[] };
    const n = hearing.rows[0]!.n;
    expect(n).toBeGreaterThan(TOTAL_CAP);
    expect(n).toBeLessThan(EXPORT_ROW_CAP);
    expect(await listCasesPage(ctx, head(), { state: 'hearing', limit: 20 })).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(await listCasesPage(ctx, head(), { state: 'hearing', limit: 20 }, { countUpTo: EXPORT_ROW_CAP })).toMatchObject({ total: n, totalCapped: false });
    expect(await listCasesPage(ctx, head(), { limit: 20 }, { countUpTo: EXPORT_ROW_CAP })).toMatchObject({ total: EXPORT_ROW_CAP, totalCapped: true });
  });

  it('counts exactly below the cap, as a count of every matching case would', async () => {
    const page = await listCasesPage(ctx, head(), { state: 'suspended', limit: 20 });
    const { rows } = (await handle.db.execute(sql`select count(*)::int as n from cases where state = 'suspended'`)) as unknown as { rows: { n: number }[] };
    expect(rows[0]!.n).toBeGreaterThan(20);
    expect(page).toMatchObject({ total: rows[0]!.n, totalCapped: false });
    expect(totalText(page)).toBe(String(rows[0]!.n));
  });
});
