/**
 * A synthetic province on PostgreSQL (issue 19 item 7; docs/PERFORMANCE.md "A province"): `npm run bench province`.
 *
 * 100 units in a tree — a province department, 11 city bureaus, 88 district bureaus (8 per city) — and, spread over
 * the 99 units below the province (every unit gets cases of every state):
 * - FAZHI_BENCH_PROVINCE_CASES cases (default 10,000,000) over five years (2022–2026), made by the case generator of
 *   the list bench (src/services/testing/generated-cases.ts, `dated`): a third decided with a fine, the legal review
 *   three days before the decision, four in five decisions published 1–10 days after it;
 * - half as many work orders (FAZHI_BENCH_PROVINCE_ORDERS), five channels, 85 % completed, half of those visited
 *   back (满意/基本满意/不满意);
 * - three tenths as many inspections (FAZHI_BENCH_PROVINCE_INSPECTIONS) of 100,000 subjects, 1 in 8 ordering
 *   rectification, most of those closed.
 * All made by INSERT … SELECT generate_series inside PostgreSQL, as a bulk load is made: the ledgers' own triggers off
 * and their secondary indexes dropped while the rows go in, then the indexes built again, the kept aggregates
 * (case_tallies, indicator_tallies) counted by their rebuild functions (`fazhi db rebuild-stats`), and VACUUM ANALYZE
 * — each step timed. Cases are compact (`generateCases` option `compact`: the record holds only what the indicators
 * read, ~0.4 KB a case) unless FAZHI_BENCH_PROVINCE_FULL=1. FAZHI_BENCH_PROVINCE_DB=name keeps the database and reuses
 * it when it exists.
 *
 * Then, next to a plain count(*) over the same rows: one unit's full indicator table for a year (target ≤ 1 s at
 * 1 M cases), a city's, and the province roll-up — the supervisor's roll-up (computeReportRollup, two levels: the 11
 * cities and their 88 districts) and every one of the 100 units' tables one after another (target ≤ 10 s at 10 M),
 * with the time per ledger source for one unit.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { systemActor } from '../src/domain/access.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { organizations } from '../src/db/schema.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { memoryFileStore } from '../src/services/file-store.ts';
import { indicatorSources } from '../src/services/indicators/sources.ts';
import { computeUnitIndicators, type IndicatorUnit } from '../src/services/indicators/unit-indicators.ts';
import { rebuildCaseTallies } from '../src/services/cases/case-tallies.ts';
import { rebuildIndicatorTallies } from '../src/services/indicators/tallies.ts';
import { addInspectionItem } from '../src/services/inspections/items.ts';
import { createOrganization, type Organization } from '../src/services/organizations.ts';
import { computeReportRollup } from '../src/services/rollup/report-rollup.ts';
import { generateCases } from '../src/services/testing/generated-cases.ts';

const CASES = Number(process.env.FAZHI_BENCH_PROVINCE_CASES ?? 10_000_000);
const ORDERS = Number(process.env.FAZHI_BENCH_PROVINCE_ORDERS ?? Math.round(CASES / 2));
const INSPECTIONS = Number(process.env.FAZHI_BENCH_PROVINCE_INSPECTIONS ?? Math.round(CASES * 0.3));
const SUBJECTS = 100_000;
const YEAR = Number(process.env.FAZHI_BENCH_PROVINCE_YEAR ?? 2025);
const PROVINCE = '云省城市管理综合行政执法局';
const COMPACT = process.env.FAZHI_BENCH_PROVINCE_FULL !== '1';
/** The ledger tables bulk-loaded: their triggers are off and their secondary indexes dropped meanwhile. */
const LOADED = ['cases', 'case_publicity', 'work_orders', 'inspections'];

type Rows<T> = { rows: T[] };

async function admin(url: string, statement: string, params: unknown[] = []): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement, params)).rows;
  } finally {
    await client.end();
  }
}

/** The province department, 11 city bureaus and 88 district bureaus; the ids of the 99 units below the province. */
async function provinceTree(ctx: ServiceContext): Promise<number[]> {
  const org = async (name: string, kind: 'bureau' | 'district_bureau', parentId: number | null, divisionCode: string) =>
    (await createOrganization(ctx, systemActor, { name, kind, parentId, divisionCode, creditCode: null })).id;
  const province = await org(PROVINCE, 'bureau', null, '530000');
  const units: number[] = [];
  for (let c = 1; c <= 11; c++) {
    const city = await org(`云省第${c}市城市管理局`, 'bureau', province, `53${String(c).padStart(2, '0')}00`);
    units.push(city);
    for (let d = 1; d <= 8; d++) units.push(await org(`云省第${c}市第${d}区城市管理和综合行政执法局`, 'district_bureau', city, `53${String(c).padStart(2, '0')}${String(d).padStart(2, '0')}`));
  }
  return units;
}

async function generate(ctx: ServiceContext): Promise<{ seconds: Record<string, number> }> {
  const seconds: Record<string, number> = {};
  const started = performance.now();
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    seconds[label] = (performance.now() - started) / 1000;
  };
  let units: number[] = [];
  let world: Awaited<ReturnType<typeof generateCases>>['world'] | undefined;
  // As a bulk load: the secondary indexes go and come back after (built once, not row by row), and the triggers
  // keeping the aggregates are off (the rebuild below counts everything once). The generator's template cases are
  // made through the services first; `units` is called after them, so the switch happens there.
  const indexes = (await ctx.db.execute(
    sql.raw(`select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename in (${LOADED.map((t) => `'${t}'`).join(',')})
      and indexname not in (select conname from pg_constraint)`),
  )) as unknown as Rows<{ indexname: string; indexdef: string }>;
  const bulk = async (on: boolean) => {
    for (const table of LOADED) await ctx.db.execute(sql.raw(`ALTER TABLE ${table} ${on ? 'DISABLE' : 'ENABLE'} TRIGGER USER`));
  };
  await timed('cases', async () => {
    const made = await generateCases(ctx, CASES, {
      dated: true,
      compact: COMPACT,
      chunk: 1_000_000,
      progress: (n) => process.stderr.write(`  cases ${n.toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`),
      partiesAndDeadlines: false,
      units: async () => {
        units = await provinceTree(ctx);
        // The template cases exist now (made through the services, counted by the triggers); the copies are loaded in bulk.
        for (const index of indexes.rows) await ctx.db.execute(sql.raw(`DROP INDEX ${index.indexname}`));
        await bulk(true);
        return units;
      },
    });
    world = made.world;
    return made;
  });
  const unitArray = `array[${units.join(',')}]`;
  await timed('work orders', () =>
    ctx.db.execute(
      sql.raw(`
      INSERT INTO work_orders (organization_id, unit_id, number, state, channel, kind, category_kind, category_code, content, address,
                               requester_name, requester_phone, received_on, last_acted_on, due_on, completed_on, visited_on, last_satisfaction, record)
      SELECT u, u, 'GDP' || lpad(g::text, 9, '0'),
             CASE WHEN g % 20 < 17 THEN 'closed' WHEN g % 20 = 17 THEN 'received' ELSE 'handling' END,
             (ARRAY['hotline','complaint','petitionOnline','digital','letter'])[1 + (g / 3) % 5],
             (ARRAY['consult','help','suggestion','complaint','report'])[1 + (g / 11) % 5],
             'matter', (ARRAY['06001','09006','06027','08001'])[1 + (g / 13) % 4], '小区楼顶有人私搭乱建板房。', '云省某市某区某路' || (g % 500) || '号', '李四', '13900139000',
             r, r + 15, r + 15,
             CASE WHEN g % 20 < 17 THEN r + 3 + g % 12 END,
             CASE WHEN g % 20 < 17 AND g % 2 = 0 THEN r + 16 + g % 12 END,
             CASE WHEN g % 20 < 17 AND g % 2 = 0 THEN (ARRAY['satisfied','satisfied','satisfied','basic','unsatisfied'])[1 + (g / 2) % 5] END,
             '{"acceptance":null,"dispatches":[],"returns":[],"urges":[],"extensions":[],"answers":[],"completion":null,"visits":[],"reopenings":[]}'::jsonb
      FROM generate_series(1, ${ORDERS}) AS g,
           LATERAL (SELECT (${unitArray})[1 + (g / 7) % ${units.length}] AS u, date '2022-01-01' + ((g * 7) % 1800) AS r) AS x`),
    ),
  );
  await timed('inspections', async () => {
    const item = await addInspectionItem(ctx, world!.actors['head.donghu'], world!.org.district.id, {
      code: 'PROV-1',
      name: '城市市容和环境卫生检查',
      basis: '《城市市容和环境卫生管理条例》第十一条',
      subjectKinds: ['enterprise'],
      method: 'onSite',
      yearlyCap: 2,
      random: false,
    });
    await ctx.db.execute(
      sql.raw(`INSERT INTO inspection_subjects (organization_id, credit_code, name, kind, address, category, risk_class)
        SELECT (${unitArray})[1 + g % ${units.length}], 'P' || lpad(g::text, 17, '0'), '检查对象企业' || g, 'enterprise', '云省', '商贸', 'B' FROM generate_series(1, ${SUBJECTS}) g`),
    );
    const [first] = ((await ctx.db.execute(sql`SELECT min(id)::int AS first FROM inspection_subjects`)) as unknown as Rows<{ first: number }>).rows;
    await ctx.db.execute(
      sql.raw(`
      INSERT INTO inspections (organization_id, number, code, subject_id, item_id, trigger, cap_exempt, method, officers, state, registered_on, last_acted_on, inspected_on, record)
      SELECT (${unitArray})[1 + (g / 7) % ${units.length}], 'JCP' || lpad(g::text, 10, '0'), NULL, ${first!.first} + (g % ${SUBJECTS}), ${item.id}, 'planned', g % 5 = 0, 'onSite',
             '[{"id":1,"name":"执法人员甲"},{"id":2,"name":"执法人员乙"}]'::jsonb,
             CASE WHEN g % 8 = 0 AND g % 24 <> 0 THEN 'rectifying' ELSE 'closed' END,
             r, r + 10, r + 2,
             CASE WHEN g % 8 = 0 THEN jsonb_build_object('findings', jsonb_build_object('outcome', 'rectify', 'on', (r + 2)::text, 'text', '发现占道堆放物料，责令限期整改。')) ELSE '{}'::jsonb END
      FROM generate_series(1, ${INSPECTIONS}) AS g, LATERAL (SELECT date '2022-01-01' + ((g * 7) % 1800) AS r) AS x`),
    );
  });
  await timed('indexes', async () => {
    for (const index of indexes.rows) await ctx.db.execute(sql.raw(index.indexdef));
  });
  await bulk(false);
  await timed('aggregates rebuilt', async () => {
    await rebuildCaseTallies(ctx.db);
    await rebuildIndicatorTallies(ctx.db);
  });
  await timed('vacuum analyze', () => ctx.db.execute(sql`VACUUM ANALYZE`));
  return { seconds };
}

async function timeOf<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export async function benchProvince(url: string): Promise<string> {
  const kept = process.env.FAZHI_BENCH_PROVINCE_DB;
  const name = kept ?? `fazhi_province_${randomBytes(6).toString('hex')}`;
  const exists = kept !== undefined && (await admin(url, 'select 1 from pg_database where datname = $1', [kept])).length > 0;
  if (!exists) await admin(url, `CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = openPostgres(dbUrl.toString(), 4);
  const lines: string[] = [];
  try {
    await handle.migrate();
    const ctx: ServiceContext = { db: handle.db, clock: () => new Date('2026-12-05T02:00:00Z'), files: memoryFileStore() };
    const made = exists ? null : await generate(ctx);
    const db = handle.db;
    const rows = async <T>(q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as Rows<T>).rows;
    const [size] = await rows<{ bytes: string }>(sql`select pg_database_size(current_database())::text as bytes`);
    const tables = ['cases', 'case_publicity', 'work_orders', 'inspections', 'inspection_subjects', 'organizations', 'audit_records', 'indicator_tallies', 'case_tallies'];
    lines.push(
      `A province on PostgreSQL — database ${name} (${exists ? 'reused' : `generated: ${Object.entries(made!.seconds).map(([k, s]) => `${k} ${s.toFixed(0)} s`).join(', ')}`}), ${(Number(size!.bytes) / 2 ** 30).toFixed(2)} GiB on disk`,
    );
    for (const table of tables) {
      const counted = await timeOf(() => rows<{ n: string; bytes: string }>(sql.raw(`select count(*)::text as n, pg_total_relation_size('${table}')::text as bytes from ${table}`)));
      lines.push(`  ${table.padEnd(20)} ${Number(counted.value[0]!.n).toLocaleString('en').padStart(12)} rows  ${(Number(counted.value[0]!.bytes) / 2 ** 20).toFixed(0).padStart(6)} MiB  count(*) ${counted.ms.toFixed(0)} ms`);
    }

    const all = await rows<IndicatorUnit & { parent_id: number | null }>(sql`select id, name, path, parent_id from organizations order by id`);
    const province = all.find((o) => o.name === PROVINCE)!;
    const units = all.filter((o) => o.path.startsWith(province.path));
    const city = units.find((o) => o.parent_id === province.id)!;
    const district = units.find((o) => o.parent_id === city.id)!;
    const unitCases = async (u: IndicatorUnit) =>
      (await rows<{ n: string }>(sql`select count(*)::text as n from cases c join organizations o on o.id = c.organization_id where o.path like ${`${u.path}%`} and c.decided_on between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`}`))[0]!.n;
    const baseline = async (u: IndicatorUnit) => timeOf(() => unitCases(u));

    lines.push(`  Indicator tables for ${YEAR} (${indicatorSources.map((s) => s.module).join(', ')}; every catalog key), next to a plain count(*) of the unit's cases decided in the year:`);
    for (const [label, unit] of [
      ['one district bureau', district],
      ['one city bureau (9 units)', city],
      ['the province (100 units)', province],
    ] as const) {
      const cold = await timeOf(() => computeUnitIndicators(ctx, unit, YEAR));
      const warm = await timeOf(() => computeUnitIndicators(ctx, unit, YEAR));
      const count = await baseline(unit);
      const penalties = cold.value.indicators.find((i) => i.key === 'penalty_cases')!.value;
      lines.push(
        `    ${label.padEnd(28)} first ${(cold.ms / 1000).toFixed(2)} s, again ${(warm.ms / 1000).toFixed(2)} s   count(*) ${(count.ms / 1000).toFixed(2)} s (${Number(count.value).toLocaleString('en')} decided; penalty_cases ${penalties?.toLocaleString('en') ?? '—'})`,
      );
    }
    const perSource: string[] = [];
    for (const source of indicatorSources) {
      const t = await timeOf(() => source.indicators(ctx, district.path, YEAR));
      perSource.push(`${source.module} ${(t.ms / 1000).toFixed(2)} s`);
    }
    lines.push(`    per source, the district bureau: ${perSource.join(', ')}`);

    // The supervisor's roll-up as the route computes it (two levels: cities and their districts), then each of the
    // 100 units' tables and the province's own one after another.
    const provinceOrg = (await db.select().from(organizations).where(eq(organizations.id, province.id)))[0] as Organization;
    const supervisor = await timeOf(() => computeReportRollup(ctx, provinceOrg, YEAR, { depth: 2 }));
    const total = supervisor.value.indicators.find((i) => i.key === 'penalty_cases')!.total.value;
    const rollup = await timeOf(async () => {
      for (const unit of units) await computeUnitIndicators(ctx, unit, YEAR);
    });
    const countAll = await timeOf(() => rows(sql`select c.organization_id, count(*) from cases c where c.decided_on between ${`${YEAR}-01-01`} and ${`${YEAR}-12-31`} group by 1`));
    lines.push(
      `    province roll-up (computeReportRollup, depth 2: ${supervisor.value.units.length} units; penalty_cases total ${total?.toLocaleString('en') ?? '—'}) ${(supervisor.ms / 1000).toFixed(2)} s (target ≤ 10 s at 10 M cases)`,
      `    the ${units.length} units' tables one after another ${(rollup.ms / 1000).toFixed(2)} s   count(*) by unit of the year's decisions ${(countAll.ms / 1000).toFixed(2)} s`,
    );
    return lines.join('\n');
  } finally {
    await handle.close();
    if (kept === undefined) await admin(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
