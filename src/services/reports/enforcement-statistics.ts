/**
 * 行政执法数据 (issue #19 item 4): a unit's annual enforcement statistics over its subtree, counted from the ledgers
 * Fazhi holds — the case ledger (行政处罚 by kind, amounts, procedure, 不予处罚, 撤销, 结案, 申请法院强制执行) and the
 * inspections ledger (涉企行政检查, 双随机). Rows without a ledger (行政许可, 行政强制措施, …) say "本系统无记录".
 * The rows and their definitions: domain/reports/enforcement-statistics.ts; docs/REPORTS.md "行政执法数据".
 *
 * Counting choices:
 * - The calendar year in China time; a decision by its decision date, an inspection by its day (赋码 or the emergency
 *   day), a withdrawal, a closing and a court application by their act dates — all dates of the record, in China time.
 * - A revoked decision counts nowhere but in its own row (made in the year, revoked by the day of counting), as the
 *   annual report's indicators do (services/cases/indicators.ts); so 行政处罚决定（合计） equals the indicator
 *   `penalty_cases`, and fines plus confiscations equal `penalty_amount` (tested).
 * - Money is summed in 分 in SQL (exact) and returned in 元.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access.ts';
import { chinaDateOf } from '../../domain/calendar/iso-date.ts';
import { notFound } from '../../domain/errors.ts';
import { indicatorPolicy } from '../../domain/indicators/policy.ts';
import { assertMay } from '../../domain/policy.ts';
import {
  assertYearClosed,
  type EnforcementStatistics,
  NOT_RECORDED,
  statisticsCategories,
  statisticsNotes,
  statisticsPenaltyKinds,
  type StatisticsRow,
  statisticsRows,
  statisticsTitle,
} from '../../domain/reports/enforcement-statistics.ts';
import type { Executor } from '../../db/connect.ts';
import { type IndicatorContext, indicatorScope, NOT_BEGUN_NOTE, percentage, yuanOfFen } from '../kernel/indicators.ts';
import { getOrganization } from '../organizations.ts';

/** Per row key, twelve monthly values (counts, or 分 for money). */
type Monthly = Map<string, number[]>;

const months = () => Array.from({ length: 12 }, () => 0);

async function rowsOf(db: Executor, query: SQL): Promise<Record<string, unknown>[]> {
  const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows;
}

/** Adds `select month, <key> …` rows (numbers or numeric text) into `into`. */
function collect(into: Monthly, rows: Record<string, unknown>[], keys: readonly string[]): void {
  for (const key of keys) if (!into.has(key)) into.set(key, months());
  for (const row of rows) {
    const month = Number(row.month);
    for (const key of keys) into.get(key)![month - 1]! += Number(row[key] ?? 0);
  }
}

const kindColumn = (kind: string) => `kind_${kind}`;

/** Decisions made in the year (penalty and no-penalty), per month of the decision date. */
function decisionsQuery(path: string, from: string, to: string): SQL {
  const stands = sql`c.decision_kind = 'penalty' and c.decision_status <> 'revoked'`;
  const kinds = sql.join(
    statisticsPenaltyKinds.map((kind) => sql`count(*) filter (where ${stands} and (c.record -> 'decision' -> 'penalty' -> 'kinds') @> ${JSON.stringify([kind])}::jsonb)::int as ${sql.identifier(kindColumn(kind))}`),
    sql`, `,
  );
  return sql`
    select extract(month from c.decided_on)::int as month,
      count(*) filter (where ${stands})::int as penalty_decisions,
      ${kinds},
      coalesce(sum(c.fine_fen) filter (where ${stands}), 0)::float8 as fine_amount,
      coalesce(sum((c.record -> 'decision' -> 'penalty' ->> 'confiscationFen')::bigint) filter (where ${stands}), 0)::float8 as confiscation_amount,
      count(*) filter (where ${stands} and c.procedure = 'simple')::int as simple_procedure,
      count(*) filter (where ${stands} and c.procedure = 'ordinary')::int as ordinary_procedure,
      count(*) filter (where c.decision_kind = 'noPenalty' and c.decision_status <> 'revoked')::int as no_penalty,
      count(*) filter (where c.decision_kind = 'penalty' and c.decision_status = 'revoked')::int as revoked
    from cases c join organizations o on o.id = c.organization_id
    where o.path like ${`${path}%`} and c.decision_kind in ('penalty', 'noPenalty') and c.decided_on between ${from}::date and ${to}::date
    group by 1`;
}

/** Cases with a dated act of the year at `dateExpr` (withdrawn filings, closings, court applications), per month. */
function actsQuery(path: string, from: string, to: string, key: string, dateExpr: SQL, extra: SQL = sql`true`): SQL {
  return sql`
    select extract(month from (${dateExpr})::date)::int as month, count(*)::int as ${sql.identifier(key)}
    from cases c join organizations o on o.id = c.organization_id
    where o.path like ${`${path}%`} and ${extra} and (${dateExpr})::date between ${from}::date and ${to}::date
    group by 1`;
}

/** Inspections of subjects carried out in the year (not cancelled), and the 双随机 ones among them, per month. */
function inspectionsQuery(path: string, from: string, to: string): SQL {
  return sql`
    select extract(month from i.inspected_on)::int as month, count(*)::int as inspections,
      count(*) filter (where i.trigger = 'random')::int as random_inspections
    from inspections i join organizations o on o.id = i.organization_id
    where o.path like ${`${path}%`} and i.state <> 'cancelled' and i.inspected_on between ${from}::date and ${to}::date
    group by 1`;
}

export interface StatisticsUnit {
  id: number;
  name: string;
  path: string;
}

/**
 * The statistics of `unit`'s subtree for `year` — no actor: the caller authorizes (the staff route through
 * `enforcementStatistics`, the public route through `publicEnforcementStatistics`, the CLI as the system).
 */
export async function computeEnforcementStatistics(ctx: IndicatorContext, unit: StatisticsUnit, year: number): Promise<EnforcementStatistics> {
  const scope = indicatorScope(ctx.clock, unit.path, year);
  const { from, to } = scope;
  const monthly: Monthly = new Map();
  // Sequential on purpose: `ctx.db` may be one connection (PGlite).
  const decisionKeys = ['penalty_decisions', ...statisticsPenaltyKinds.map(kindColumn), 'fine_amount', 'confiscation_amount', 'simple_procedure', 'ordinary_procedure', 'no_penalty', 'revoked'];
  collect(monthly, scope.begun ? await rowsOf(ctx.db, decisionsQuery(unit.path, from, to)) : [], decisionKeys);
  const acts: [string, SQL, SQL?][] = [
    ['withdrawn', sql`c.record -> 'sideExit' ->> 'on'`, sql`c.record -> 'sideExit' ->> 'action' = 'withdrawFiling'`],
    ['closed', sql`c.closed_on`],
    ['court_enforcement', sql`c.record -> 'courtEnforcement' ->> 'on'`],
  ];
  for (const [key, date, extra] of acts) collect(monthly, scope.begun ? await rowsOf(ctx.db, actsQuery(unit.path, from, to, key, date, extra)) : [], [key]);
  collect(monthly, scope.begun ? await rowsOf(ctx.db, inspectionsQuery(unit.path, from, to)) : [], ['inspections', 'random_inspections']);

  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
  const rows: StatisticsRow[] = statisticsRows.map((def) => {
    const base = { key: def.key, category: def.category, categoryLabel: statisticsCategories[def.category], name: def.name, unit: def.unit, recorded: def.recorded, definition: def.definition };
    if (!def.recorded) return { ...base, value: null, months: null, note: NOT_RECORDED };
    if (!scope.begun) return { ...base, value: null, months: null, note: NOT_BEGUN_NOTE };
    if (def.key === 'random_share') {
      const all = monthly.get('inspections')!;
      const random = monthly.get('random_inspections')!;
      const total = sum(all);
      return {
        ...base,
        value: total ? percentage(sum(random), total) : null,
        months: all.map((n, i) => (n ? percentage(random[i]!, n) : null)),
        note: total ? null : '本年度无行政检查，无法计算占比',
      };
    }
    const values = monthly.get(def.key)!;
    if (def.unit === '元') return { ...base, value: yuanOfFen(sum(values)), months: values.map(yuanOfFen), note: null };
    return { ...base, value: sum(values), months: values, note: null };
  });
  return {
    organization: { id: unit.id, name: unit.name },
    year,
    countedOn: scope.today,
    closed: scope.to < scope.today,
    title: statisticsTitle(unit.name, year),
    rows,
    notes: [...statisticsNotes, ...(scope.to < scope.today ? [] : [`${String(year)}年度尚未结束，数据截至 ${scope.today}。`])],
  };
}

/** `GET /api/organizations/:id/enforcement-statistics?year=`: who reads the indicator table reads this. */
export async function enforcementStatistics(ctx: IndicatorContext, actor: Actor, organizationId: number, year: number): Promise<EnforcementStatistics> {
  assertMay(actor, indicatorPolicy.viewIndicators);
  const unit = await getOrganization(ctx, actor, organizationId);
  return computeEnforcementStatistics(ctx, unit, year);
}

/** Bodies whose statistics are public: the enforcement bodies of the portal (services/public-disclosure.ts). */
const NOT_PUBLIC_KIND = 'justice_bureau';

/**
 * `GET /api/public/enforcement-statistics?org=&year=`: once the year is over the statistics are public (国办发〔2018〕118号);
 * the current year (and a later one) is refused with the reason. Only enforcement bodies (as the portal lists them).
 */
export async function publicEnforcementStatistics(ctx: IndicatorContext, organizationId: number, year: number): Promise<EnforcementStatistics> {
  assertYearClosed(year, chinaDateOf(ctx.clock()));
  const rows = await rowsOf(ctx.db, sql`select id, name, path, kind from organizations where id = ${organizationId}`);
  const org = rows[0];
  if (!org || org.kind === NOT_PUBLIC_KIND) throw notFound('该执法主体', { id: organizationId });
  return computeEnforcementStatistics(ctx, { id: Number(org.id), name: String(org.name), path: String(org.path) }, year);
}
