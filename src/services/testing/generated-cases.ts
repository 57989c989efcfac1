/**
 * Many cases at once for the list benchmarks and the index tests (issue 16 item 7): a few cases are made through the
 * services (so every column is as the app writes it), then copied `count` times with SQL `generate_series` — not
 * through the API — over three units of the district, four officers, ten states, five years of registrations
 * (2022–2026), a third with a penalty decision (number 云东城管罚〔year〕N号), one in ten with an open deadline due within 90
 * days of 2026-11-01, and each with a party named like 李某123. Generated act codes start with BENCH.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/connect.ts';
import type { ServiceContext } from '../context.ts';
import { newCase, newPowerItem, newWorld, type World } from './factories.ts';

const STATES = ['closed', 'closed', 'closed', 'archived', 'archived', 'investigating', 'notified', 'decided', 'enforcing', 'hearing'];

type Rows = { rows: Record<string, unknown>[] };

/** The columns of `table` but `except`, for an INSERT … SELECT copying a template row. */
async function columns(db: Executor, table: string, except: string[]): Promise<string[]> {
  const found = (await db.execute(sql`select column_name from information_schema.columns where table_name = ${table} and table_schema = current_schema() order by ordinal_position`)) as unknown as Rows;
  return found.rows.map((r) => String(r.column_name)).filter((c) => !except.includes(c));
}

export interface GeneratedCases {
  world: World;
  /** The officers the cases are spread over (two per case). */
  officers: number[];
  /** Codes of the two power-list items (SZ-002 is in category 市容环境). */
  codes: ['SZ-001', 'SZ-002'];
}

export async function generateCases(ctx: ServiceContext, count: number): Promise<GeneratedCases> {
  const db = ctx.db;
  const world = await newWorld(ctx);
  const items = [await newPowerItem(ctx, world.org.district.id, { code: 'SZ-001' }), await newPowerItem(ctx, world.org.district.id, { code: 'SZ-002', category: '市容环境' })];
  const decided = await newCase(ctx, world, { state: 'closed', powerItemId: items[0]!.id });
  const open = await newCase(ctx, world, { state: 'notified', powerItemId: items[1]!.id });
  const units = [world.org.brigade.id, world.org.town.id, world.org.district.id];
  const officers = ['wanglei', 'zhaogang', 'chief.donghu', 'sunli'].map((u) => world.users[u as keyof typeof world.users].id);
  const caseColumns = await columns(db, 'cases', ['id']);
  const generated: Record<string, string> = {
    organization_id: `(array[${units.join(',')}])[1 + g % 3]`,
    state: `(array[${STATES.map((s) => `'${s}'`).join(',')}])[1 + g % ${STATES.length}]`,
    act_code: `'BENCH' || lpad(g::text, 9, '0')`,
    title: `t.title || '（' || g || '）'`,
    registered_on: `date '2022-01-01' + (g % 1800)`,
    power_item_id: `(array[${items.map((i) => i.id).join(',')}])[1 + g % 2]`,
    officer_ids: `array[(array[${officers.join(',')}])[1 + g % 4], (array[${officers.join(',')}])[1 + (g + 1) % 4]]`,
    decision_kind: `case when g % 3 = 0 then t.decision_kind end`,
    decision_number: `case when g % 3 = 0 then '云东城管罚〔' || (2022 + g % 5) || '〕' || g || '号' end`,
    decision_status: `case when g % 3 = 0 then t.decision_status end`,
    record: `case when g % 3 = 0 then t.record else o.record end`,
  };
  const select = caseColumns.map((c) => generated[c] ?? `t."${c}"`).join(', ');
  await db.execute(
    sql.raw(`insert into cases (${caseColumns.map((c) => `"${c}"`).join(', ')}) select ${select} from generate_series(1, ${count}) g, cases t, cases o where t.id = ${decided.id} and o.id = ${open.id}`),
  );
  const partyColumns = await columns(db, 'case_parties', ['id', 'case_id', 'name']);
  await db.execute(
    sql.raw(
      `insert into case_parties (case_id, name, ${partyColumns.map((c) => `"${c}"`).join(', ')}) select c.id, (array['张','王','李','赵','刘'])[1 + c.id % 5] || '某' || c.id, ${partyColumns.map((c) => `p."${c}"`).join(', ')} from cases c, case_parties p where p.case_id = ${decided.id} and c.act_code like 'BENCH%'`,
    ),
  );
  // A case's deadlines carry its unit, as deadline-store writes them.
  const deadlineColumns = await columns(db, 'deadlines', ['id', 'subject_id', 'organization_id', 'due_on', 'met_on', 'met_at', 'met_late', 'late_reason']);
  await db.execute(
    sql.raw(
      `insert into deadlines (subject_id, organization_id, due_on, ${deadlineColumns.map((c) => `"${c}"`).join(', ')}) select c.id, c.organization_id, date '2026-11-01' + (c.id % 90), ${deadlineColumns.map((c) => `d."${c}"`).join(', ')} from cases c, (select * from deadlines where subject_type = 'case' and subject_id = ${open.id} and met_on is null limit 1) d where c.act_code like 'BENCH%' and c.id % 10 = 0`,
    ),
  );
  await db.execute(sql`analyze`);
  return { world, officers, codes: ['SZ-001', 'SZ-002'] };
}
