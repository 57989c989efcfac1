import { openPostgres } from '/work/wt-perf/src/db/postgres.ts';
import { statementTap } from '/work/wt-perf/src/db/statements.ts';
import { listCasesPage } from '/work/wt-perf/src/services/cases/list-cases.ts';
import { sql } from 'drizzle-orm';
const h = openPostgres('postgres://fazhi@127.0.0.1:55441/fazhi_lists_1m', 2);
const { rows } = (await h.db.execute(sql`select u.id, u.roles, u.display_name, u.organization_id, o.path from users u join organizations o on o.id = u.organization_id where u.username = 'head.donghu'`)) as unknown as { rows: any[] };
const r = rows[0];
const head = { userId: r.id, organizationId: r.organization_id, organizationPath: r.path, roles: r.roles, displayName: r.display_name };
const ctx = { db: h.db, clock: () => new Date('2026-12-05T02:00:00Z') };
const query = JSON.parse(process.argv[2] ?? '{}');
const tap = statementTap(h.db); tap.recordedWithParams = [];
await listCasesPage(ctx, head, { ...query, limit: 20 });
const client = (h.db as any).$client;
for (const s of tap.recordedWithParams) {
  if (!/count\(|order by "cases"."id" desc/.test(s.query)) continue;
  const res = await client.query(`explain (analyze, buffers off) ${s.query}`, s.params);
  console.log(res.rows.map((x: any) => x['QUERY PLAN']).join('\n').slice(0, 2500)); console.log('----');
}
await h.close();
