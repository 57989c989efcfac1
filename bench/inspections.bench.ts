/**
 * Inspections (issue 18), measured:
 * - the 双随机 draw (domain/inspections/draw.ts, `fazhi-draw-v1`) over a pool of 1 000 000 subjects' credit codes, 3 %
 *   drawn (30 000): canonical order (sort and duplicate check), the pool's SM3 digest, the seeded partial shuffle — the
 *   whole `draw`, as the server runs it and as `fazhi draw verify` re-runs it (target ≤ 2 s); and its parts;
 * - the yearly-caps check of one inspection (services/inspections/store.ts `inspectionsInYear`, run at 赋码) on the
 *   embedded database holding 200 000 inspections of 20 000 subjects: the count of the subject's inspections on the item
 *   in the year, on the index (subject_id, item_id, inspected_on).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { canonicalPool, draw, poolDigest } from '../src/domain/inspections/draw.ts';
import { creditCodeCheckChar } from '../src/domain/validators/credit-code.ts';
import { embeddedOptions, wrapPglite } from '../src/db/connect.ts';
import { inspectionsInYear } from '../src/services/inspections/store.ts';
import { addInspectionItem } from '../src/services/inspections/items.ts';
import { newWorld } from '../src/services/testing/factories.ts';

const POOL = Number(process.env.FAZHI_BENCH_DRAW_POOL ?? 1_000_000);
const SUBJECTS = 20_000;
const INSPECTIONS = 200_000;

const ms = (from: number) => performance.now() - from;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function creditCodes(n: number): string[] {
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const first17 = `91${String(530000 + (i % 9000)).padStart(6, '0')}MA${String(i).padStart(7, '0')}`;
    out[i] = first17 + creditCodeCheckChar(first17);
  }
  return out;
}

export async function benchDraw(): Promise<string> {
  const pool = creditCodes(POOL);
  // Shuffled input, as a database's order would be: the sort is part of the work.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = (i * 2654435761) % (i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const count = Math.ceil(POOL * 0.03);
  const seed = '3f9a1c7e5b2d48a6917c0e4f2b8d6a15';
  const run = (input: string[]) => {
    const whole: number[] = [];
    const cpu: number[] = [];
    let drawn: string[] = [];
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      const u = process.cpuUsage();
      drawn = draw({ seed, purpose: 'subjects:CG-001', pool: input, count }).drawn;
      whole.push(ms(t));
      const d = process.cpuUsage(u);
      cpu.push((d.user + d.system) / 1000);
    }
    return { ms: median(whole), cpu: median(cpu), drawn };
  };
  const sortMs: number[] = [];
  const digestMs: number[] = [];
  let sorted: string[] = [];
  for (let k = 0; k < 3; k++) {
    let t = performance.now();
    sorted = canonicalPool(pool);
    sortMs.push(ms(t));
    t = performance.now();
    poolDigest(sorted);
    digestMs.push(ms(t));
  }
  // As the service reads the pool (ORDER BY credit_code COLLATE "C") and as a published proof holds it: only checked.
  const ordered = run(sorted);
  // In any other order: sorted first.
  const unordered = run(pool);
  if (ordered.drawn.join() !== unordered.drawn.join()) throw new Error('the draw depends on the order of its input');
  return [
    `双随机 draw over ${POOL.toLocaleString('en')} subjects, ${count.toLocaleString('en')} drawn (median of 3; target ≤ 2 s): ${(ordered.ms / 1000).toFixed(2)} s (CPU ${(ordered.cpu / 1000).toFixed(2)} s) with the pool in order (the service's query, a proof's re-run), ${(unordered.ms / 1000).toFixed(2)} s (CPU ${(unordered.cpu / 1000).toFixed(2)} s) from an unordered pool`,
    `  of which: sorting 1 M codes ${(median(sortMs) / 1000).toFixed(2)} s, the pool's SM3 digest ${(median(digestMs) / 1000).toFixed(2)} s; same result either way (first drawn ${ordered.drawn[0]})`,
  ].join('\n');
}

export async function benchCaps(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-bench-insp-'));
  const handle = wrapPglite(new PGlite(path.join(dir, 'pgdata'), embeddedOptions()), dir);
  try {
    await handle.migrate();
    const ctx = { db: handle.db, clock: () => new Date('2026-03-02T02:00:00Z') };
    const w = await newWorld(ctx);
    const item = await addInspectionItem(ctx, w.actors['head.donghu'], w.org.district.id, { code: 'BENCH-1', name: '基准测试检查事项', basis: '《城市市容和环境卫生管理条例》第十一条', subjectKinds: ['enterprise'], method: 'onSite', yearlyCap: 2, random: false });
    const t0 = performance.now();
    await handle.db.execute(sql`
      INSERT INTO inspection_subjects (organization_id, credit_code, name, kind, address, category, risk_class)
      SELECT ${w.org.district.id}, 'B' || lpad(g::text, 17, '0'), '基准测试企业' || g, 'enterprise', '云城市', '商贸', 'B' FROM generate_series(1, ${SUBJECTS}) g`);
    const [{ first }] = ((await handle.db.execute(sql`SELECT min(id)::int AS first FROM inspection_subjects`)) as unknown as { rows: { first: number }[] }).rows as [{ first: number }];
    await handle.db.execute(sql`
      INSERT INTO inspections (organization_id, number, code, subject_id, item_id, trigger, cap_exempt, method, officers, state, registered_on, last_acted_on, inspected_on, record)
      SELECT ${w.org.brigade.id}, 'JCB' || lpad(g::text, 9, '0'), NULL, ${first} + (g % ${SUBJECTS}), ${item.id}, 'planned', g % 5 = 0, 'onSite', '[]'::jsonb, 'closed',
             DATE '2024-01-01' + (g % 1000), DATE '2024-01-01' + (g % 1000), DATE '2024-01-01' + (g % 1000), '{}'::jsonb
      FROM generate_series(1, ${INSPECTIONS}) g`);
    await handle.db.execute(sql`ANALYZE inspections`);
    const loadMs = ms(t0);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 2000; i++) {
      const t = performance.now();
      total += await inspectionsInYear(handle.db, first + ((i * 7919) % SUBJECTS), item.id, '2025-06-01', null);
      times.push(ms(t));
    }
    const sorted = times.slice().sort((a, b) => a - b);
    const { rows: plan } = (await handle.db.execute(sql`EXPLAIN SELECT count(*) FROM inspections WHERE subject_id = ${first} AND item_id = ${item.id} AND cap_exempt = false AND inspected_on >= '2025-01-01' AND inspected_on < '2026-01-01' AND state <> 'cancelled'`)) as unknown as { rows: { 'QUERY PLAN': string }[] };
    return [
      `caps check per inspection (inspectionsInYear) on the embedded database, ${INSPECTIONS.toLocaleString('en')} inspections of ${SUBJECTS.toLocaleString('en')} subjects (loaded in ${(loadMs / 1000).toFixed(1)} s):`,
      `  median ${median(times).toFixed(2)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)]!.toFixed(2)} ms over 2 000 checks (${total} counted); plan: ${plan.map((r) => r['QUERY PLAN'].trim()).slice(0, 2).join(' / ')}`,
    ].join('\n');
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
