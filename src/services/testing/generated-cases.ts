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

/** The legal review (法制审核) a dated decided copy gets when the template case has none; its day is set per copy. */
const REVIEW = JSON.stringify({ on: '', reviewerId: 0, reviewerName: '法制审核员', passed: true, opinion: '同意' });

const STATES = ['closed', 'closed', 'closed', 'archived', 'archived', 'investigating', 'notified', 'decided', 'enforcing', 'hearing'];

type Rows = { rows: Record<string, unknown>[] };

/** The columns of `table` but `except`, for an INSERT … SELECT copying a template row. */
async function columns(db: Executor, table: string, except: string[]): Promise<string[]> {
  const found = (await db.execute(sql`select column_name from information_schema.columns where table_name = ${table} and table_schema = current_schema() and is_generated = 'NEVER' order by ordinal_position`)) as unknown as Rows;
  return found.rows.map((r) => String(r.column_name)).filter((c) => !except.includes(c));
}

export interface GeneratedCases {
  world: World;
  /** The officers the cases are spread over (two per case). */
  officers: number[];
  /** Codes of the two power-list items (SZ-002 is in category 市容环境). */
  codes: ['SZ-001', 'SZ-002'];
}

export interface GenerateCasesOptions {
  /** The units the cases are spread over, made after the world (default: the district, its brigade and town team). */
  units?: (world: World) => Promise<number[]>;
  /**
   * Dates as the indicators read them (the province bench, bench/province.ts): a decided case (one in three) decided
   * 15–74 days after its registration, with a fine of 100–5,000 元, its legal review 3 days before the decision, and
   * (four in five) published on the portal 1–10 days after it (the 7-working-day rule met or late); the case last
   * acted on at its decision or registration. Without it every copy keeps the template's dates, as the list bench had.
   */
  dated?: boolean;
  /** A party per case and a deadline for one in ten (the case lists need them; default true). */
  partiesAndDeadlines?: boolean;
  /**
   * With `dated`, a compact case for the 10 M province (bench/province.ts): its `record` holds only what the
   * indicators read (the decision's kind, kinds and fine, the legal review's day) instead of the template's whole
   * closed case (~2 KB), and its publicity's `content` is empty; ~0.4 KB a case on disk instead of ~2.2 KB.
   */
  compact?: boolean;
  /** Cases per INSERT (default: all in one); the copies are the same either way. */
  chunk?: number;
  /** Told after each chunk: cases made so far. */
  progress?: (made: number) => void;
  /** Called once the template cases exist (made through the services), before the copies: a bench's bulk-load switch. */
  beforeCopy?: () => Promise<void>;
}

export async function generateCases(ctx: ServiceContext, count: number, options: GenerateCasesOptions = {}): Promise<GeneratedCases> {
  const db = ctx.db;
  const world = await newWorld(ctx);
  const items = [await newPowerItem(ctx, world.org.district.id, { code: 'SZ-001' }), await newPowerItem(ctx, world.org.district.id, { code: 'SZ-002', category: '市容环境' })];
  const decided = await newCase(ctx, world, { state: 'closed', powerItemId: items[0]!.id });
  const open = await newCase(ctx, world, { state: 'notified', powerItemId: items[1]!.id });
  const units = options.units ? await options.units(world) : [world.org.brigade.id, world.org.town.id, world.org.district.id];
  await options.beforeCopy?.();
  // Unit and state drawn apart (a unit from g / 7, a state from g): every unit has cases of every state.
  const unitOf = options.units ? `(array[${units.join(',')}])[1 + (g / 7) % ${units.length}]` : `(array[${units.join(',')}])[1 + g % 3]`;
  const registered = options.dated ? `date '2022-01-01' + ((g * 7) % 1800)` : `date '2022-01-01' + (g % 1800)`;
  const decidedOn = `(${registered} + 15 + g % 60)`;
  const officers = ['wanglei', 'zhaogang', 'chief.donghu', 'sunli'].map((u) => world.users[u as keyof typeof world.users].id);
  const caseColumns = await columns(db, 'cases', ['id']);
  const generated: Record<string, string> = {
    organization_id: unitOf,
    state: `(array[${STATES.map((s) => `'${s}'`).join(',')}])[1 + g % ${STATES.length}]`,
    act_code: `'BENCH' || lpad(g::text, 9, '0')`,
    title: `t.title || '（' || g || '）'`,
    registered_on: registered,
    power_item_id: `(array[${items.map((i) => i.id).join(',')}])[1 + g % 2]`,
    officer_ids: `array[(array[${officers.join(',')}])[1 + g % 4], (array[${officers.join(',')}])[1 + (g + 1) % 4]]`,
    decision_kind: `case when g % 3 = 0 then t.decision_kind end`,
    decision_number: `case when g % 3 = 0 then '云东城管罚〔' || (2022 + g % 5) || '〕' || g || '号' end`,
    decision_status: `case when g % 3 = 0 then t.decision_status end`,
    record: `case when g % 3 = 0 then t.record else o.record end`,
    ...(options.dated
      ? {
          decided_on: `case when g % 3 = 0 then ${decidedOn} end`,
          decision_number: `case when g % 3 = 0 then '云城管罚〔' || extract(year from ${decidedOn}) || '〕' || g || '号' end`,
          fine_fen: `case when g % 3 = 0 then (1 + g % 50) * 10000 end`,
          last_acted_on: `case when g % 3 = 0 then ${decidedOn} else ${registered} end`,
          record: options.compact
            ? `case when g % 3 = 0 then jsonb_build_object('decision', jsonb_build_object('kind', 'penalty', 'penalty', jsonb_build_object('kinds', '["fine"]'::jsonb, 'fineFen', (1 + g % 50) * 10000)), 'legalReviews', jsonb_build_array(jsonb_build_object('on', (${decidedOn} - 3)::text, 'passed', true))) else '{}'::jsonb end`
            : `case when g % 3 = 0 then jsonb_set(t.record, '{legalReviews}', jsonb_build_array(jsonb_set(coalesce(t.record -> 'legalReviews' -> 0, '${REVIEW}'::jsonb), '{on}', to_jsonb((${decidedOn} - 3)::text)))) else o.record end`,
          ...(options.compact ? { title: `'违法行为案件' || g` } : {}),
        }
      : {}),
  };
  const select = caseColumns.map((c) => generated[c] ?? `t."${c}"`).join(', ');
  const chunk = options.chunk ?? count;
  for (let first = 1; first <= count; first += chunk) {
    const last = Math.min(count, first + chunk - 1);
    await db.execute(
      sql.raw(`insert into cases (${caseColumns.map((c) => `"${c}"`).join(', ')}) select ${select} from generate_series(${first}, ${last}) g, cases t, cases o where t.id = ${decided.id} and o.id = ${open.id}`),
    );
    options.progress?.(last);
  }
  if (options.dated) {
    const publicityColumns = await columns(db, 'case_publicity', ['id', 'case_id', 'organization_id', 'due_on', 'published_at']);
    await db.execute(
      sql.raw(
        `insert into case_publicity (case_id, organization_id, due_on, published_at, ${publicityColumns.map((c) => `"${c}"`).join(', ')}) select c.id, c.organization_id, c.decided_on + 7, (c.decided_on + 1 + c.id % 10)::timestamp at time zone 'Asia/Shanghai' + interval '10 hours', ${publicityColumns.map((c) => (options.compact && c === 'content' ? `'{}'::jsonb` : options.compact && c === 'search_text' ? `''` : `p."${c}"`)).join(', ')} from cases c, (select * from case_publicity where case_id = ${decided.id}) p where c.act_code like 'BENCH%' and c.decided_on is not null and c.id % 5 <> 0`,
      ),
    );
  }
  if (options.partiesAndDeadlines === false) {
    await db.execute(sql`analyze`);
    return { world, officers, codes: ['SZ-001', 'SZ-002'] };
  }
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
